// The OpenAPI adapter's model: which documents it serves, the declaration sites and handlers it
// reports, the response facts, edits that leave valid YAML / JSON with the change where it
// belongs, the completion slot, and speed on large specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import type { OffsetEdit } from '../../server/src/model';
import { openapiAdapter } from '../../server/src/languages/openapi/adapter';
import { yamlStats } from '../../server/src/languages/openapi/yamlTree';
import { analyze, readFixture } from '../helpers/analyze';
import { applyEdits as apply } from '../helpers/modelEdits';

let n = 0;
const extract = (text: string, languageId = 'yaml', uri = `file:///spec${n++}.${languageId}`) => openapiAdapter.extract({ uri, languageId, text });
const slotAt = (source: string, languageId = 'yaml') => {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return openapiAdapter.slotAt!({ uri: 'file:///s', languageId, text }, offset);
};

const spec = `openapi: 3.0.3
info:
  title: Orders
  version: "1"
paths:
  /orders:
    post:
      responses:
        '201':
          description: Created
          content:
            application/json:
              schema:
                type: object
        409:
          description: Exists
          headers:
            X-Request-Id:
              schema:
                type: string
        "204":
          description: Nothing
          content: {}
        4xx:
          description: Client error
        default:
          description: Other
    get:
      responses:
        '401':
          $ref: '#/components/responses/Unauthorized'
        '404':
          $ref: 'common.yaml#/NotFound'
components:
  responses:
    Unauthorized:
      description: Sign in
      headers:
        WWW-Authenticate:
          schema:
            type: string
`;

test('accepts OpenAPI 3 and Swagger 2 documents only', () => {
  const accepts = openapiAdapter.accepts!;
  assert.ok(accepts(spec, 'file:///a.yaml'));
  assert.ok(accepts('swagger: "2.0"\ninfo: {}\n', 'file:///a.yaml'));
  assert.ok(accepts('{\n  "openapi": "3.1.0",\n  "paths": {}\n}', 'file:///a.json'));
  assert.ok(!accepts('version: "3.8"\nservices:\n  web:\n    image: nginx\n', 'file:///docker-compose.yaml'));
  assert.ok(!accepts('{ "name": "x", "version": "2.0.0", "dependencies": { "swagger-ui": "4.0.0" } }', 'file:///package.json'));
  assert.ok(!accepts('swagger:\n  enabled: true\n', 'file:///application.yaml'));
  assert.ok(!accepts('gateway:\n  openapi: 3.0.0\n', 'file:///gateway.yaml'));
  // Key-sorted dumps put `openapi` after a long `components` section.
  const sorted = `components:\n  schemas:\n${'    X:\n      type: object\n'.repeat(400)}info:\n  title: x\nopenapi: 3.0.0\npaths: {}\n`;
  assert.ok(sorted.indexOf('openapi') > 4096);
  assert.ok(accepts(sorted, 'file:///sorted.yaml'));
});

test('response keys are declaration sites, in order; ranges carry their class; default is none', () => {
  const model = extract(spec);
  const sites = model.sites.map((s) => [spec.slice(s.span.start, s.span.end), s.code, s.kind, s.role, s.name]);
  assert.deepEqual(sites, [
    ["'201'", 201, 'key', 'declaration', undefined],
    ['409', 409, 'key', 'declaration', undefined],
    ['"204"', 204, 'key', 'declaration', undefined],
    ['4xx', 400, 'key', 'declaration', '4xx'],
    ["'401'", 401, 'key', 'declaration', undefined],
    ["'404'", 404, 'key', 'declaration', undefined],
  ]);
  assert.equal(model.sites[3].response, undefined, 'a class of codes is not one response');
});

test('operations are handlers with their method, route and sibling methods', () => {
  const model = extract(spec);
  assert.deepEqual(model.handlers.map((h) => [h.method, h.route, h.routeMethods]), [
    ['POST', '/orders', ['POST', 'GET']],
    ['GET', '/orders', ['POST', 'GET']],
  ]);
  const fixture = readFixture('hover', 'openapi', 'orders.yaml');
  const routes = extract(fixture).handlers.map((h) => `${h.method} ${h.route}`);
  // Callbacks and webhooks declare operations too.
  assert.deepEqual(routes, ['GET /orders', 'POST /orders', 'POST {$request.body#/callbackUrl}', 'DELETE /orders/{id}', 'POST orderCancelled']);
});

