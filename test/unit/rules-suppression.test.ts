// Suppression comments: next-line and file-wide, one rule, several rules or all, in the
// language's own comment syntax; and the "Disable <rule> for this line" edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { disableLineEdit, lineCommentFor } from '../../server/src/rules/suppression';
import { diagnose } from './rules-harness';

const uri = 'file:///project/src/app.js';
const codes = async (text: string) => (await diagnose(text, 'javascript', uri)).map((d) => `${d.code}@${d.range.start.line}`);

test('disable-next-line silences the named rules on the next line only', async () => {
  const text = `app.get('/a', (req, res) => {
  // http-status-disable-next-line nonstandard-code
  res.status(299).end();
  res.status(299).end();
  // http-status-disable-next-line teapot-in-production, nonstandard-code -- legacy clients
  res.status(299).end();
  /* http-status-disable-next-line */
  res.status(299).end();
  // http-status-disable-next-line teapot-in-production
  res.status(299).end();
});`;
  assert.deepEqual(await codes(text), ['nonstandard-code@3', 'nonstandard-code@9']);
});

test('a file-wide disable, for some rules or for all', async () => {
  const body = `app.get('/a', (req, res) => res.status(299).end());\napp.get('/b', (req, res) => res.status(418).end());\n`;
  assert.deepEqual(await codes(`// http-status-disable nonstandard-code\n${body}`), ['teapot-in-production@2']);
  assert.deepEqual(await codes(`${body}/* http-status-disable */\n`), []);
  // Look-alikes are not directives.
  assert.deepEqual(await codes(`// http-status-disabled nonstandard-code\n// see http-status-disable-line\n${body}`), ['nonstandard-code@2', 'teapot-in-production@3']);
  assert.deepEqual(await codes(`const s = '// http-status-disable';\n${body}`), ['nonstandard-code@1', 'teapot-in-production@2']);
});

test('the disable edit uses the language comment and the line indentation, or extends an existing directive', () => {
  const py = TextDocument.create('file:///a.py', 'python', 1, 'def f():\n    return {"error": "x"}, 200\n');
  assert.deepEqual(disableLineEdit(py, 'python', 1, 'error-body-with-success'), { start: 9, end: 9, newText: '    # http-status-disable-next-line error-body-with-success\n' });
  const js = TextDocument.create('file:///a.js', 'javascript', 1, 'if (x) {\r\n\t// http-status-disable-next-line a-rule\r\n\tres.status(299).end();\r\n}\r\n');
  const extend = disableLineEdit(js, 'javascript', 2, 'nonstandard-code')!;
  assert.equal(TextDocument.applyEdits(js, [{ range: { start: js.positionAt(extend.start), end: js.positionAt(extend.end) }, newText: extend.newText }]), 'if (x) {\r\n\t// http-status-disable-next-line a-rule, nonstandard-code\r\n\tres.status(299).end();\r\n}\r\n');
  assert.equal(disableLineEdit(js, 'javascript', 2, 'a-rule'), undefined, 'already disabled');
  const fresh = disableLineEdit(js, 'javascript', 0, 'nonstandard-code')!;
  assert.equal(fresh.newText, '// http-status-disable-next-line nonstandard-code\r\n');
  assert.equal(lineCommentFor('ruby'), '#');
  assert.equal(lineCommentFor('yaml'), '#');
  assert.equal(lineCommentFor('http'), '#');
  assert.equal(lineCommentFor('go'), '//');
  assert.equal(lineCommentFor('php'), '//');
  assert.equal(lineCommentFor('json'), undefined);
});

test('no disable comment before the opening tag of a PHP file', () => {
  const php = TextDocument.create('file:///a.php', 'php', 1, '<?php http_response_code(299);\n');
  assert.equal(disableLineEdit(php, 'php', 0, 'nonstandard-code'), undefined);
});
