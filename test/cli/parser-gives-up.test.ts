// A file whose text crashes the tree-sitter runtime (a wasm trap), or takes it longer than the
// parse time limit, costs that file only: it is reported as skipped with the reason, and every
// other file of the run, in every language, is still checked. The texts are real, not injected
// (see test/lsp/isolation.test.ts and test/lsp/parse-time.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, problemKeys, runCli, tempDir } from './run';

function treeWithCrash(): string {
  const dir = tempDir('crash');
  // Sorted first, so the files after it run on the runtime that crashed (with --jobs 1).
  writeFileSync(join(dir, 'a_crash.py'), `def f():\n    if ${'*/'.repeat(2500)}:\n        return 1\n`);
  copyFileSync(join(fixtures, 'project', 'api', 'views.py'), join(dir, 'b_views.py'));
  copyFileSync(join(fixtures, 'project', 'src', 'routes', 'users.js'), join(dir, 'c_users.js'));
  // Minutes to parse unbounded (95 s measured); given up after the limit.
  writeFileSync(join(dir, 'd_quotes.go'), '"'.repeat(100_000));
  return dir;
}

test('files the parser gives up on are skipped with their reasons; the rest of the run is checked', () => {
  const dir = treeWithCrash();
  const r = runCli(['check', '--jobs', '1'], dir);
  assert.equal(r.code, 1, `problems found, nothing failed: ${r.stdout}\n${r.stderr}`);
  assert.deepEqual(problemKeys(r.stdout), [
    'b_views.py:10:44 warning error-body-with-success',
    'c_users.js:8:23 warning error-body-with-success',
    'c_users.js:15:14 info created-without-location',
    'c_users.js:20:14 warning body-not-allowed',
  ]);
  assert.match(r.stdout, /2 files checked/);
  assert.match(r.stdout, /^Skipped 2 files the parser gave up on \(a_crash\.py, d_quotes\.go\)\.$/m);

  const json = JSON.parse(runCli(['check', '--jobs', '1', '--format', 'json'], dir).stdout) as {
    failures: unknown[];
    skipped: { files: { path: string; kind: string; reason: string }[] };
    summary: { filesChecked: number };
  };
  assert.deepEqual(json.failures, []);
  assert.equal(json.summary.filesChecked, 2);
  assert.deepEqual(json.skipped.files.map((f) => [f.path, f.kind]), [['a_crash.py', 'unparsable'], ['d_quotes.go', 'unparsable']]);
  assert.match(json.skipped.files[0].reason, /parser crashed .*memory access out of bounds/);
  assert.match(json.skipped.files[1].reason, /parsing it took longer than \d+ s/);
});

// Files after a grammar's first load are checked several at a time under one hard stop
// (server/src/cli/batch.ts). A file that hangs the parser there (the overflow that corrupts the
// runtime without trapping: in a runtime that has parsed only a tiny file, 2,042 pairs parse,
// then walking the tree never returns) is stopped, reported, and the files after it, of its
// language and others, are checked on a fresh runtime.
test('a file that hangs the parser in the middle of a run is stopped; the files after it are checked', () => {
  const dir = tempDir('hang');
  writeFileSync(join(dir, 'a_tiny.py'), 'x = 1\n');
  writeFileSync(join(dir, 'b_hang.py'), `def f():\n    if ${'*/'.repeat(2042)}:\n        return 1\n`);
  copyFileSync(join(fixtures, 'project', 'src', 'routes', 'users.js'), join(dir, 'c_users.js'));
  copyFileSync(join(fixtures, 'project', 'api', 'views.py'), join(dir, 'd_views.py'));
  const r = runCli(['check', '--jobs', '1', '--format', 'json'], dir);
  assert.equal(r.code, 1, `problems found, nothing failed: ${r.stdout}\n${r.stderr}`);
  const json = JSON.parse(r.stdout) as {
    files: { path: string; problems: { ruleId: string; line: number }[] }[];
    failures: unknown[];
    skipped: { files: { path: string; kind: string; reason: string }[] };
    summary: { filesChecked: number };
  };
  assert.deepEqual(json.failures, []);
  assert.deepEqual(json.skipped.files.map((f) => [f.path, f.kind]), [['b_hang.py', 'unparsable']]);
  assert.match(json.skipped.files[0].reason, /^the parser crashed on it during analysis \(no progress for \d+ s\); the parser was restarted for the other files$/);
  assert.equal(json.summary.filesChecked, 3);
  const problems = (path: string) => json.files.find((f) => f.path === path)?.problems.map((p) => `${p.line} ${p.ruleId}`);
  assert.deepEqual(problems('c_users.js'), ['8 error-body-with-success', '15 created-without-location', '20 body-not-allowed']);
  assert.deepEqual(problems('d_views.py'), ['10 error-body-with-success']);
});
