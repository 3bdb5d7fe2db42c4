// Exit codes CI relies on (0 clean, 1 problems at or above --max-severity, 2 usage or
// configuration errors), rule overrides, and the one-line messages a mistake gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, problemKeys, runCli } from './run';

/** A one-line message naming the tool, and nothing that looks like a stack trace. */
function assertOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0], /^http-status-hints: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(stderr, /\n\s+at |Error:|node:internal/);
}

test('exit 0 on a tree without problems', () => {
  const dir = copyFixture('project');
  const r = runCli(['check', 'src/routes/health.js', 'openapi.yaml'], dir);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /^No problems: 2 files checked in/m);
});

test('--max-severity decides which problems fail the run', () => {
  const dir = copyFixture('project');
  // src/routes holds warnings and one info.
  assert.equal(runCli(['check', 'src/routes'], dir).code, 1);
  assert.equal(runCli(['check', 'src/routes', '--max-severity', 'error'], dir).code, 0);
  // Only the info problem is left once its warnings are turned off.
  const infoOnly = ['src/routes', '--rule', 'error-body-with-success=off', '--rule', 'body-not-allowed=off'];
  assert.deepEqual(problemKeys(runCli(['check', ...infoOnly], dir).stdout), ['src/routes/users.js:15:14 info created-without-location']);
  assert.equal(runCli(['check', ...infoOnly], dir).code, 0, 'info is below the default warning');
  assert.equal(runCli(['check', ...infoOnly, '--max-severity=info'], dir).code, 1);
  assert.equal(runCli(['check', ...infoOnly, '--max-severity', 'hint'], dir).code, 1);
  // The editor's settings accept `warn` and `information`; so does the command line.
  assert.equal(runCli(['check', 'src/routes', '--max-severity', 'warn'], dir).code, 1);
  assert.equal(runCli(['check', ...infoOnly, '--max-severity', 'information'], dir).code, 1);
});

test('--rule changes a rule\'s severity for this run, over the settings file', () => {
  const dir = copyFixture('project');
  writeFileSync(join(dir, '.http-status-hints.json'), JSON.stringify({ rules: { 'created-without-location': 'off' } }));
  assert.deepEqual(problemKeys(runCli(['check', 'src/routes/users.js'], dir).stdout), [
    'src/routes/users.js:8:23 warning error-body-with-success',
    'src/routes/users.js:20:14 warning body-not-allowed',
  ]);
  const r = runCli(['check', 'src/routes/users.js', '--rule', 'created-without-location=error', '--rule', 'body-not-allowed=off'], dir);
  assert.deepEqual(problemKeys(r.stdout), ['src/routes/users.js:8:23 warning error-body-with-success', 'src/routes/users.js:15:14 error created-without-location']);
  assert.match(r.stdout, /^2 problems \(1 error, 1 warning\) in 1 file;/m);
});

test('settings come from the "httpStatusHints" key of package.json when there is no settings file', () => {
  const dir = copyFixture('project');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'svc', httpStatusHints: { rules: { 'nonstandard-code': 'error' } } }));
  const r = runCli(['check', 'src/legacy'], dir);
  assert.deepEqual(problemKeys(r.stdout), ['src/legacy/current.js:5:14 error nonstandard-code']);
  assert.equal(runCli(['check', 'src/legacy', '--max-severity', 'error'], dir).code, 1);
});

test('the repository root\'s settings apply when the check runs from a subfolder', () => {
  const dir = copyFixture('project');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.http-status-hints.json'), '{ "rules": { "nonstandard-code": "off" } }');
  assert.deepEqual(problemKeys(runCli(['check'], join(dir, 'src', 'legacy')).stdout), []);
});

