// The diagnostics settings: levels per rule, the global switch, test-file patterns, warnings
// for malformed values, and package.json kept in step with the rule table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { normalizeSettings } from '../../server/src/settings';
import { rules } from '../../server/src/rules/index';
import { defaultTestFiles, isTestFile, setWorkspaceFolders } from '../../server/src/rules/testFiles';
import { ruleLevels } from '../../server/src/rules/types';
import { diagnose } from './rules-harness';

const root = join(__dirname, '..', '..');
const app = `const app = require('express')();
app.get('/a', (req, res) => res.status(299).end());
app.get('/b', (req, res) => res.status(503).json({ error: 'down' }));
`;
const uri = 'file:///project/src/app.js';
const codes = (ds: { code?: unknown }[]) => ds.map((d) => d.code);

test('package.json declares one setting per rule, with the levels and the default of the table', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties as Record<string, { type: string; enum?: string[]; default: unknown }>;
  const declared = Object.keys(props).filter((k) => k.startsWith('httpStatusHints.rules.')).map((k) => k.slice('httpStatusHints.rules.'.length));
  assert.deepEqual([...declared].sort(), rules.map((r) => r.id).sort());
  for (const r of rules) {
    const p = props[`httpStatusHints.rules.${r.id}`];
    assert.deepEqual(p.enum, [...ruleLevels], r.id);
    assert.equal(p.default, r.defaultLevel, r.id);
  }
  assert.equal(props['httpStatusHints.diagnostics.enable'].default, true);
  assert.deepEqual(props['httpStatusHints.testFiles'].default, defaultTestFiles);
});

test('every rule has its docs page, and the page is about that rule', () => {
  for (const r of rules) {
    const page = readFileSync(join(root, 'docs', 'rules', `${r.id}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${r.id}\\b`), `docs/rules/${r.id}.md starts with its id`);
    assert.match(page, new RegExp(`httpStatusHints\\.rules\\.${r.id}`), `docs/rules/${r.id}.md names its setting`);
  }
});

test('a rule set to off disappears; another level changes the severity', async () => {
  const all = await diagnose(app, 'javascript', uri);
  assert.deepEqual(codes(all), ['nonstandard-code', 'retry-without-retry-after']);
  const off = await diagnose(app, 'javascript', uri, { rules: { 'nonstandard-code': 'off' } });
  assert.deepEqual(codes(off), ['retry-without-retry-after']);
  const flat = await diagnose(app, 'javascript', uri, { 'rules.nonstandard-code': 'error' });
  assert.equal(flat.find((d) => d.code === 'nonstandard-code')?.severity, DiagnosticSeverity.Error);
});

test('a finding keeps its own level while the rule is at its default: 503 without Retry-After is information', async () => {
  const byDefault = (await diagnose(app, 'javascript', uri)).find((d) => d.code === 'retry-without-retry-after');
  assert.equal(byDefault?.severity, DiagnosticSeverity.Information);
  const raised = (await diagnose(app, 'javascript', uri, { rules: { 'retry-without-retry-after': 'error' } })).find((d) => d.code === 'retry-without-retry-after');
  assert.equal(raised?.severity, DiagnosticSeverity.Error);
});

test('diagnostics.enable false turns every rule off', async () => {
  assert.deepEqual(await diagnose(app, 'javascript', uri, { diagnostics: { enable: false } }), []);
  assert.deepEqual(await diagnose(app, 'javascript', uri, { 'diagnostics.enable': false }), []);
});

test('unknown rules and levels fall back with one warning naming the setting', () => {
  const { settings, warnings } = normalizeSettings({ rules: { 'no-such-rule': 'off', 'nonstandard-code': 'loud', 'teapot-in-production': 'information' }, diagnostics: { enable: 'yes' } });
  assert.equal(warnings.length, 3, warnings.join('\n'));
  assert.ok(warnings.some((w) => w.startsWith('httpStatusHints.rules.no-such-rule:')));
  assert.ok(warnings.some((w) => w.startsWith('httpStatusHints.rules.nonstandard-code:') && w.includes('"warning"')));
  assert.ok(warnings.some((w) => w.startsWith('httpStatusHints.diagnostics.enable:')));
  assert.equal(settings.rules?.['nonstandard-code'], undefined);
  assert.equal(settings.rules?.['teapot-in-production'], 'info');
  assert.equal(settings.diagnostics?.enable, true);
  assert.deepEqual(normalizeSettings({ rules: 'off' }).warnings, ['httpStatusHints.rules: expected an object of rule ids to levels; using the default levels.']);
});

test('test files by the default patterns, per language', () => {
  const yes: [string, string][] = [
    ['file:///p/src/orders.test.ts', 'typescript'],
    ['file:///p/src/orders.spec.js', 'javascript'],
    ['file:///p/test/orders.js', 'javascript'],
    ['file:///p/app/tests/test_orders.py', 'python'],
    ['file:///p/app/test_orders.py', 'python'],
    ['file:///p/handlers/orders_test.go', 'go'],
    ['file:///p/src/test/java/OrdersControllerTest.java', 'java'],
    ['file:///p/Api.Tests/OrdersTests.cs', 'csharp'],
    ['file:///p/spec/requests/orders_spec.rb', 'ruby'],
    ['file:///C%3A/work/api/OrdersTest.php', 'php'],
  ];
  for (const [u, l] of yes) assert.ok(isTestFile(u, l), u);
  const no: [string, string][] = [
    ['file:///p/src/orders.js', 'javascript'],
    ['file:///p/src/testing-utils.js', 'javascript'],
    ['file:///p/app/orders.py', 'python'],
    ['file:///p/app/contest.py', 'python'],
    ['file:///p/handlers/orders.go', 'go'],
    ['file:///p/src/main/java/TestimonialController.java', 'java'],
    ['file:///p/src/orders_test.go', 'javascript'],
  ];
  for (const [u, l] of no) assert.ok(!isTestFile(u, l), u);
});

