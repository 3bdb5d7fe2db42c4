// The real server over stdio with a Ruby document: the Ruby grammar loads on first use, a Rack
// symbol and a number in `head` get hovers, and a `limit(500)` next to them gets none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const controller = `class OrdersController < ApplicationController
  def create
    render json: { error: 'duplicate' }, status: :conflict
  end

  def index
    render json: Order.limit(500)
  end

  def destroy
    head 204
  end
end
`;

type Hover = { contents: { kind: string; value: string }; range: unknown } | null;

test('hover over a Rails status symbol and head 204 over stdio; none over limit(500)', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/orders_controller.rb';
    await client.open(uri, 'ruby', controller);
    const conflict = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 52 } });
    assert.ok(conflict, 'a hover over :conflict');
    assert.match(conflict.contents.value, /^\*\*409 Conflict\*\*/);
    assert.deepEqual(conflict.range, { start: { line: 2, character: 49 }, end: { line: 2, character: 58 } });
    const noContent = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 10 } });
    assert.ok(noContent, 'a hover over 204');
    assert.match(noContent.contents.value, /^\*\*204 No Content\*\*/);
    const limit = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 30 } });
    assert.equal(limit, null);
  } finally {
    await client.stop();
  }
});