test('--config names the settings file', () => {
  const dir = copyFixture('project');
  writeFileSync(join(dir, 'ci-settings.json'), '{ "rules": { "nonstandard-code": "hint" } }');
  assert.deepEqual(problemKeys(runCli(['check', 'src/legacy', '--config', 'ci-settings.json'], dir).stdout), ['src/legacy/current.js:5:14 hint nonstandard-code']);
  const missing = runCli(['check', '--config', 'nope.json'], dir);
  assert.equal(missing.code, 2);
  assertOneLineError(missing.stderr, /nope\.json: no such file/);
});

test('a settings file that is not valid JSON: exit 2 naming the file, line and column', () => {
  const dir = copyFixture('project');
  writeFileSync(join(dir, '.http-status-hints.json'), '{\n  "rules": {\n    "nonstandard-code": "off",,\n  }\n}\n');
  const r = runCli(['check'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assertOneLineError(r.stderr, /\.http-status-hints\.json: invalid JSON at line 3, column 31: /);
});

test('a setting with a wrong value or an unknown rule: exit 2 with what is wrong', () => {
  const dir = copyFixture('project');
  writeFileSync(join(dir, '.http-status-hints.json'), JSON.stringify({ rules: { 'nonstandard-code': 'loud' } }));
  const bad = runCli(['check'], dir);
  assert.equal(bad.code, 2);
  assertOneLineError(bad.stderr, /\.http-status-hints\.json: .*rules\.nonstandard-code: "loud" is not one of off, hint, info, warning, error/);

  writeFileSync(join(dir, '.http-status-hints.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
  assertOneLineError(runCli(['check'], dir).stderr, /rules\.no-such-rule: there is no rule with this id/);

  writeFileSync(join(dir, '.http-status-hints.json'), '[1, 2]');
  assertOneLineError(runCli(['check'], dir).stderr, /must be a JSON object of settings/);
});

test('bad flags: exit 2 with a one-line message that says what was expected', () => {
  const dir = copyFixture('project');
  const cases: [string[], RegExp][] = [
    [['check', '--frmat', 'json'], /unknown option '--frmat' \(did you mean '--format'\?\)/],
    [['check', '--format', 'xml'], /--format 'xml' is not one of text, json, sarif/],
    [['check', '--format'], /--format needs a value: text, json, sarif/],
    [['check', '--max-severity', 'warnig'], /--max-severity 'warnig' is not one of error, warning, info, hint \(did you mean 'warning'\?\)/],
    [['check', '--max-severity', 'err'], /--max-severity 'err' is not one of error, warning, info, hint \(did you mean 'error'\?\)/],
    [['check', '--rule', 'nonstandard-code'], /--rule 'nonstandard-code' is not id=severity/],
    [['check', '--rule', 'nonstandard-cod=off'], /there is no rule 'nonstandard-cod' \(did you mean 'nonstandard-code'\?\)/],
    [['check', '--rule', 'nonstandard-code=loud'], /--rule nonstandard-code: 'loud' is not one of off, hint, info, warning, error/],
    [['check', '--fix', '--fix-dry-run'], /--fix and --fix-dry-run cannot be used together/],
    [['check', '--jobs', '0'], /--jobs needs a whole number of at least 1, not '0'/],
    [['chek'], /unknown command 'chek' \(did you mean 'check'\?\)/],
    [['check', 'no/such/folder'], /no such file or folder: no\/such\/folder/],
  ];
  for (const [args, pattern] of cases) {
    const r = runCli(args, dir);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assertOneLineError(r.stderr, pattern);
  }
});

test('--help and --version', () => {
  const dir = copyFixture('project');
  const help = runCli(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: http-status-hints check \[options\] \[paths\.\.\.\]/);
  for (const flag of ['--format', '--output', '--fix', '--fix-dry-run', '--rule', '--max-severity', '--explain', '--jobs']) assert.ok(help.stdout.includes(flag), flag);
  assert.match(help.stdout, /Exit codes:\n\s+0 .+\n\s+1 .+\n\s+2 /);
  const version = runCli(['--version'], dir);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});
