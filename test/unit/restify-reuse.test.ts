// restify's `res.send(err)` answers with the error's status, so in a file that uses restify it is
// no implicit 200. Whether a file uses restify is read from its whole text, while the analysis of
// each top-level statement is reused across edits: an edit that adds or removes the import must
// change the facts of the statements it did not touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/documents';

const HANDLER = `server.get('/orders/:id', async (req, res, next) => {
  const order = await db.find(req.params.id);
  if (!order) {
    res.send(new NotFoundError('no such order'));
    return next();
  }
  res.send(order);
  return next();
});
`;

function implicitBodies(store: DocumentStore, uri: string): string[] {
  const entry = store.get(uri)!;
  const model = store.model(entry);
  const text = entry.doc.getText();
  return model.responses.filter((r) => r.implicitStatus === 200).map((r) => text.slice(r.span.start, r.span.end));
}

test('adding and removing the restify import changes which res.send() calls answer 200', async () => {
  const store = new DocumentStore();
  const uri = 'file:///t/orders.js';
  const entry = store.open(uri, 'javascript', 1, `const server = makeServer();\n${HANDLER}`);
  await store.ensureParsed(entry);
  try {
    // Without restify (Express), both sends answer 200.
    assert.deepEqual(implicitBodies(store, uri), ["res.send(new NotFoundError('no such order'))", 'res.send(order)']);

    // The import typed above: the handler's statement is unchanged, and its error send is no 200 now.
    store.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "const restify = require('restify');\n" }]);
    assert.deepEqual(implicitBodies(store, uri), ['res.send(order)']);

    // And removed again.
    store.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    assert.deepEqual(implicitBodies(store, uri), ["res.send(new NotFoundError('no such order'))", 'res.send(order)']);
  } finally {
    store.closeAll();
  }
});
