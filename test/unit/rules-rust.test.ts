// The rules over Rust fixtures (axum, actix-web): expected findings on their ranges,
// quiet look-alikes, and the quick fixes applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { checkFixture, fixtureFiles, fixTests } from './rules-harness';

for (const file of fixtureFiles('rules', 'rust')) {
  test(`rules on rust/${basename(file)}`, async () => {
    const problems = await checkFixture(file);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}

fixTests('rules', 'rust', 'fixes');
