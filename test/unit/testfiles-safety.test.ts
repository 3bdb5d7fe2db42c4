// The testFiles setting can come from an untrusted repository (.vscode/settings.json,
// .http-status-hints.json), and its patterns run on every document's path. Adversarial patterns
// (a catastrophic regex, globs that a backtracking RegExp would take polynomial time over) run
// against long paths in a worker thread with a watchdog: each must finish within seconds, where
// the RegExp translation used before took 32 s for `*a*a*a*a*b` on a 200-character path and
// hours on these. The bound is a safety check, not a performance figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMainThread, parentPort } from 'node:worker_threads';
import { watchedWorker } from '../helpers/watchedWorker';
import { normalizeSettings } from '../../server/src/settings';
import { isTestFile } from '../../server/src/rules/testFiles';
import '../../server/src/rules/config'; // registers the testFiles setting

const BOUND_MS = 5_000;
const HANG_MS = 60_000;

// Each with whether it matches the third path (a long run of directories, then `a...ab`).
const PATTERNS: [string, boolean][] = [
  ['/(a+)+$/', false],
  ['/(a|a)*b/', false],
  ['**/**/**/**/**/**/**/**/z', false],
  ['*a*a*a*a*a*a*a*b', true],
  ['**a**a**a**a**a**b', true],
  [`${'{a,a}'.repeat(100)}b`, false],
  [`${'*a'.repeat(490)}b`, true],
];
const PATHS = [`file:///${'a/'.repeat(4000)}${'a'.repeat(8000)}`, `file:///${'a'.repeat(20000)}!`, `file:///${'a/'.repeat(4000)}${'a'.repeat(1000)}b`];

type Result = { pattern: string; ms: number; matched: boolean[]; warnings: string[] };

function runAll(): void {
  for (const [pattern] of PATTERNS) {
    const started = performance.now();
    const { settings, warnings } = normalizeSettings({ testFiles: { '*': [pattern] } });
    // Straight to the matcher as well, as if normalisation had been skipped.
    const matched = PATHS.flatMap((p) => [isTestFile(p, 'python', settings.testFiles), isTestFile(p, 'python', { '*': [pattern] })]);
    parentPort!.postMessage({ pattern, ms: performance.now() - started, matched, warnings } satisfies Result);
  }
  parentPort!.postMessage('done');
}

async function inWorker(): Promise<Result[]> {
  const results: Result[] = [];
  await watchedWorker<Result | 'done'>(__filename, undefined, {
    hangMs: HANG_MS,
    onMessage(m) {
      if (m === 'done') return true;
      results.push(m);
      return false;
    },
    stuck: () => `the pattern after ${JSON.stringify(results.at(-1)?.pattern ?? '(none)')} did not finish in ${HANG_MS / 1000} s`,
  });
  return results;
}

if (isMainThread) {
  test('adversarial testFiles patterns against long paths finish quickly; regexes are refused with a warning', async () => {
    const results = await inWorker();
    assert.equal(results.length, PATTERNS.length);
    for (const [i, r] of results.entries()) {
      assert.ok(r.ms < BOUND_MS, `${r.pattern}: ${Math.round(r.ms)} ms (bound ${BOUND_MS} ms)`);
      if (r.pattern.startsWith('/')) {
        assert.equal(r.warnings.length, 1, r.pattern);
        assert.match(r.warnings[0], /^httpStatusHints\.testFiles\.\*: .* is a regular expression, and only globs/);
        assert.ok(r.matched.every((m) => !m), `${r.pattern} never runs`);
      } else {
        assert.deepEqual(r.warnings, [], r.pattern);
        // Really evaluated: no match on the first two paths, the expected answer on the third.
        const want = PATTERNS[i][1];
        assert.deepEqual(r.matched, [false, false, false, false, want, want], r.pattern);
      }
    }
  });
} else runAll();