test('response facts: body when content is declared, headers lower-cased, $ref followed locally', () => {
  const model = extract(spec);
  const byCode = (code: number) => model.responses[model.sites.find((s) => s.code === code)!.response!];
  assert.ok(byCode(201).body, '201 declares content');
  assert.equal(byCode(409).body, undefined);
  assert.deepEqual(byCode(409).headers.map((h) => h.name), ['x-request-id']);
  assert.equal(byCode(204).body, undefined, 'content: {} declares no body');
  assert.deepEqual(byCode(401).headers.map((h) => h.name), ['www-authenticate'], 'headers of the referenced response');
  assert.equal(model.sites.find((s) => s.code === 404)!.response, undefined, 'an external $ref: facts unknown, so none');
  assert.equal(byCode(201).handler, 0);
  assert.equal(byCode(401).handler, 1);
  for (const r of model.responses) assert.equal(model.sites[r.site!].response, model.responses.indexOf(r));
});

test('Swagger 2: a schema is a body', () => {
  const model = extract(readFixture('hover', 'openapi', 'swagger.yaml'));
  const r201 = model.responses[model.sites.find((s) => s.code === 201)!.response!];
  const r405 = model.responses[model.sites.find((s) => s.code === 405)!.response!];
  assert.ok(r201.body);
  assert.equal(r405.body, undefined);
  const r401 = model.responses[model.sites.find((s) => s.code === 401)!.response!];
  assert.deepEqual(r401.headers.map((h) => h.name), ['www-authenticate'], '#/responses/ references resolve');
});

test('YAML edits: add a header (new block and existing block), drop the body, set the status', () => {
  const model = extract(spec);
  const r = (code: number) => model.responses[model.sites.find((s) => s.code === code)!.response!];
  const added = apply(spec, r(201).edits.addHeader!('Location', '/orders/1'));
  const doc = parseYaml(added);
  assert.deepEqual(doc.paths['/orders'].post.responses['201'].headers, { Location: { schema: { type: 'string' }, example: '/orders/1' } });
  assert.ok(doc.paths['/orders'].post.responses['201'].content, 'the content stays');
  const again = apply(spec, r(409).edits.addHeader!('Retry-After', ''));
  assert.deepEqual(Object.keys(parseYaml(again).paths['/orders'].post.responses['409'].headers), ['X-Request-Id', 'Retry-After']);
  assert.equal(r(409).edits.addHeader!('x-request-id', 'a'), undefined, 'already declared');
  assert.equal(r(401).edits.addHeader, undefined, 'a shared response is not edited from one operation');

  const dropped = parseYaml(apply(spec, r(201).edits.dropBody!()));
  assert.deepEqual(dropped.paths['/orders'].post.responses['201'], { description: 'Created' });
  assert.equal(r(409).edits.dropBody, undefined, 'no body to drop');

  const renamed = apply(spec, r(201).edits.setStatus!(202));
  assert.match(renamed, /^ {8}'202':$/m);
  assert.equal(r(201).edits.setStatus!(409), undefined, '409 is already declared');
});

test('YAML edits keep the file\'s indentation (4 spaces); one-line flow maps get flow edits', () => {
  const text = 'openapi: 3.1.0\npaths:\n    /a:\n        delete:\n            responses:\n                "401":\n                    description: No\n                "204": {description: Gone}\n';
  const model = extract(text);
  const out = apply(text, model.responses[0].edits.addHeader!('WWW-Authenticate', 'Bearer'));
  assert.match(out, /\n {20}headers:\n {24}WWW-Authenticate:\n {28}schema:\n {32}type: string\n {28}example: "Bearer"\n/);
  assert.deepEqual(parseYaml(out).paths['/a'].delete.responses['401'].headers['WWW-Authenticate'].example, 'Bearer');
  const flow = apply(text, model.responses[1].edits.addHeader!('X-Trace', 'y'));
  assert.match(flow, /"204": \{description: Gone, "headers": \{.*\}\}\n$/);
  assert.deepEqual(parseYaml(flow).paths['/a'].delete.responses['204'], { description: 'Gone', headers: { 'X-Trace': { schema: { type: 'string' }, example: 'y' } } });
  const multi = 'openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        "200": {\n          description: ok }\n';
  assert.equal(extract(multi).responses[0].edits.addHeader!('X', 'y'), undefined, 'a flow map over lines: no guess');
});

