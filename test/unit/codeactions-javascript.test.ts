// Quick fixes, applied: each fixture under test/fixtures/rules/javascript/fixes names on its
// first line the finding and the fix to apply; the result must equal <name>.fixed.<ext>, parse
// without syntax errors, and no longer carry that finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { applyFix, assertParses, diagnose, fixtureFiles, fixtureUri, languageOf, readFixLine } from './rules-harness';

export function fixTests(...dir: string[]): void {
  for (const file of fixtureFiles(...dir)) {
    const expectedFile = file.replace(/\.(\w+)$/, '.fixed.$1');
    test(`fix ${dir.join('/')}/${basename(file)}`, async () => {
      assert.ok(existsSync(expectedFile), `${basename(expectedFile)} exists`);
      const text = readFileSync(file, 'utf8');
      const languageId = languageOf(file);
      const uri = fixtureUri(file);
      const { rule, title, settings } = readFixLine(text);
      const { result, diagnostic } = await applyFix(text, languageId, uri, rule, title, settings);
      assert.equal(result, readFileSync(expectedFile, 'utf8'));
      await assertParses(result, languageId);
      const after = await diagnose(result, languageId, uri, settings);
      assert.ok(!after.some((d) => d.code === rule && d.message === diagnostic.message), `the ${rule} finding is gone after the fix`);
    });
  }
}

fixTests('rules', 'javascript', 'fixes');
