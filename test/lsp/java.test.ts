// The real server over stdio with a Java document: hover on statuses in a Spring controller,
// nothing on the port or the sleep next to them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const source = `package demo;

@RestController
class Orders {
    @PostMapping("/orders")
    ResponseEntity<?> create(@RequestBody Order o) throws Exception {
        Thread.sleep(500);
        if (repo.exists(o.id())) return ResponseEntity.status(409).build();
        return ResponseEntity.status(HttpStatus.CREATED).body(repo.save(o));
    }
}
`;

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

test('hover over Java statuses over stdio; none over a sleep', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/Orders.java';
    await client.open(uri, 'java', source);
    const conflict = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 63 } });
    assert.ok(conflict, 'a hover over 409');
    assert.match(conflict.contents.value, /^\*\*409 Conflict\*\*/);
    assert.deepEqual(conflict.range, { start: { line: 7, character: 62 }, end: { line: 7, character: 65 } });
    const created = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 50 } });
    assert.ok(created, 'a hover over HttpStatus.CREATED');
    assert.match(created.contents.value, /^\*\*201 Created\*\*/);
    assert.match(created.contents.value, /`CREATED` = 201 in Spring HttpStatus/);
    const sleep = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 22 } });
    assert.equal(sleep, null);
  } finally {
    await client.stop();
  }
});
