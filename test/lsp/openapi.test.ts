// OpenAPI documents through the real server over stdio: a response key hovers in YAML and JSON,
// numbers that are not response keys do not, and a package.json gets nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

type Hover = { contents: { kind: string; value: string }; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null;

const yaml = `openapi: 3.0.3
info:
  title: Orders
  version: "1"
paths:
  /orders:
    post:
      parameters:
        - name: limit
          in: query
          schema: { type: integer, maximum: 500 }
      responses:
        '409':
          description: Exists
`;

const json = `{
  "openapi": "3.1.0",
  "paths": {
    "/orders": { "get": { "responses": { "404": { "description": "Missing" } } } }
  }
}
`;

const pkg = `{
  "name": "orders",
  "responses": { "404": "Not found" }
}
`;

test('hover over a response key in OpenAPI YAML and JSON; nothing on other numbers or in package.json', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open('file:///lsp/openapi.yaml', 'yaml', yaml);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///lsp/openapi.yaml' }, position: { line: 12, character: 10 } });
    assert.ok(hover, "a hover over '409'");
    assert.match(hover.contents.value, /^\*\*409 Conflict\*\*/);
    assert.deepEqual(hover.range, { start: { line: 12, character: 8 }, end: { line: 12, character: 13 } });
    const limit = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///lsp/openapi.yaml' }, position: { line: 10, character: 46 } });
    assert.equal(limit, null, 'maximum: 500 is not a status');

    await client.open('file:///lsp/openapi.json', 'json', json);
    const j = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///lsp/openapi.json' }, position: { line: 3, character: 43 } });
    assert.ok(j, 'a hover over "404"');
    assert.match(j.contents.value, /^\*\*404 Not Found\*\*/);

    await client.open('file:///lsp/package.json', 'json', pkg);
    const none = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///lsp/package.json' }, position: { line: 2, character: 19 } });
    assert.equal(none, null);
  } finally {
    await client.stop();
  }
});

test('an edit in a spec moves the hover with it', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/edit.yaml';
    await client.open(uri, 'yaml', yaml);
    // 409 -> 422, then a new line above the operation.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 12, character: 9 }, end: { line: 12, character: 12 } }, text: '422' },
        { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '    # create\n' },
      ],
    });
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 10 } });
    assert.ok(hover);
    assert.match(hover.contents.value, /^\*\*422 Unprocessable Content\*\*/);
  } finally {
    await client.stop();
  }
});
