// The real server over stdio with a Python document: the grammar loads on first use, the
// Python adapter answers hovers, and a port number next to a status gets none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const flask = `from flask import Flask, jsonify
from http import HTTPStatus

app = Flask(__name__)

@app.post('/orders')
def create_order():
    return jsonify(error='duplicate order'), 409

@app.delete('/orders/<int:order_id>')
def delete_order(order_id):
    return '', HTTPStatus.NO_CONTENT

app.run(port=5000)
`;

type Hover = { contents: { kind: string; value: string }; range: unknown } | null;

test('hover over a Flask tuple status and an HTTPStatus constant over stdio; none over the port', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/app.py';
    await client.open(uri, 'python', flask);
    const conflict = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 46 } });
    assert.ok(conflict, 'a hover over 409');
    assert.match(conflict.contents.value, /^\*\*409 Conflict\*\*/);
    assert.deepEqual(conflict.range, { start: { line: 7, character: 45 }, end: { line: 7, character: 48 } });
    const noContent = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 25 } });
    assert.ok(noContent, 'a hover over HTTPStatus.NO_CONTENT');
    assert.match(noContent.contents.value, /^\*\*204 No Content\*\*/);
    assert.match(noContent.contents.value, /NO_CONTENT/);
    const port = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 14 } });
    assert.equal(port, null);
  } finally {
    await client.stop();
  }
});
