// `check` on a small service tree, read the way a user reads the terminal: which problems are
// listed where, what is passed over and said to be, and the exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSI, copyFixture, problemKeys, runCli } from './run';

/** What the tree holds that must be reported, in the order the report lists it. */
const EXPECTED = [
  'api/views.py:10:44 warning error-body-with-success',
  'keep.local.js:6:14 warning retry-without-retry-after',
  'src/legacy/current.js:5:14 warning nonstandard-code',
  'src/routes/users.js:8:23 warning error-body-with-success',
  'src/routes/users.js:15:14 info created-without-location',
  'src/routes/users.js:20:14 warning body-not-allowed',
];

function projectWithHugeFile(): string {
  const dir = copyFixture('project');
  // Over the 2 MB default of maxFileSize, with a real problem in it that must not be reported.
  const line = "app.get('/x', (req, res) => res.status(299).send('x'));\n";
  writeFileSync(join(dir, 'src', 'huge.js'), "const app = require('express')();\n" + line.repeat(Math.ceil((2.2 * 1024 * 1024) / line.length)));
  return dir;
}

test('lists each problem as path:line:col severity rule-id message, grouped per file, and exits 1', () => {
  const dir = projectWithHugeFile();
  const r = runCli(['check'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(problemKeys(r.stdout), EXPECTED);
  // Files are separated by one blank line; the problems of one file are consecutive.
  const blocks = r.stdout.trim().split('\n\n');
  assert.deepEqual(
    blocks.slice(0, 4).map((b) => b.split('\n').map((l) => l.split(':')[0])),
    [['api/views.py'], ['keep.local.js'], ['src/legacy/current.js'], ['src/routes/users.js', 'src/routes/users.js', 'src/routes/users.js']],
  );
  // The message is the rule's own sentence, after the rule id.
  assert.match(r.stdout, /^src\/routes\/users\.js:20:14 warning body-not-allowed 204 No Content .+/m);
  assert.equal(r.stderr, '');
  assert.doesNotMatch(r.stdout, ANSI, 'no colour codes when the output is piped');
});

test('the summary counts problems, files checked, what --fix can do, and every kind of skipped file', () => {
  const dir = projectWithHugeFile();
  const r = runCli(['check'], dir);
  assert.match(r.stdout, /^6 problems \(5 warnings, 1 info\) in 4 files; 6 files checked in \d+\.\d s\.$/m);
  assert.match(r.stdout, /^1 problem can be fixed with --fix/m);
  assert.match(
    r.stdout,
    /^Skipped 3 ignored by \.gitignore, 4 folders \(build, dist, node_modules, vendor\), 1 binary file, 1 file larger than 2 MB\.$/m,
  );
});

test('.gitignore is honoured: ignored folders and files, nested .gitignore files, and ! re-includes', () => {
  const r = runCli(['check'], copyFixture('project'));
  const paths = new Set(problemKeys(r.stdout).map((k) => k.split(':')[0]));
  assert.ok(!paths.has('generated/client.js'), 'generated/ is in the root .gitignore');
  assert.ok(!paths.has('scratch.local.js'), '*.local.js is in the root .gitignore');
  assert.ok(!paths.has('src/legacy/old.js'), 'old.js is in src/legacy/.gitignore');
  assert.ok(paths.has('keep.local.js'), '!keep.local.js re-includes it');
  assert.ok(paths.has('src/legacy/current.js'), 'the nested .gitignore ignores only what it names');
  for (const p of paths) assert.doesNotMatch(p, /node_modules|vendor|dist|build|assets/);
});

test('checking a subfolder from the root still applies the root .gitignore', () => {
  const dir = copyFixture('project');
  mkdirSync(join(dir, 'src', 'generated'));
  writeFileSync(join(dir, 'src', 'generated', 'api.js'), "require('express')().get('/', (req, res) => res.status(299).end());\n");
  const r = runCli(['check', 'src'], dir);
  assert.deepEqual(problemKeys(r.stdout), EXPECTED.filter((k) => k.startsWith('src/')));
  assert.match(r.stdout, /Skipped 2 ignored by \.gitignore/);
});

test('run from a subfolder of a repository, paths stay relative to where the user is', () => {
  const dir = copyFixture('project');
  mkdirSync(join(dir, '.git'));
  const r = runCli(['check', '.'], join(dir, 'src'));
  assert.deepEqual(problemKeys(r.stdout), [
    'legacy/current.js:5:14 warning nonstandard-code',
    'routes/users.js:8:23 warning error-body-with-success',
    'routes/users.js:15:14 info created-without-location',
    'routes/users.js:20:14 warning body-not-allowed',
  ]);
});

test('a file named on the command line is checked even where the walk would pass it over', () => {
  const dir = copyFixture('project');
  const r = runCli(['check', 'node_modules/some-lib/index.js', 'src/legacy/old.js'], dir);
  assert.deepEqual(problemKeys(r.stdout), ['node_modules/some-lib/index.js:4:40 warning nonstandard-code', 'src/legacy/old.js:4:42 warning nonstandard-code']);
  assert.match(r.stdout, /2 files checked/);
});

test('only OpenAPI documents among YAML files are checked; other files are not counted at all', () => {
  const dir = copyFixture('project');
  const r = runCli(['check', 'openapi.yaml', 'settings.yaml', 'README.md'], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^No problems: 1 file checked in/m);
});

test('FORCE_COLOR turns colours on in a pipe, and NO_COLOR or --no-color keeps them off', () => {
  const dir = copyFixture('project');
  const forced = runCli(['check', 'src/routes'], dir, { FORCE_COLOR: '1' });
  assert.match(forced.stdout, ANSI);
  assert.deepEqual(problemKeys(forced.stdout.replace(new RegExp(ANSI.source, 'g'), '')), EXPECTED.filter((k) => k.startsWith('src/routes/')));
  assert.doesNotMatch(runCli(['check', 'src/routes'], dir, { NO_COLOR: '1' }).stdout, ANSI);
  assert.doesNotMatch(runCli(['check', 'src/routes', '--no-color'], dir, { FORCE_COLOR: '1' }).stdout, ANSI);
});

test('no progress line when the output is piped, even for a large tree', () => {
  const dir = copyFixture('project');
  const r = runCli(['check'], dir);
  assert.doesNotMatch(r.stderr, /Checking files/);
});
