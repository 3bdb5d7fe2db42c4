// --fix and --fix-dry-run on a tree whose expected results are checked in: the files after --fix
// must equal test/fixtures/cli/fix/expected byte for byte (BOM and CRLF kept), and the dry-run
// diff must change nothing on disk and apply as a patch to the same result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { copyFixture, fixtures, problemKeys, readTree, runCli } from './run';

/** What only a person can fix: no fix, or a fix with a placeholder value. */
const REMAINING = ['src/items.ts:15:14 warning unauthorized-without-challenge', 'src/items.ts:23:14 warning retry-without-retry-after'];

function expectedTree(dir: string): Map<string, Buffer> {
  const tree = readTree(dir);
  for (const [rel, bytes] of readTree(join(fixtures, 'fix', 'expected'))) tree.set(rel, bytes);
  return tree;
}

test('--fix applies the preferred safe fixes in place, in passes, and reports what remains', () => {
  const dir = copyFixture('fix/input');
  const expected = expectedTree(dir);
  const r = runCli(['check', '--fix'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(problemKeys(r.stdout), REMAINING);
  assert.match(r.stdout, /^Fixed 9 problems in 3 files\.$/m);
  const after = readTree(dir);
  for (const [rel, bytes] of expected) assert.equal(after.get(rel)?.toString('utf8'), bytes.toString('utf8'), rel);
  assert.deepEqual([...after.keys()].sort(), [...expected.keys()].sort());
});

test('a second --fix changes nothing', () => {
  const dir = copyFixture('fix/input');
  runCli(['check', '--fix'], dir);
  const once = readTree(dir);
  const r = runCli(['check', '--fix'], dir);
  assert.doesNotMatch(r.stdout, /Fixed/);
  assert.deepEqual(readTree(dir), once);
});

test('--fix keeps a byte order mark and CRLF line ends', () => {
  const dir = copyFixture('fix/input');
  runCli(['check', '--fix', 'src/bom-crlf.js'], dir);
  const bytes = readTree(dir).get('src/bom-crlf.js')!;
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString('utf8'), /res\.status\(204\)\.end\(\);\r\n/);
  assert.doesNotMatch(bytes.toString('utf8'), /[^\r]\n/);
});

test('--fix-dry-run prints a unified diff on stdout and changes no file', () => {
  const dir = copyFixture('fix/input');
  const before = readTree(dir);
  const r = runCli(['check', '--fix-dry-run'], dir);
  assert.equal(r.code, 1);
  assert.deepEqual(readTree(dir), before);
  assert.match(r.stdout, /^diff --git a\/src\/items\.ts b\/src\/items\.ts\n--- a\/src\/items\.ts\n\+\+\+ b\/src\/items\.ts\n@@ /m);
  assert.match(r.stdout, /^-  res\.status\(204\)\.send\(\{ ok: true \}\);\n\+  res\.status\(StatusCodes\.NO_CONTENT\)\.end\(\);$/m);
  assert.match(r.stdout, /^\+from http import HTTPStatus$/m);
  // The report of what would remain goes to stderr, so stdout is a clean patch.
  assert.deepEqual(problemKeys(r.stderr), REMAINING);
  assert.match(r.stderr, /--fix would fix 9 problems in 3 files/);
});

test('the --fix-dry-run diff applies with git apply and gives exactly what --fix writes', (t) => {
  if (spawnSync('git', ['--version']).status !== 0) return t.skip('git is not installed');
  const dir = copyFixture('fix/input');
  const patch = runCli(['check', '--fix-dry-run'], dir).stdout;
  const applied = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: dir, input: patch, encoding: 'utf8' });
  assert.equal(applied.status, 0, applied.stderr);
  assert.deepEqual(readTree(dir), expectedTree(dir));
});

test('--fix-dry-run --format json carries each file\'s diff', () => {
  const dir = copyFixture('fix/input');
  const report = JSON.parse(runCli(['check', '--fix-dry-run', '--format', 'json'], dir).stdout) as { files: { path: string; fixed?: number; diff?: string }[] };
  const views = report.files.find((f) => f.path === 'src/views.py');
  assert.equal(views?.fixed, 2);
  assert.match(views?.diff ?? '', /^\+    return "", HTTPStatus\.NO_CONTENT$/m);
});

test('fixes that are not marked safe are never applied: a placeholder header stays a suggestion', () => {
  const dir = copyFixture('fix/input');
  runCli(['check', '--fix'], dir);
  const items = readTree(dir).get('src/items.ts')!.toString('utf8');
  assert.doesNotMatch(items, /WWW-Authenticate|Retry-After/);
});
