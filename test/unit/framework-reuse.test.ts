// Elysia's `status(401, ...)` and h3's `createError({ statusCode: 401 })` are responses only in a
// file that uses those frameworks, which is read from the whole text, while each top-level
// statement's analysis is reused across edits: adding or removing the import must change the
// sites of the statements the edit did not touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/documents';

const HANDLERS = `export const guard = ({ headers, status }) => {
  if (!headers.authorization) return status(401, 'Unauthorized');
};
export const handler = (event) => {
  throw createError({ statusCode: 403, statusMessage: 'Forbidden' });
};
`;

function responseCodes(store: DocumentStore, uri: string): number[] {
  const entry = store.get(uri)!;
  return store.model(entry).sites.filter((s) => s.role === 'response').map((s) => s.code);
}

test('adding and removing the Elysia or h3 import changes which calls are responses', async () => {
  const store = new DocumentStore();
  const uri = 'file:///t/auth.ts';
  const entry = store.open(uri, 'typescript', 1, `const x = 1;\n${HANDLERS}`);
  await store.ensureParsed(entry);
  const firstLine = (version: number, text: string) =>
    store.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text }]);
  try {
    // Neither framework: an app's own status() and createError().
    assert.deepEqual(responseCodes(store, uri), []);
    firstLine(2, "import { Elysia } from 'elysia';\n");
    assert.deepEqual(responseCodes(store, uri), [401]);
    firstLine(3, "import { createError } from 'h3';\n");
    assert.deepEqual(responseCodes(store, uri), [403]);
    firstLine(4, 'const x = 1;\n');
    assert.deepEqual(responseCodes(store, uri), []);
  } finally {
    store.closeAll();
  }
});
