// The parser layer survives a crash of the tree-sitter runtime (a wasm trap on pathological
// text): the document that caused it is skipped with its reason, the other open documents lose
// their trees (made by the dead runtime) and parse again on the fresh one when next used, and
// each dead runtime's memory is given back. The crashing text is real, not injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore, type OpenDocument } from '../../server/src/documents';

/**
 * Deeply nested error recovery overflows the runtime's shadow stack. Where the overflow ends up
 * depends on the runtime's memory at the time: in a fresh runtime 2,042 pairs parse and 2,043
 * trap ("memory access out of bounds"); with another tree alive the same overflow can instead
 * corrupt memory silently and leave parse() spinning without ever reporting progress.
 */
const crashText = (pairs: number) => `def f():\n    if ${'*/'.repeat(pairs)}:\n        return 1\n`;
const FLASK = "from flask import abort\n\n@app.get('/a')\ndef a():\n    abort(404)\n";

function sites(store: DocumentStore, entry: OpenDocument): string[] {
  return store.model(entry).sites.map((s) => entry.doc.getText().slice(s.span.start, s.span.end));
}

test('a parse stuck inside the runtime (it never reports progress) is stopped and the runtime reset', async () => {
  const store = new DocumentStore();
  const ok = store.open('file:///ok.py', 'python', 1, crashText(2042));
  await store.ensureParsed(ok);
  assert.equal(ok.skipped, undefined);
  assert.ok(ok.tree, 'parsed');
  const started = Date.now();
  const stuck = store.open('file:///stuck.py', 'python', 1, crashText(2043));
  await store.ensureParsed(stuck);
  // Unbounded, this parse had not returned after 10 minutes (100% CPU); 10 s is the hard stop.
  assert.ok(Date.now() - started < 60_000, `stopped after ${Date.now() - started} ms`);
  assert.match(stuck.skipped ?? '', /^the parser crashed on it during parse \(no progress for \d+ s\); the parser was restarted/, stuck.skipped);
  await store.ensureParsed(ok);
  assert.ok(ok.tree, 'the other document parses again on the fresh runtime');
  const trap = store.open('file:///trap.py', 'python', 1, crashText(2500));
  store.close('file:///ok.py');
  await store.ensureParsed(trap);
  assert.match(trap.skipped ?? '', /^the parser crashed on it during parse \(memory access out of bounds\)/, trap.skipped);
  store.closeAll();
});

test('after a crash, other documents parse again on the fresh runtime and edits are analysed; the crashed one stays skipped', async () => {
  const skipped: string[] = [];
  const store = new DocumentStore(undefined, { skipped: (e) => skipped.push(e.doc.uri) });
  const py = store.open('file:///app.py', 'python', 1, FLASK);
  const js = store.open('file:///app.js', 'javascript', 1, "app.get('/a', (req, res) => res.sendStatus(409));\n");
  await store.ensureParsed(py);
  await store.ensureParsed(js);
  assert.deepEqual(sites(store, py), ['404']);

  const bad = store.open('file:///bad.py', 'python', 1, crashText(2500));
  await store.ensureParsed(bad);
  assert.deepEqual(skipped, ['file:///bad.py'], 'the hook heard of it once');
  assert.equal(py.tree, undefined, 'trees of the dead runtime are dropped, not used');
  assert.equal(js.tree, undefined);
  assert.equal(py.model, undefined, 'so are the models (their facts read those trees)');
  await store.ensureParsed(py);
  assert.ok(py.tree, 'parsed again when next used');
  assert.deepEqual(sites(store, py), ['404']);

  // An edit after that re-parses incrementally on the new tree.
  store.change('file:///app.py', 2, [{ range: { start: { line: 4, character: 10 }, end: { line: 4, character: 13 } }, text: '410' }]);
  await store.ensureParsed(py);
  assert.ok(py.tree, 'parsed again');
  assert.deepEqual(sites(store, py), ['410']);
  await store.ensureParsed(js);
  assert.deepEqual(sites(store, js), ['409']);

  // Editing the crashed document keeps it skipped (no second crash) until it is closed.
  store.change('file:///bad.py', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }]);
  await store.ensureParsed(bad);
  assert.match(bad.skipped ?? '', /parser crashed/);
  assert.deepEqual(skipped, ['file:///bad.py']);
  store.close('file:///bad.py');
  const reopened = store.open('file:///bad.py', 'python', 1, FLASK);
  await store.ensureParsed(reopened);
  assert.equal(reopened.skipped, undefined, 'a reopened document is tried again');
  assert.deepEqual(sites(store, reopened), ['404']);
});

test('repeated crashes give each dead runtime memory back', async () => {
  const store = new DocumentStore();
  // Each runtime parses a large file first, so its wasm memory has grown (about 27 MB here) when
  // it dies: a dead runtime kept alive by any reference would add that much per cycle.
  const big = "@app.get('/a')\ndef a():\n    abort(404)\n".repeat(12_000);
  const rss: number[] = [];
  for (let i = 0; i < 16; i++) {
    const ok = store.open('file:///big.py', 'python', 1, big);
    await store.ensureParsed(ok);
    assert.ok(ok.tree);
    const bad = store.open('file:///bad.py', 'python', 1, crashText(2500));
    await store.ensureParsed(bad);
    assert.match(bad.skipped ?? '', /parser crashed/);
    store.close('file:///bad.py');
    store.close('file:///big.py');
    rss.push(process.memoryUsage().rss / 1e6);
  }
  const growth = Math.max(...rss.slice(4)) - rss[3];
  assert.ok(growth < 200, `resident memory grew by ${Math.round(growth)} MB over 12 crashes (${rss.map(Math.round).join(', ')})`);
});
