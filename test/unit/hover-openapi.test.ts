// Hover over response keys in OpenAPI 3 / Swagger 2 documents (YAML and JSON), and no hover on
// the other numbers in them (limits, examples, ports) nor anywhere in YAML / JSON files that are
// not OpenAPI documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readFixture } from '../helpers/analyze';
import { hoverFixtureTests, type Case } from '../helpers/hoverCases';


const fixtures: Record<string, { languageId: string; cases: Case[] }> = {
  'orders.yaml': {
    languageId: 'yaml',
    cases: [
      ["'200':", 0, 1, '200 OK'],
      ['"201":', 0, 2, '201 Created'],
      ['409:', 0, 1, '409 Conflict'],
      ["'422': {", 0, 2, '422 Unprocessable Content'],
      ["'204':", 0, 1, '204 No Content'],
      ["'204':", 1, 0, '204 No Content'],
      ["'404':", 0, 4, '404 Not Found'],
      ["'202':", 0, 2, '202 Accepted'],
      ['answers 404', 0, 8, null],
      ['8080', 0, 1, null],
      ['maximum: 500', 0, 10, null],
      ['default: 200', 0, 10, null],
      ['maxItems: 404', 0, 11, null],
      ['x-rate-limit: 429', 0, 15, null],
      ['status: 409', 0, 9, null],
      ['default:', 1, 2, null],
      ['NotFound:', 0, 2, null],
      ['example: 404', 0, 10, null],
      ["['200', '404']", 0, 2, null],
      ['version: "2.0"', 0, 11, null],
    ],
  },
  'swagger.yaml': {
    languageId: 'yaml',
    cases: [
      ['201:', 0, 1, '201 Created'],
      ['405:', 0, 0, '405 Method Not Allowed'],
      ['"200":', 0, 3, '200 OK'],
      ["'401':", 0, 1, '401 Unauthorized'],
      ['3000', 0, 0, null],
      ['maximum: 100', 0, 10, null],
      ['maximum: 300', 0, 10, null],
      ['"2.0"', 0, 1, null],
    ],
  },
  'orders.json': {
    languageId: 'json',
    cases: [
      ['"200": {', 0, 2, '200 OK'],
      ['"404": {', 0, 1, '404 Not Found'],
      ['"429": {', 0, 3, '429 Too Many Requests'],
      ['Returns 404', 0, 8, null],
      ['localhost:3000', 0, 11, null],
      ['"maximum": 500', 0, 12, null],
      ['"example": 201', 0, 12, null],
      ['"example": 120', 0, 12, null],
      ['"example": 503', 0, 12, null],
    ],
  },
  'docker-compose.yaml': {
    languageId: 'yaml',
    cases: [
      ['"3000:3000"', 0, 2, null],
      ["'404':", 0, 1, null],
      ['status: 404', 0, 9, null],
      ['"500":', 0, 2, null],
      ['STATUS_ON_MISSING: 404', 0, 20, null],
    ],
  },
  'deployment.yaml': {
    languageId: 'yaml',
    cases: [
      ["'404':", 0, 2, null],
      ['"503"', 0, 2, null],
      ['containerPort: 8080', 0, 16, null],
      ['failureThreshold: 500', 0, 19, null],
    ],
  },
  'gateway.yaml': {
    languageId: 'yaml',
    cases: [
      ["'404':", 0, 2, null],
      ['500:', 0, 1, null],
    ],
  },
  'gateway.json': {
    languageId: 'json',
    cases: [
      ['"404":', 0, 2, null],
      ['"500":', 0, 2, null],
    ],
  },
  'package.json': {
    languageId: 'json',
    cases: [
      ['"404": "Not found"', 0, 2, null],
      ['"500"', 0, 2, null],
      ['Serves 404', 0, 8, null],
      ['--port 3000', 0, 8, null],
      ['"2.0.0"', 0, 1, null],
    ],
  },
  'tsconfig.json': {
    languageId: 'jsonc',
    cases: [
      ['"200"', 0, 2, null],
      ['404', 0, 1, null],
    ],
  },
};

hoverFixtureTests('openapi', fixtures);

test('a file that is not OpenAPI gets an empty model, whatever keys it has', async () => {
  const files = [['docker-compose.yaml', 'yaml'], ['deployment.yaml', 'yaml'], ['gateway.yaml', 'yaml'], ['gateway.json', 'json'], ['package.json', 'json'], ['tsconfig.json', 'jsonc']];
  for (const [file, languageId] of files) {
    const { model } = await analyze(readFixture('hover', 'openapi', file), languageId, `file:///fixtures/${file}`);
    assert.deepEqual([model.sites.length, model.handlers.length, model.responses.length], [0, 0, 0], file);
  }
});
