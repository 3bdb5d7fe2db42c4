// A .http request file through the real server over stdio: the expected status hovers, the
// port in the URL does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

type Hover = { contents: { kind: string; value: string }; range: unknown } | null;

const requests = `@port = 3000

### Create an order
POST http://localhost:3000/orders
Content-Type: application/json

{ "reference": "A-1" }

?? status == 201
`;

test('hover over ?? status == 201 in a .http file; none over the port', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/orders.http';
    await client.open(uri, 'http', requests);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 14 } });
    assert.ok(hover, 'a hover over 201');
    assert.match(hover.contents.value, /^\*\*201 Created\*\*/);
    assert.deepEqual(hover.range, { start: { line: 8, character: 13 }, end: { line: 8, character: 16 } });
    for (const position of [{ line: 0, character: 9 }, { line: 3, character: 24 }]) {
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    }
  } finally {
    await client.stop();
  }
});
