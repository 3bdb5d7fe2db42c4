// Inlay names beside numeric status literals, never on other numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../helpers/analyze';
import { doInlayHints } from '../../server/src/features/inlayHints';

const src = `const { StatusCodes } = require('http-status-codes');
app.post('/x', (req, res) => {
  setTimeout(done, 500);
  if (req.body.items.length > 200) return res.status(413).end();
  if (exists) return res.status(409).json({ error: 'dup' });
  res.status(201).json({ id: 1 });
  res.status(StatusCodes.ACCEPTED).end();
});
app.listen(3000);
expect(res.status).toBe(429);
`;

async function hints(mode: 'off' | 'all' | 'uncommon') {
  const a = await analyze(src, 'javascript', 'file:///inlay.js');
  a.settings.inlayHints.mode = mode;
  const all = doInlayHints(a.ctx, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } });
  return all.map((h) => ({ line: h.position.line, character: h.position.character, label: h.label as string }));
}

test('default mode names uncommon codes only, at the end of the literal', async () => {
  const h = await hints('uncommon');
  const lines = src.split('\n');
  const endOf = (line: number, code: string) => lines[line].indexOf(code) + code.length;
  assert.deepEqual(h, [
    { line: 3, character: endOf(3, '413'), label: 'Content Too Large' },
    { line: 4, character: endOf(4, '409'), label: 'Conflict' },
    { line: 9, character: endOf(9, '429'), label: 'Too Many Requests' },
  ]);
});

test('"all" names 201 too; constants never get a name (they are one); ports and timeouts never do', async () => {
  const h = await hints('all');
  assert.deepEqual(h.map((x) => x.label), ['Content Too Large', 'Conflict', 'Created', 'Too Many Requests']);
  assert.ok(!h.some((x) => x.line === 2 || x.line === 8), 'no hint on setTimeout(…, 500) or listen(3000)');
});

test('"off" shows nothing; a range outside the sites shows nothing', async () => {
  assert.deepEqual(await hints('off'), []);
  const a = await analyze(src, 'javascript', 'file:///inlay2.js');
  a.settings.inlayHints.mode = 'all';
  assert.deepEqual(doInlayHints(a.ctx, { start: { line: 0, character: 0 }, end: { line: 2, character: 99 } }), []);
});
