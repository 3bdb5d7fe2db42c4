// The shared shape of the per-language hover fixture tests: in each fixture file, a hover at
// `needle` (its n-th occurrence, plus `delta`) must start with the expected title, or be absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, offsetOf, readFixture } from './analyze';
import { doHover } from '../../server/src/features/hover';

export type Case = [needle: string, occurrence: number, delta: number, expected: string | null];

/** Fixture file -> its cases, all in `languageId`; or fixture file -> { languageId, cases }. */
export type HoverFixtures = Record<string, Case[]> | Record<string, { languageId: string; cases: Case[] }>;

/** One test per fixture file under test/fixtures/hover/<folder>/. */
export function hoverFixtureTests(folder: string, fixtures: HoverFixtures, languageId?: string): void {
  for (const [file, entry] of Object.entries(fixtures)) {
    const { cases, lang } = Array.isArray(entry) ? { cases: entry, lang: languageId! } : { cases: entry.cases, lang: entry.languageId };
    test(`hover in ${file}`, async () => {
      const source = readFixture('hover', folder, file);
      const { document, model, settings } = await analyze(source, lang, `file:///fixtures/${file}`);
      for (const [needle, occurrence, delta, expected] of cases) {
        const offset = offsetOf(source, needle, occurrence, delta);
        const hover = doHover(document, model, offset, settings);
        const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        if (expected === null) {
          assert.equal(hover, null, `${file}: no hover expected at "${needle}", got: ${value.split('\n')[0]}`);
        } else {
          assert.ok(hover, `${file}: expected a hover "${expected}" at "${needle}"`);
          assert.match(value, new RegExp(`^\\*\\*${expected}\\*\\*`), `${file}: at "${needle}"`);
          // The hover's range covers the token the cursor is on.
          const start = document.offsetAt(hover.range!.start);
          const end = document.offsetAt(hover.range!.end);
          assert.ok(start <= offset && offset < end, `${file}: hover range should cover "${needle}"`);
        }
      }
    });
  }
}
