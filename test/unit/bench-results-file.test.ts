// Where the benchmark writes its figures without --out: a one-section run (--only) must not
// replace the last full run's bench/results.json with a part of its figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, dirname } from 'node:path';
import { defaultResultsFile } from '../../bench/paths';

test('the full run writes bench/results.json', () => {
  const full = defaultResultsFile(undefined);
  assert.equal(basename(full), 'results.json');
  assert.equal(basename(dirname(full)), 'bench');
});

test('each --only section writes its own file beside it, never results.json', () => {
  const full = defaultResultsFile(undefined);
  const seen = new Set<string>();
  for (const section of ['analysis', 'memory', 'cli']) {
    const file = defaultResultsFile(section);
    assert.equal(basename(file), `results-${section}.json`);
    assert.equal(dirname(file), dirname(full));
    seen.add(file);
  }
  assert.equal(seen.size, 3);
});
