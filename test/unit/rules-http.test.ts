// The rules over .http request files: they only read statuses (expectations), so only values
// no server can send are reported; production rules do not apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { checkFixture, fixtureFiles } from './rules-harness';

for (const file of fixtureFiles('rules', 'http')) {
  test(`rules on http/${basename(file)}`, async () => {
    const problems = await checkFixture(file);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}
