// The rules over JavaScript and TypeScript fixtures: every expected finding on its range, no
// other finding (the look-alikes in each fixture stay quiet), whatever the markers say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { rules } from '../../server/src/rules/index';
import { checkFixture, fixtureFiles, readMarkers } from './rules-harness';

const files = fixtureFiles('rules', 'javascript');

for (const file of files) {
  test(`rules on javascript/${basename(file)}`, async () => {
    const problems = await checkFixture(file);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}

test('every rule that reads code has a JavaScript fixture with a finding and quiet look-alikes', () => {
  const expected = new Set(files.flatMap((f) => readMarkers(readFileSync(f, 'utf8')).expectations.map((e) => e.rule)));
  for (const rule of rules.filter((r) => !r.id.startsWith('openapi-'))) {
    assert.ok(files.some((f) => basename(f).startsWith(`${rule.id}.`)), `a fixture named ${rule.id}.* exists`);
    assert.ok(expected.has(rule.id), `some fixture expects ${rule.id}`);
  }
});
