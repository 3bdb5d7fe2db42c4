// Hover over status codes in JavaScript/TypeScript frameworks, and no hover on the numbers
// that are not statuses (ports, timeouts, sizes, indexes, loop bounds, strings, comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';
import { doHover } from '../../server/src/features/hover';


const fixtures: Record<string, { languageId: string; cases: Case[] }> = {
  'express.js': {
    languageId: 'javascript',
    cases: [
      ['status(400)', 0, 7, '400 Bad Request'],
      ['status(409)', 0, 7, '409 Conflict'],
      ['StatusCodes.CREATED', 0, 12, '201 Created'],
      ['sendStatus(204)', 0, 11, '204 No Content'],
      ['redirect(301', 0, 9, '301 Moved Permanently'],
      ['statusCode = 204', 0, 13, '204 No Content'],
      ['= 3000', 0, 2, null],
      ['= 443', 0, 2, null],
      ['i < 200', 0, 4, null],
      ['items[404]', 0, 6, null],
      ['mentioning 500', 0, 11, null],
      ['and 404', 0, 4, null],
      ["'Returned 503", 0, 10, null],
      ['1024 * 500', 0, 7, null],
      ['{}, 500', 0, 4, null],
      ['listen(3000', 0, 7, null],
    ],
  },
  'koa.js': {
    languageId: 'javascript',
    cases: [
      ['ctx.status = 401', 0, 13, '401 Unauthorized'],
      ['403', 0, 0, '403 Forbidden'],
      ['throw(429', 0, 6, '429 Too Many Requests'],
      ['ctx.status = 200', 0, 13, '200 OK'],
      ['listen(8080', 0, 7, null],
    ],
  },
  'fastify.js': {
    languageId: 'javascript',
    cases: [
      ['code(201)', 0, 5, '201 Created'],
      ['status(404)', 0, 7, '404 Not Found'],
      ['1048576', 0, 0, null],
      ['port: 3000', 0, 6, null],
    ],
  },
  'nestjs.ts': {
    languageId: 'typescript',
    cases: [
      ['HttpCode(201)', 0, 9, '201 Created'],
      ['HttpCode(204)', 0, 9, '204 No Content'],
      ['HttpStatus.NOT_FOUND', 0, 11, '404 Not Found'],
      ["'Conflict', 409", 0, 12, '409 Conflict'],
      ['splice(Number(id), 1', 0, 19, null],
    ],
  },
  'hono.ts': {
    languageId: 'typescript',
    cases: [
      ["}, 409", 0, 3, '409 Conflict'],
      ['book, 201', 0, 6, '201 Created'],
      ['HTTPException(401', 0, 14, '401 Unauthorized'],
      ["'/books', 301", 0, 10, '301 Moved Permanently'],
      ['port: 8787', 0, 6, null],
    ],
  },
  'nextjs.ts': {
    languageId: 'typescript',
    cases: [
      ['status: 409', 0, 8, '409 Conflict'],
      ['status: 200', 0, 8, '200 OK'],
      ['status: 204', 0, 8, '204 No Content'],
      ['> 100', 0, 2, null],
      ['max-age=60', 0, 8, null],
      ['= 3600', 0, 2, null],
    ],
  },
  'node-http.js': {
    languageId: 'javascript',
    cases: [
      ['writeHead(405', 0, 10, '405 Method Not Allowed'],
      ['writeHead(200', 0, 10, '200 OK'],
      ['HTTP_STATUS_CONFLICT', 0, 3, '409 Conflict'],
      ["'Content-Length': 2", 0, 18, null],
      ['listen(8080', 0, 7, null],
      ['120000', 0, 0, null],
    ],
  },
  'tests.spec.js': {
    languageId: 'javascript',
    cases: [
      ['expect(409)', 0, 7, '409 Conflict'],
      ['res.status).toBe(201', 0, 17, '201 Created'],
      ['res.statusCode).toBe(201', 0, 21, '201 Created'],
      ['res.status, 201', 0, 12, '201 Created'],
      ['r.status === 404', 0, 13, '404 Not Found'],
      ['total).toBe(409', 0, 12, null],
      ['toHaveLength(3', 0, 13, null],
      ['}, 10000', 0, 3, null],
      ['toBe(3)', 0, 5, null],
      [':3000/x', 0, 1, null],
      ['status !== 0', 0, 11, null],
      ['statusCode === 1', 0, 15, null],
    ],
  },
};

hoverFixtureTests('javascript', fixtures);

test('the full hover explains use, look-alikes, headers and links', async () => {
  const { document, model, settings, offset } = await analyze('app.get("/", (req, res) => res.status(4|09).json({}));', 'javascript');
  const hover = doHover(document, model, offset, settings);
  const value = (hover!.contents as { value: string }).value;
  assert.match(value, /\*\*409 Conflict\*\*/);
  assert.match(value, /\*\*Use it when\*\*/);
  assert.match(value, /\*\*Not when\*\*/);
  assert.match(value, /422/);
  assert.match(value, /rfc9110#section-15\.5\.10/);
  assert.match(value, /developer\.mozilla\.org/);
});

test('401 hover names the WWW-Authenticate header; compact hover is short', async () => {
  const { document, model, settings, offset } = await analyze('res.status(40|1).end();', 'javascript');
  const full = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.match(full, /WWW-Authenticate/);
  settings.hover.format = 'compact';
  const compact = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.ok(compact.length < full.length / 2, 'compact is much shorter');
  assert.doesNotMatch(compact, /Use it when/);
  assert.match(compact, /rfc9110/);
});

test('a code no registry defines still hovers in a status context, saying so', async () => {
  const { document, model, settings, offset } = await analyze('res.status(29|9).send();', 'javascript');
  const value = (doHover(document, model, offset, settings)!.contents as { value: string }).value;
  assert.match(value, /not a registered HTTP status code/);
});

test('plain-text hover for clients without Markdown', async () => {
  const { document, model, settings, offset } = await analyze('res.status(40|9).end();', 'javascript');
  const hover = doHover(document, model, offset, settings, false)!;
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'plaintext');
  assert.doesNotMatch(contents.value, /\*\*/);
  assert.match(contents.value, /409 Conflict/);
});
