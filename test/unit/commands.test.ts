// The LSP-level reference commands that back "HTTP Status: Look Up Code" in every editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeCommand, searchCodes, LIST_CODES, DESCRIBE, CODE_TEXT } from '../../server/src/features/commands';
import { analyze } from '../helpers/analyze';

/** A server with no document context: commands that need one get their fallback. */
const none = { withContext: async <T>(_uri: string, fallback: T) => fallback };

test('search by number prefix, name, old name and summary words', () => {
  assert.deepEqual(searchCodes('40').map((c) => c.code).slice(0, 3), [400, 401, 402]);
  assert.ok(searchCodes('conflict').some((c) => c.code === 409));
  assert.ok(searchCodes('payload too large').some((c) => c.code === 413), 'old name of 413');
  assert.ok(searchCodes('nginx').some((c) => c.code === 499), 'unofficial users are searchable');
  assert.equal(searchCodes('').length > 80, true);
});

test('listCodes, describe and codeText through executeCommand', async () => {
  const listed = (await executeCommand(LIST_CODES, ['teapot'], none)) as { code: number; status: string }[];
  assert.equal(listed[0].code, 418);
  assert.equal(listed[0].status, 'unused');
  const d = (await executeCommand(DESCRIBE, [409], none)) as { title: string; markdown: string };
  assert.equal(d.title, '409 Conflict');
  assert.match(d.markdown, /rfc9110/);
  const a = await analyze("const { StatusCodes } = require('http-status-codes');\nres.status(StatusCodes.OK);\nres.status(|);", 'javascript');
  const t = (await executeCommand(CODE_TEXT, [a.document.uri, a.offset, 409], { withContext: async (_uri, _fallback, fn) => fn(a.ctx) })) as { text: string };
  assert.equal(t.text, 'StatusCodes.CONFLICT', "the file's own style");
  assert.equal(await executeCommand('nope', [], none), undefined);
});