test('test-file patterns from the settings: globs, per language, bad ones reported', async () => {
  const { settings, warnings } = normalizeSettings({ testFiles: { javascript: ['**/checks/**', '**/fixture{,s}.js'], python: [42, 'a{b'] } });
  assert.equal(warnings.length, 2, warnings.join('\n'));
  assert.ok(warnings.every((w) => w.startsWith('httpStatusHints.testFiles.python:')));
  assert.match(warnings[1], /"a\{b" is not a valid glob \(unbalanced braces\); it is ignored/);
  assert.ok(isTestFile('file:///p/checks/a.js', 'javascript', settings.testFiles));
  assert.ok(isTestFile('file:///p/src/fixture.js', 'javascript', settings.testFiles));
  assert.ok(isTestFile('file:///p/src/fixtures.js', 'javascript', settings.testFiles));
  assert.ok(!isTestFile('file:///p/src/fixtured.js', 'javascript', settings.testFiles));
  // The language's list replaces its default; the other languages keep theirs.
  assert.ok(!isTestFile('file:///p/src/a.spec.js', 'javascript', settings.testFiles));
  assert.ok(isTestFile('file:///p/test_a.go', 'go', settings.testFiles) === false && isTestFile('file:///p/a_test.go', 'go', settings.testFiles));
  // In a test file the production rules are quiet; nonstandard-code still speaks.
  const inTest = await diagnose(app, 'javascript', 'file:///project/checks/app.js', { testFiles: { javascript: ['**/checks/**'] } });
  assert.deepEqual(codes(inTest), ['nonstandard-code']);
});

test('test-file patterns: /regular expressions/ are refused with a warning naming the setting', () => {
  // The setting can come from an untrusted repository (.vscode/settings.json, .http-status-hints.json):
  // a regex such as /(a+)+$/ would backtrack for minutes on every path.
  const { settings, warnings } = normalizeSettings({ testFiles: { '*': ['/(a+)+$/', '**/e2e/**'], go: ['/_test\\.go$/'] } });
  assert.deepEqual(
    warnings.map((w) => w.slice(0, w.indexOf(' is '))),
    ['httpStatusHints.testFiles.*: "/(a+)+$/"', 'httpStatusHints.testFiles.go: "/_test\\\\.go$/"'],
  );
  assert.ok(warnings.every((w) => /a regular expression, and only globs .* are accepted.*; it is ignored\.$/.test(w)), warnings.join('\n'));
  assert.deepEqual(settings.testFiles?.['*'], ['**/e2e/**']);
  assert.deepEqual(settings.testFiles?.go, []);
  assert.ok(isTestFile('file:///p/e2e/a.go', 'go', settings.testFiles));
  assert.ok(!isTestFile('file:///p/a_test.go', 'go', settings.testFiles), 'the refused regex matches nothing');
  // Even handed straight to the matcher (settings not normalised), a regex is never run.
  const long = `file:///${'a'.repeat(5000)}!`;
  assert.equal(isTestFile(long, 'go', { '*': ['/(a+)+$/'] }), false);
});

test('test-file globs: every form matches as before', () => {
  const cases: [string, string, boolean][] = [
    ['**/test/**', '/p/test/a.js', true],
    ['**/test/**', '/test/a.js', true],
    ['**/test/**', '/p/testing/a.js', false],
    ['**/*.spec.*', '/p/src/a.spec.ts', true],
    ['**/*.spec.*', '/p/src/a.spec', false],
    ['*_test.go', '/p/q/a_test.go', true],
    ['*_test.go', '/a_test.go', true],
    ['/src/*.js', '/src/a.js', true],
    ['/src/*.js', '/src/a/b.js', false],
    ['/src/**', '/src/a/b.js', true],
    ['**/a?c.py', '/x/abc.py', true],
    ['**/a?c.py', '/x/a/c.py', false],
    ['**/{foo,bar{1,2}}.rb', '/x/bar2.rb', true],
    ['**/{foo,bar{1,2}}.rb', '/x/bar3.rb', false],
    ['**/{foo,bar{1,2}}.rb', '/x/foo.rb', true],
    ['**/a+b(c).[x]', '/q/a+b(c).[x]', true],
    ['**/a+b(c).[x]', '/q/aab(c).x', false],
    ['**/**/z', '/z', true],
    ['**/**/z', '/a/b/z', true],
  ];
  for (const [glob, path, want] of cases) assert.equal(isTestFile(`file://${path.startsWith('/') ? '' : '/'}${path}`, 'x', { '*': [glob] }), want, `${glob} on ${path}`);
});

test('test-file patterns match inside the workspace folder, not above it', () => {
  setWorkspaceFolders(['file:///home/me/test/shop/']);
  try {
    assert.ok(!isTestFile('file:///home/me/test/shop/src/orders.js', 'javascript'));
    assert.ok(isTestFile('file:///home/me/test/shop/test/orders.js', 'javascript'));
    assert.ok(isTestFile('file:///elsewhere/test/orders.js', 'javascript'), 'outside every folder: the whole path');
  } finally {
    setWorkspaceFolders([]);
  }
});
