// The rule fixtures' harness. A fixture is real code whose expected findings are written as
// marker comments on the line(s) above the code they are about:
//   // expect: <rule-id>            a diagnostic of <rule-id> starts on the next code line
//   // expect: <rule-id> on <text>  ... and its range covers exactly <text>
//   // ok: <why>                    documents a look-alike that must stay quiet
//   // settings: {json}             the settings the fixture runs with (httpStatusHints.*)
// (`#` instead of `//` in Python, Ruby, YAML and .http). Every diagnostic must be expected.
// The same fixture with its markers blanked out must give the same diagnostics, so markers can
// neither create nor hide a finding.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { doCodeActions } from '../../server/src/features/codeActions';
import { loadLanguage, parserFor, type GrammarId } from '../../server/src/parsing/treeSitter';
import { fixturePath } from '../helpers/analyze';
import { DocumentStore } from '../../server/src/documents';
import { doValidate } from '../../server/src/features/diagnostics';
import { normalizeSettings, type Settings } from '../../server/src/settings';
import type { FeatureContext } from '../../server/src/features/context';
import '../../server/src/rules/config';

export const languageByExtension: Record<string, string> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', tsx: 'typescriptreact',
  py: 'python', go: 'go', java: 'java', cs: 'csharp', rb: 'ruby', php: 'php', rs: 'rust', yaml: 'yaml', yml: 'yaml', json: 'json', jsonc: 'jsonc', http: 'http', rest: 'http',
};

export function languageOf(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return languageByExtension[ext] ?? 'plaintext';
}

/** A fixture's URI: a production path, unless the file name itself says test. */
export function fixtureUri(file: string): string {
  return `file:///project/src/${basename(file)}`;
}

const store = new DocumentStore();

/**
 * Runs `fn` with the feature context of `text`, as the server builds it: the real grammar, the
 * real adapter, its import edits, and the settings normalised from `rawSettings`.
 */
export async function withContext<T>(text: string, languageId: string, uri: string, rawSettings: unknown, fn: (ctx: FeatureContext) => T): Promise<T> {
  const entry = store.open(uri, languageId, 1, text);
  try {
    await store.ensureParsed(entry);
    const model = store.model(entry);
    const settings: Settings = normalizeSettings(rawSettings ?? {}).settings;
    const input = () => ({ uri, languageId, text, tree: entry.tree });
    return fn({ document: entry.doc, model, settings, markdown: true, slotAt: () => undefined, importEdit: (v) => entry.adapter?.importEdit?.(input(), v) });
  } finally {
    store.close(uri);
  }
}

export async function diagnose(text: string, languageId: string, uri: string, rawSettings?: unknown): Promise<Diagnostic[]> {
  return withContext(text, languageId, uri, rawSettings, doValidate);
}

export interface Expectation {
  line: number;
  rule: string;
  on?: string;
}

