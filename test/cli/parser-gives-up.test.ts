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
