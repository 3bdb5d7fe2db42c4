// The rules over Ruby fixtures (Rails, Sinatra): expected findings on their ranges,
// quiet look-alikes, and the quick fixes applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { checkFixture, fixtureFiles, fixTests } from './rules-harness';

for (const file of fixtureFiles('rules', 'ruby')) {
  test(`rules on ruby/${basename(file)}`, async () => {
    const problems = await checkFixture(file);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}

fixTests('rules', 'ruby', 'fixes');
