// DocumentStore keeps a tree and a model for the most recently used documents only; the others
// keep their text, and their next model() parses and analyses them again (real tree-sitter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/documents';
import { Residency, residentLimitFromEnv, DEFAULT_RESIDENT } from '../../server/src/residency';

const source = (n: number) => `// ${n}\nconst app = require('express')();\napp.get('/x', (req, res) => res.status(${400 + n}).json({ error: 'bad' }));\n`;

test('Residency evicts the least recently used keys beyond the count, never the one just used', () => {
  const r = new Residency({ documents: 2, characters: Infinity });
  assert.deepEqual(r.touch('a', 1), []);
  assert.deepEqual(r.touch('b', 1), []);
  assert.deepEqual(r.touch('a', 1), [], 'a becomes the most recent');
  assert.deepEqual(r.touch('c', 1), ['b']);
  assert.deepEqual(r.keys(), ['a', 'c']);
  r.forget('a');
  assert.deepEqual(r.touch('d', 1), []);
  assert.deepEqual(r.keys(), ['c', 'd']);
  assert.throws(() => new Residency({ documents: 0, characters: 10 }));
});

test('Residency keeps the texts of resident documents within the character budget', () => {
  const r = new Residency({ documents: 8, characters: 100 });
  assert.deepEqual(r.touch('a', 40), []);
  assert.deepEqual(r.touch('b', 40), []);
  assert.deepEqual(r.touch('c', 40), ['a'], '120 characters: the oldest goes');
  assert.deepEqual(r.touch('b', 70), ['c'], 'b grew by an edit');
  assert.deepEqual(r.touch('huge', 500), ['b'], 'alone over the budget, the document just used still stays');
  assert.deepEqual(r.keys(), ['huge']);
  assert.deepEqual(r.touch('small', 1), ['huge']);
});

test('the server limit comes from HTTP_STATUS_HINTS_RESIDENT, with a default for anything unusable', () => {
  assert.deepEqual(residentLimitFromEnv(undefined), DEFAULT_RESIDENT);
  assert.deepEqual(residentLimitFromEnv('6'), { ...DEFAULT_RESIDENT, documents: 6 });
  assert.deepEqual(residentLimitFromEnv('all'), { documents: Infinity, characters: Infinity });
  assert.deepEqual(residentLimitFromEnv('0'), DEFAULT_RESIDENT);
  assert.deepEqual(residentLimitFromEnv('two'), DEFAULT_RESIDENT);
});

test('only the most recently used documents keep a tree and a model; the others are analysed again on use', async () => {
  const store = new DocumentStore(undefined, {}, { resident: { documents: 2, characters: Infinity } });
  const entries = [0, 1, 2, 3].map((n) => store.open(`file:///r/doc${n}.js`, 'javascript', 1, source(n)));
  const models = [];
  for (const e of entries) {
    await store.ensureParsed(e);
    models.push(store.model(e));
  }
  assert.deepEqual(entries.map((e) => store.isResident(e)), [false, false, true, true]);
  assert.equal(entries[0].tree, undefined, 'the tree of document 0 was deleted');
  // Used again: parsed and analysed again, with the same facts; the least recent goes instead.
  const again = store.model(entries[0]);
  assert.notEqual(again, models[0], 'a new model, not the one whose tree was deleted');
  assert.deepEqual(again.sites.map((s) => [s.code, s.span]), models[0].sites.map((s) => [s.code, s.span]));
  assert.equal(again.sites[0].code, 400);
  assert.deepEqual(entries.map((e) => store.isResident(e)), [true, false, false, true]);
  // A model made from a current tree stays while the document is among the most recent.
  assert.equal(store.model(entries[3]), models[3]);
  store.closeAll();
});

test('incremental changes to an evicted document: the next model is of the new text', async () => {
  const store = new DocumentStore(undefined, {}, { resident: { documents: 1, characters: Infinity } });
  const a = store.open('file:///r/a.js', 'javascript', 1, source(0));
  const b = store.open('file:///r/b.js', 'javascript', 1, source(1));
  await store.ensureParsed(a);
  store.model(a);
  await store.ensureParsed(b);
  store.model(b);
  assert.equal(store.isResident(a), false);
  // 400 -> 418 in a, with no tree to edit.
  const at = a.doc.getText().indexOf('400');
  store.change(a.doc.uri, 2, [{ range: { start: a.doc.positionAt(at + 1), end: a.doc.positionAt(at + 3) }, text: '18' }]);
  const model = store.model(a);
  assert.deepEqual(model.sites.map((s) => s.code), [418]);
  assert.equal(a.treeVersion, 2);
  assert.equal(store.isResident(b), false, 'b gave its place to a');
  store.closeAll();
});

test('a closed document that a late request still holds gets no tree', async () => {
  const store = new DocumentStore(undefined, {}, { resident: { documents: 2, characters: Infinity } });
  const a = store.open('file:///r/late.js', 'javascript', 1, source(0));
  await store.ensureGrammar(a);
  store.close(a.doc.uri);
  store.parseNow(a);
  assert.equal(a.tree, undefined);
});
