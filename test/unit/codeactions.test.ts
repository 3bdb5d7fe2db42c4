// Code actions beyond the single fix: the kinds a client asks for, "Fix all auto-fixable
// status problems" (safe preferred fixes only, no overlaps), and fixes for a diagnostic whose
// data was computed for an older version of the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { codeActionKinds, doCodeActions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { doValidate } from '../../server/src/features/diagnostics';
import { withContext } from './rules-harness';

const uri = 'file:///project/src/orders.js';
const text = `app.get('/orders', (req, res) => res.json([]));
app.post('/orders', (req, res) => res.status(201).location('/orders/1').json({}));
app.all('/orders', (req, res) => res.status(405).end());
app.delete('/orders/:id', (req, res) => res.status(204).json({ deleted: true }));
app.get('/me', (req, res) => res.status(401).end());
`;

async function actions(only?: string[], mutate?: (d: Diagnostic[]) => Diagnostic[]): Promise<{ list: CodeAction[]; diagnostics: Diagnostic[]; doc: TextDocument }> {
  return withContext(text, 'javascript', uri, undefined, (ctx) => {
    const diagnostics = doValidate(ctx);
    const given = mutate ? mutate(diagnostics) : diagnostics;
    const list = doCodeActions(ctx, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: given, only } });
    return { list, diagnostics, doc: ctx.document };
  });
}

test('the server offers quick fixes and its own fix-all kind', () => {
  assert.deepEqual(codeActionKinds, ['quickfix', 'source.fixAll.httpStatus']);
});

test('fix all applies the preferred safe fixes only', async () => {
  const { list, doc } = await actions(['source.fixAll']);
  assert.equal(list.length, 1);
  assert.equal(list[0].kind, FIX_ALL_KIND);
  assert.equal(list[0].title, 'Fix all auto-fixable status problems');
  const fixed = TextDocument.applyEdits(doc, list[0].edit!.changes![uri]);
  // Allow comes from the file's routes, the body of a 204 goes; the 401 challenge is a guess, so it stays.
  assert.equal(
    fixed,
    `app.get('/orders', (req, res) => res.json([]));
app.post('/orders', (req, res) => res.status(201).location('/orders/1').json({}));
app.all('/orders', (req, res) => res.status(405).set('Allow', 'GET, POST').end());
app.delete('/orders/:id', (req, res) => res.status(204).end());
app.get('/me', (req, res) => res.status(401).end());
`,
  );
});

test('the kinds asked for are the kinds returned', async () => {
  const quick = await actions(['quickfix']);
  assert.ok(quick.list.length > 0 && quick.list.every((a) => a.kind === 'quickfix'));
  const all = await actions();
  assert.ok(all.list.some((a) => a.kind === FIX_ALL_KIND), 'fix all offered beside quick fixes when one is safe');
  assert.deepEqual((await actions(['refactor'])).list, []);
  const preferred = quick.list.filter((a) => a.isPreferred).map((a) => a.title);
  assert.deepEqual(preferred, ['Add the header Allow: GET, POST', 'Send no body', 'Add the header WWW-Authenticate: Bearer (adjust the value)']);
  for (const d of quick.diagnostics) {
    assert.ok(quick.list.some((a) => a.title === `Disable ${d.code} for this line` && a.diagnostics?.[0] === d), `a disable action for ${d.code}`);
  }
});

test('a diagnostic from an older version gets the fixes of the current one, or none', async () => {
  const stale = await actions(['quickfix'], (ds) => ds.map((d) => ({ ...d, data: { version: 0, fixes: [{ title: 'stale', edits: [], isPreferred: true, safe: true }] } })));
  assert.ok(!stale.list.some((a) => a.title === 'stale'));
  assert.ok(stale.list.some((a) => a.title === 'Send no body'));
  const gone = await actions(['quickfix'], (ds) => ds.map((d) => ({ ...d, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 3 } }, data: { version: 0, fixes: [] } })));
  assert.ok(gone.list.every((a) => a.title.startsWith('Disable ')));
});

test('diagnostics of other tools are left alone', async () => {
  const foreign = await actions(['quickfix'], () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'eslint', code: 'no-undef' }]);
  assert.deepEqual(foreign.list, []);
});