const MARKER = /^\s*(\/\/|#)\s*(expect|ok|settings)\b:?(.*)$/;

/** The expectations of a fixture, its settings, and its text with every marker comment blanked out. */
export function readMarkers(text: string): { expectations: Expectation[]; blanked: string; settings?: unknown } {
  const lines = text.split('\n');
  const expectations: Expectation[] = [];
  let settings: unknown;
  let pending: Omit<Expectation, 'line'>[] = [];
  const blanked = lines.map((line, i) => {
    const m = MARKER.exec(line);
    if (!m) {
      if (line.trim()) {
        expectations.push(...pending.map((p) => ({ ...p, line: i })));
        pending = [];
      }
      return line;
    }
    if (m[2] === 'expect') {
      const e = /^\s*([a-z][a-z0-9-]*)(?:\s+on\s+(.+?))?\s*$/.exec(m[3]);
      if (!e) throw new Error(`line ${i + 1}: malformed marker: ${line}`);
      pending.push({ rule: e[1], on: e[2] });
    } else if (m[2] === 'settings') {
      settings = JSON.parse(m[3]);
    }
    return line.replace(/[^\s]/g, ' ');
  });
  if (pending.length) throw new Error('a marker at the end of the file has no code line after it');
  return { expectations, blanked: blanked.join('\n'), settings };
}

function describe(d: Diagnostic, text: string): string {
  return `${d.code} at line ${d.range.start.line + 1} on "${sliceRange(text, d)}"`;
}

function sliceRange(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = d.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/** Problems with a fixture: missing, unexpected or misplaced findings, or markers that change them. */
export async function checkFixture(file: string, rawSettings?: unknown): Promise<string[]> {
  const text = readFileSync(file, 'utf8');
  const languageId = languageOf(file);
  const uri = fixtureUri(file);
  const { expectations, blanked, settings } = readMarkers(text);
  rawSettings ??= settings;
  const found = await diagnose(text, languageId, uri, rawSettings);
  const problems: string[] = [];
  const unmatched = [...found];
  for (const e of expectations) {
    const i = unmatched.findIndex((d) => d.code === e.rule && d.range.start.line === e.line && (e.on === undefined || sliceRange(text, d) === e.on));
    if (i >= 0) unmatched.splice(i, 1);
    else problems.push(`expected ${e.rule}${e.on ? ` on "${e.on}"` : ''} at line ${e.line + 1}; found ${found.filter((d) => d.range.start.line === e.line).map((d) => describe(d, text)).join(', ') || 'nothing there'}`);
  }
  for (const d of unmatched) problems.push(`unexpected ${describe(d, text)}: ${d.message}`);
  const again = await diagnose(blanked, languageId, uri, rawSettings);
  const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
  if (JSON.stringify(found.map(key)) !== JSON.stringify(again.map(key))) problems.push(`the markers change the findings: with them ${found.map(key).join(' ')}; without ${again.map(key).join(' ')}`);
  return problems;
}

/** Fixture files of a language folder under test/fixtures/<dir>, without the fix pairs. */
export function fixtureFiles(...dir: string[]): string[] {
  const root = fixturePath(...dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.includes('.fixed.'))
    .map((e) => join(root, e.name))
    .sort();
}

// Quick fix fixtures: the first line names the finding and the fix (`// fix: <rule> [title prefix]`).
const GRAMMAR: Record<string, GrammarId> = { javascript: 'javascript', typescript: 'typescript', typescriptreact: 'tsx', python: 'python', go: 'go', java: 'java', csharp: 'c-sharp', ruby: 'ruby', php: 'php', rust: 'rust' };

/** `// fix: <rule> [<title prefix>]` on the first line. */
export function readFixLine(text: string): { rule: string; title?: string; settings?: unknown } {
  // The first lines: PHP files start with `<?php`.
  const m = /^\s*(?:\/\/|#)\s*fix:[ \t]*([a-z][a-z0-9-]*)(?:[ \t]+(.+?))?[ \t]*$/m.exec(text.split('\n').slice(0, 3).join('\n'));
  if (!m) throw new Error('one of the first lines must be a "fix: <rule> [title]" comment');
  const s = /^\s*(?:\/\/|#)\s*settings:\s*(.+)$/m.exec(text);
  return { rule: m[1], title: m[2], settings: s ? JSON.parse(s[1]) : undefined };
}

export async function applyFix(text: string, languageId: string, uri: string, rule: string, title: string | undefined, settings?: unknown): Promise<{ result: string; action: CodeAction; diagnostic: Diagnostic }> {
  return withContext(text, languageId, uri, settings, (ctx) => {
    const diagnostic = doValidate(ctx).find((d) => d.code === rule);
    if (!diagnostic) throw new Error(`no ${rule} diagnostic in the fixture`);
    const actions = doCodeActions(ctx, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const action = title ? actions.find((a) => a.title.startsWith(title)) : actions.find((a) => a.isPreferred);
    if (!action) throw new Error(`no fix "${title ?? '(preferred)'}" among: ${actions.map((a) => a.title).join(' | ')}`);
    const edits = action.edit?.changes?.[uri] ?? [];
    return { result: TextDocument.applyEdits(ctx.document, edits), action, diagnostic };
  });
}

export async function assertParses(text: string, languageId: string): Promise<void> {
  const grammar = GRAMMAR[languageId];
  if (!grammar) return;
  const tree = parserFor(grammar, await loadLanguage(grammar)).parse(text);
  try {
    assert.equal(tree?.rootNode.hasError, false, `the fixed code has a syntax error:\n${text}`);
  } finally {
    tree?.delete();
  }
}


/** One test per quick fix fixture under test/fixtures/<dir>: the fix applied equals <name>.fixed.<ext>, parses, and clears the finding. */
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

