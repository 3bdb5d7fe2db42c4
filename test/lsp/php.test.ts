// The real server over stdio with a PHP document: the PHP grammar loads on first use, a number
// in a Laravel response and a Symfony constant get hovers, and a page size gets none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const controller = `<?php

use Symfony\\Component\\HttpFoundation\\Response;

class OrderController extends Controller
{
    public function store()
    {
        return response()->json(['error' => 'duplicate'], 409);
    }

    public function index()
    {
        return response()->json(Order::paginate(15), Response::HTTP_OK);
    }
}
`;

type Hover = { contents: { kind: string; value: string }; range: unknown } | null;

test('hover over a Laravel status and a Response constant over stdio; none over paginate(15)', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/OrderController.php';
    await client.open(uri, 'php', controller);
    const conflict = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 59 } });
    assert.ok(conflict, 'a hover over 409');
    assert.match(conflict.contents.value, /^\*\*409 Conflict\*\*/);
    assert.deepEqual(conflict.range, { start: { line: 8, character: 58 }, end: { line: 8, character: 61 } });
    const ok = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 66 } });
    assert.ok(ok, 'a hover over Response::HTTP_OK');
    assert.match(ok.contents.value, /^\*\*200 OK\*\*/);
    assert.match(ok.contents.value, /HTTP_OK/);
    const page = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 49 } });
    assert.equal(page, null);
  } finally {
    await client.stop();
  }
});
