// The clean corpus: idiomatic handlers, in every language, that must produce no diagnostic at
// all. Any finding here is a false positive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fixturePath } from '../helpers/analyze';
import { diagnose, fixtureUri, languageOf } from './rules-harness';

const root = fixturePath('clean');
const languages = existsSync(root) ? readdirSync(root) : [];

for (const lang of languages) {
  for (const name of readdirSync(join(root, lang))) {
    const file = join(root, lang, name);
    test(`no findings in clean/${lang}/${basename(file)}`, async () => {
      const text = readFileSync(file, 'utf8');
      // Every rule on, prefer-named-constant aside: it is a style choice, off by default.
      const found = await diagnose(text, languageOf(file), fixtureUri(file), { rules: { 'created-without-location': 'info', 'success-code-for-method': 'hint' } });
      assert.deepEqual(found.map((d) => `${d.code} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`), []);
    });
  }
}

test('the clean corpus covers JavaScript and TypeScript', () => {
  assert.ok(readdirSync(join(root, 'javascript')).length >= 20, 'javascript: at least 20 files');
  const typescript = readdirSync(join(root, 'typescript'));
  assert.ok(typescript.length >= 14, 'typescript: at least 14 files');
  assert.ok(typescript.some((f) => f.endsWith('.tsx')), 'typescript: TSX files too');
});

test('the clean corpus covers Python, Go, Rust, OpenAPI and .http files', () => {
  for (const [lang, min] of [['python', 8], ['go', 5], ['rust', 5], ['openapi', 3], ['http', 2]] as const) {
    assert.ok(readdirSync(join(root, lang)).length >= min, `${lang}: at least ${min} files`);
  }
});