test('JSON: facts and edits that keep valid JSON in the document\'s layout', () => {
  const text = JSON.stringify({ openapi: '3.0.0', paths: { '/a': { post: { responses: { '201': { description: 'c', content: { 'application/json': {} } }, '401': { description: 'u', headers: {} }, '429': { description: 't', headers: { 'Retry-After': {} } } } } } } }, null, 2);
  const model = extract(text, 'json');
  assert.deepEqual(model.sites.map((s) => [text.slice(s.span.start, s.span.end), s.code]), [['"201"', 201], ['"401"', 401], ['"429"', 429]]);
  const [r201, r401, r429] = model.responses;
  assert.ok(r201.body);
  assert.deepEqual(r429.headers.map((h) => h.name), ['retry-after']);
  const responses = (t: string) => JSON.parse(t).paths['/a'].post.responses;
  assert.deepEqual(responses(apply(text, r201.edits.addHeader!('Location', '/a/1')))['201'].headers, { Location: { schema: { type: 'string' }, example: '/a/1' } });
  assert.deepEqual(responses(apply(text, r401.edits.addHeader!('WWW-Authenticate', '')))['401'].headers, { 'WWW-Authenticate': { schema: { type: 'string' } } });
  assert.deepEqual(Object.keys(responses(apply(text, r429.edits.addHeader!('X-Limit', '10')))['429'].headers), ['Retry-After', 'X-Limit']);
  assert.deepEqual(responses(apply(text, r201.edits.dropBody!()))['201'], { description: 'c' });
  assert.deepEqual(Object.keys(responses(apply(text, r401.edits.setStatus!(403)))), ['201', '403', '429']);
  const added = apply(text, r201.edits.addHeader!('Location', '/a/1'));
  assert.match(added, /\n {12}"headers": \{\n {14}"Location": \{\n {16}"schema"/, 'indented like its siblings');
  // One-line JSON stays on one line.
  const compact = JSON.stringify(JSON.parse(text));
  const c = extract(compact, 'json');
  const out = apply(compact, c.responses[0].edits.addHeader!('Location', '/a/1'));
  assert.ok(!out.includes('\n'));
  assert.deepEqual(responses(out)['201'].headers.Location.example, '/a/1');
});

test('Swagger 2 headers are written the Swagger 2 way', () => {
  const text = readFixture('hover', 'openapi', 'swagger.yaml');
  const model = extract(text);
  const r = model.responses[model.sites.find((s) => s.code === 201)!.response!];
  const out = parseYaml(apply(text, r.edits.addHeader!('Location', '/pets/1')));
  assert.deepEqual(out.paths['/pets'].post.responses['201'].headers, { Location: { type: 'string', 'x-example': '/pets/1' } });
});

test('slotAt: a new key under an operation\'s responses, in YAML and JSON', () => {
  const yaml = (line: string) => `openapi: 3.0.0\npaths:\n  /a:\n    post:\n      responses:\n        '201':\n          description: x\n${line}\ncomponents:\n  responses:\n    |\n`;
  const empty = slotAt(yaml('        |'));
  assert.deepEqual([empty?.accepts, empty?.role, empty?.method], ['string', 'declaration', 'POST']);
  assert.equal(empty!.span.end - empty!.span.start, 0);
  const partial = slotAt(yaml("        '4|"));
  assert.equal(partial!.span.end - partial!.span.start, 1, 'the typed digit is the span');
  assert.equal(slotAt(yaml('          |')), undefined, 'inside a response, not a key of responses');
  assert.equal(slotAt(yaml('        description: |')), undefined);
  assert.equal(slotAt(`openapi: 3.0.0\ncomponents:\n  responses:\n    |\n`), undefined, 'components.responses takes names');
  const json = '{\n  "openapi": "3.0.0",\n  "paths": { "/a": { "get": { "responses": {\n    "200": { "description": "{x}" },\n    "4|\n  } } } }\n}';
  const js = slotAt(json, 'json');
  assert.deepEqual([js?.accepts, js?.method, js && json.replace('|', '').slice(js.span.start, js.span.end)], ['string', 'GET', '4']);
  assert.equal(slotAt('{ "openapi": "3.0.0", "components": { "responses": { "|" } } }', 'json'), undefined);
  assert.equal(slotAt('{ "openapi": "3.0.0", "paths": { "/a": { "get": { "responses": { "200": { "description": "|" } } } } } }', 'json'), undefined);
});

test('the registry serves OpenAPI YAML through the adapter, and not package.json', async () => {
  const { model } = await analyze(spec, 'yaml', 'file:///reg/openapi.yaml');
  assert.equal(model.sites.length, 6);
  const pkg = await analyze(readFixture('hover', 'openapi', 'package.json'), 'json', 'file:///reg/package.json');
  assert.equal(pkg.model.sites.length, 0);
});

test('flow-style and unusual YAML is read whole; broken documents never throw', () => {
  assert.equal(extract('openapi: 3.0\npaths:\n  /a:\n    get:\n      responses:\n        200: {description: ok}\n').sites.length, 1, 'openapi: 3.0 reads as a number');
  const flow = '{openapi: 3.0.0, paths: {/a: {get: {responses: {"200": {description: ok}, 404: {description: no}}}}}}';
  assert.deepEqual(extract(flow).sites.map((s) => s.code), [200, 404]);
  for (const broken of [
    'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        \'20',
    'openapi: 3.0.0\npaths:\n  /a:\n  get: [\n',
    '{ "openapi": "3.0.0", "paths": { "/a": { "get": { "responses": { "200": ',
    'openapi: 3.0.0\n\tpaths: x\n',
  ]) {
    const languageId = broken.startsWith('{') ? 'json' : 'yaml';
    assert.doesNotThrow(() => extract(broken, languageId));
  }
  const half = extract('{ "openapi": "3.0.0", "paths": { "/a": { "get": { "responses": { "200": {}, "40', 'json');
  assert.deepEqual(half.sites.map((s) => s.code), [200]);
});

test('CRLF line ends and a byte-order mark read the same; edits keep CRLF', () => {
  const crlf = '\uFEFF' + spec.replace(/\n/g, '\r\n');
  assert.ok(openapiAdapter.accepts!(crlf, 'file:///crlf.yaml'));
  const model = extract(crlf);
  assert.deepEqual(model.sites.map((s) => s.code), [201, 409, 204, 400, 401, 404]);
  const out = apply(crlf, model.responses[0].edits.addHeader!('Location', '/x'));
  assert.ok(!/[^\r]\n/.test(out), 'no bare LF written');
  assert.equal(parseYaml(out).paths['/orders'].post.responses['201'].headers.Location.example, '/x');
  assert.ok(slotAt(`openapi: 3.0.0\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        |\r\n`));
});

test('a merge key or an aliased headers map: the site stays, the facts are not guessed', () => {
  const text = 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        \'401\':\n          <<: *unauthorized\n        \'429\':\n          description: x\n          headers: *limits\n';
  const model = extract(text);
  assert.deepEqual(model.sites.map((s) => s.code), [401, 429]);
  assert.equal(model.responses.length, 0);
});

function bigSpec(paths: number): string {
  let y = 'openapi: 3.0.3\ninfo:\n  title: Big\n  version: "1"\npaths:\n';
  for (let i = 0; i < paths; i++) {
    y += `  /items${i}/{id}:\n    get:\n      summary: Item ${i}\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Item'\n        '404':\n          description: Not found\n    delete:\n      responses:\n        '204':\n          description: Deleted\n`;
  }
  return y + 'components:\n  schemas:\n    Item:\n      type: object\n';
}

test('a large YAML spec is parsed once; an edit re-parses only the path item it touches', () => {
  const text = bigSpec(2000);
  const uri = 'file:///big.yaml';
  const first = extract(text, 'yaml', uri);
  assert.equal(first.sites.length, 6000);
  const before = yamlStats.parsed;
  const edited = text.replace('summary: Item 1000\n', 'summary: Item one thousand\n      deprecated: true\n');
  const second = extract(edited, 'yaml', uri);
  assert.equal(yamlStats.parsed - before, 1, 'one piece parsed again');
  // The cached pieces moved with the edit: offsets match a fresh read of the new text.
  const fresh = extract(edited, 'yaml', 'file:///fresh.yaml');
  assert.deepEqual(second.sites.map((s) => s.span), fresh.sites.map((s) => s.span));
  const last = second.sites[second.sites.length - 1];
  assert.equal(edited.slice(last.span.start, last.span.end), "'204'");
});
