// LSP counts columns in UTF-16 code units; the tree counts the same units in web-tree-sitter.
// Emoji, CJK, CRLF, a BOM and a last line without newline must not shift any range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { doHover } from '../../server/src/features/hover';
import { DocumentStore } from '../../server/src/documents';

async function hoverRange(source: string, needle: string) {
  const a = await analyze(source, 'javascript', `file:///pos${Math.random()}.js`);
  const offset = source.indexOf(needle) + 1;
  const h = doHover(a.document, a.model, offset, a.settings);
  assert.ok(h, `hover at ${needle}`);
  return h.range!;
}

test('emoji and CJK before a status literal on the same line', async () => {
  const src = 'const s = "😀中文🎉"; res.status(409).end();';
  const r = await hoverRange(src, '409');
  const col = src.indexOf('409'); // UTF-16 index: the emoji count as two units each
  assert.deepEqual(r, { start: { line: 0, character: col }, end: { line: 0, character: col + 3 } });
  assert.equal(col, 31, 'two emoji (two units each) and two CJK characters (one each)');
});

test('CRLF line endings and a final line without newline', async () => {
  const src = "const app = require('express')();\r\n// 😀 comment\r\napp.get('/', (req, res) => res.sendStatus(404));";
  const r = await hoverRange(src, '404');
  assert.deepEqual(r, { start: { line: 2, character: 42 }, end: { line: 2, character: 45 } });
});

test('a byte-order mark at the start', async () => {
  const src = '\uFEFFres.status(409).end();';
  const r = await hoverRange(src, '409');
  assert.deepEqual(r.start, { line: 0, character: 12 });
});

test('incremental edits with CRLF and emoji keep the tree and the text in step', async () => {
  const store = new DocumentStore();
  const text = "app.get('/', (req, res) => {\r\n  res.status(200).end();\r\n});\r\n";
  const entry = store.open('file:///inc.js', 'javascript', 1, text);
  await store.ensureParsed(entry);
  // Insert an emoji line above, then change 200 to 409 (positions after the first edit).
  store.change('file:///inc.js', 2, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  // 😀😀 note\r\n' },
    { range: { start: { line: 2, character: 13 }, end: { line: 2, character: 16 } }, text: '409' },
  ]);
  const model = store.model(entry);
  const site = model.sites.find((s) => s.code === 409);
  assert.ok(site, 'the edited status is found after an incremental re-parse');
  assert.equal(entry.doc.getText().slice(site.span.start, site.span.end), '409');
  assert.deepEqual(entry.doc.positionAt(site.span.start), { line: 2, character: 13 });
  // The incremental tree matches a fresh parse of the same text.
  const fresh = new DocumentStore();
  const e2 = fresh.open('file:///fresh.js', 'javascript', 1, entry.doc.getText());
  await fresh.ensureParsed(e2);
  assert.equal(entry.tree!.rootNode.toString(), e2.tree!.rootNode.toString());
  store.close('file:///inc.js');
  fresh.close('file:///fresh.js');
});
