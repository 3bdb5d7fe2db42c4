// Seeded fuzzing over the fixture corpus: mutate real files the way half-typed code looks
// (deletions, stray brackets, quotes and digits, truncation) and drive every feature on the
// result. Nothing may throw, every range must lie inside the document, and every edit must
// apply cleanly. Reproduce a failure with FUZZ_SEED=<the printed seed>.
// A local run draws a new seed each time (that is how it finds things); CI (CI set, as .ci/run
// does) uses a fixed one, so a CI run fails or passes the same way every time it is run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit, Diagnostic, CodeAction } from 'vscode-languageserver';
import { analyze, fixturePath } from '../helpers/analyze';
import { doHover } from '../../server/src/features/hover';
import { doComplete } from '../../server/src/features/completion';
import { doInlayHints } from '../../server/src/features/inlayHints';
import { doValidate } from '../../server/src/features/diagnostics';
import { doCodeActions } from '../../server/src/features/codeActions';

const LANGUAGE_BY_EXT: Record<string, string> = {
  '.js': 'javascript', '.ts': 'typescript', '.jsx': 'javascriptreact', '.tsx': 'typescriptreact', '.py': 'python', '.go': 'go',
  '.java': 'java', '.cs': 'csharp', '.rb': 'ruby', '.php': 'php', '.rs': 'rust', '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.http': 'http', '.rest': 'http',
};

const CI_SEED = 20261123;
const seed = Number(process.env.FUZZ_SEED ?? (process.env.CI ? CI_SEED : Math.floor(Math.random() * 2 ** 31)));
const MUTANTS_PER_FILE = Number(process.env.FUZZ_MUTANTS ?? 30);
const TIME_BUDGET_MS = Number(process.env.FUZZ_MS ?? 60_000);

function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (LANGUAGE_BY_EXT[extname(n)] && statSync(p).size < 200_000) out.push(p);
    }
  };
  walk(fixturePath());
  return out.sort();
}

const NOISE = '()[]{}\'"`0123456789,;.:=\n\t ';

function mutate(text: string, rnd: () => number): string {
  let t = text;
  const ops = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(rnd() * (t.length + 1));
    const kind = rnd();
    if (kind < 0.35) {
      t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 40));
    } else if (kind < 0.8) {
      let ins = '';
      for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) ins += NOISE[Math.floor(rnd() * NOISE.length)];
      t = t.slice(0, at) + ins + t.slice(at);
    } else if (kind < 0.9) {
      t = t.slice(0, at);
    } else {
      t = t.slice(0, at) + '😀' + t.slice(at);
    }
  }
  return t;
}

function inside(doc: TextDocument, r: Range, what: string): void {
  const end = doc.positionAt(doc.getText().length);
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character)) && doc.offsetAt(p) <= doc.getText().length;
  assert.ok(ok(r.start) && ok(r.end), `${what}: range ${JSON.stringify(r)} outside the document`);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: range ends before it starts`);
  // A position past a line's end would be clamped by editors; ours must be exact.
  for (const p of [r.start, r.end]) {
    const lineText = doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    assert.ok(p.character <= lineText.length, `${what}: column ${p.character} past the end of line ${p.line}`);
  }
}

function applies(doc: TextDocument, edits: TextEdit[], what: string): void {
  for (const e of edits) inside(doc, e.range, what);
  const sorted = [...edits].sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(doc.offsetAt(sorted[i].range.start) >= doc.offsetAt(sorted[i - 1].range.end), `${what}: overlapping edits`);
  }
  TextDocument.applyEdits(doc, edits);
}

test(`fuzz every feature over the mutated fixture corpus (seed ${seed})`, async () => {
  console.log(`fuzz seed: ${seed} (rerun with FUZZ_SEED=${seed})`);
  const rnd = mulberry32(seed);
  const files = corpus();
  assert.ok(files.length > 5, 'the fixture corpus is there');
  const started = Date.now();
  let runs = 0;
  for (const file of files) {
    const languageId = LANGUAGE_BY_EXT[extname(file)];
    const original = readFileSync(file, 'utf8');
    for (let m = 0; m < MUTANTS_PER_FILE; m++) {
      if (Date.now() - started > TIME_BUDGET_MS) break;
      const text = mutate(original, rnd);
      const where = `${file} mutant ${m} (seed ${seed})`;
      runs++;
      const a = await analyze(text, languageId, `file:///fuzz/${runs}${extname(file)}`);
      const doc = a.document;
      for (const s of a.model.sites) assert.ok(s.span.start >= 0 && s.span.end <= text.length && s.span.start <= s.span.end, `${where}: site span`);
      for (let k = 0; k < 8; k++) {
        const offset = Math.floor(rnd() * (text.length + 1));
        const h = doHover(doc, a.model, offset, a.settings);
        if (h?.range) inside(doc, h.range, `${where}: hover`);
        for (const item of doComplete(a.ctx, offset)) {
          const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])].filter(Boolean);
          applies(doc, edits, `${where}: completion ${item.label}`);
        }
      }
      for (const hint of doInlayHints(a.ctx, { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) })) {
        inside(doc, { start: hint.position, end: hint.position }, `${where}: inlay`);
      }
      const diagnostics: Diagnostic[] = doValidate(a.ctx);
      for (const d of diagnostics) inside(doc, d.range, `${where}: diagnostic ${d.code}`);
      const actions: CodeAction[] = doCodeActions(a.ctx, {
        textDocument: { uri: doc.uri },
        range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) },
        context: { diagnostics },
      });
      for (const action of actions) {
        const edits = action.edit?.changes?.[doc.uri] ?? [];
        if (edits.length) applies(doc, edits, `${where}: code action ${action.title}`);
      }
    }
  }
  console.log(`fuzz: ${runs} mutants of ${files.length} files in ${Date.now() - started} ms`);
  assert.ok(runs >= Math.min(files.length, 20), 'enough mutants ran');
});
