// Sections 1-3, in process: parse only (the floor of this design), the full cold analysis the
// server does on open (parse + model + every rule), and edit -> diagnostics on didChange
// (incremental tree edit + re-parse + model + rules), each against its baseline.
import { DocumentStore, type OpenDocument } from '../server/src/documents';
import { doValidate } from '../server/src/features/diagnostics';
import type { FeatureContext } from '../server/src/features/context';
import { loadLanguage, parserFor, type GrammarId } from '../server/src/parsing/treeSitter';
import { cloneDefaults } from '../server/src/settings';
import { EXTENSIONS, type Generated } from './generate';
import { median, now } from './stats';

export interface AnalysisResult {
  language: string;
  lines: number;
  bytes: number;
  sites: number;
  diagnostics: number;
  parseMs: number;
  fullMs: number;
  /** The parts of the full analysis: first parse, model extraction, rules. */
  fullParts: { parseMs: number; extractMs: number; rulesMs: number };
  editP50Ms: number;
  editParts: { reparseMs: number; extractMs: number; rulesMs: number };
  /** Timed runs behind each median (fewer when one run is slow, to keep the run bounded). */
  runs: { parse: number; full: number; edits: number };
}

export interface Budget {
  maxReps: number;
  maxEdits: number;
  /** Milliseconds one figure may take; slow figures get fewer repetitions (at least one). */
  cellMs: number;
}

const GRAMMAR: Record<string, GrammarId> = { javascript: 'javascript', typescript: 'typescript', python: 'python', go: 'go' };

/** The feature context the server builds for a document (default settings). */
export function contextOf(store: DocumentStore, entry: OpenDocument): FeatureContext {
  const input = () => ({ uri: entry.doc.uri, languageId: entry.doc.languageId, text: entry.doc.getText(), tree: entry.tree });
  return {
    document: entry.doc,
    model: store.model(entry),
    settings: cloneDefaults(),
    markdown: true,
    slotAt: (o) => entry.adapter?.slotAt?.(input(), o),
    importEdit: (v) => entry.adapter?.importEdit?.(input(), v),
  };
}

/** Runs `fn` once untimed, then as often as the budget allows (1..max); the times of the timed runs. */
async function repeat(max: number, min: number, cellMs: number, fn: () => Promise<number> | number): Promise<number[]> {
  const first = await fn();
  const n = Math.max(min, Math.min(max, Math.floor(cellMs / Math.max(first, 0.01))));
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

export async function measureAnalysis(g: Generated, budget: Budget): Promise<AnalysisResult> {
  const grammar = GRAMMAR[g.languageId];
  const lang = await loadLanguage(grammar);
  const parser = parserFor(grammar, lang);
  const parse = await repeat(budget.maxReps, 1, budget.cellMs, () => {
    const t = now();
    parser.parse(g.text)?.delete();
    return now() - t;
  });

  const store = new DocumentStore();
  const uri = `file:///bench/file.${EXTENSIONS[g.languageId]}`;
  const parts = { parseMs: [] as number[], extractMs: [] as number[], rulesMs: [] as number[] };
  let sites = 0;
  let diagnostics = 0;
  const full = await repeat(budget.maxReps, 1, budget.cellMs, async () => {
    const t0 = now();
    const entry = store.open(uri, g.languageId, 1, g.text);
    await store.ensureParsed(entry);
    const t1 = now();
    const ctx = contextOf(store, entry);
    const t2 = now();
    diagnostics = doValidate(ctx).length;
    const t3 = now();
    parts.parseMs.push(t1 - t0);
    parts.extractMs.push(t2 - t1);
    parts.rulesMs.push(t3 - t2);
    sites = ctx.model.sites.length;
    return t3 - t0;
  });

  // The document stays open from the last cold run; now type in the middle of it.
  const entry = store.get(uri)!;
  const middle = Math.floor(entry.doc.lineCount / 2);
  const editParts = { reparseMs: [] as number[], extractMs: [] as number[], rulesMs: [] as number[] };
  let k = 0;
  const edits = await repeat(budget.maxEdits, 3, budget.cellMs, () => {
    // Alternately insert a space at the start of the middle line and delete it again.
    const insert = k++ % 2 === 0;
    const range = { start: { line: middle, character: 0 }, end: { line: middle, character: insert ? 0 : 1 } };
    const t0 = now();
    store.change(uri, entry.doc.version + 1, [{ range, text: insert ? ' ' : '' }]);
    store.parseNow(entry);
    const t1 = now();
    const ctx = contextOf(store, entry);
    const t2 = now();
    doValidate(ctx);
    const t3 = now();
    editParts.reparseMs.push(t1 - t0);
    editParts.extractMs.push(t2 - t1);
    editParts.rulesMs.push(t3 - t2);
    return t3 - t0;
  });
  store.closeAll();
  // Drop the untimed first run from the parts.
  for (const a of [...Object.values(parts), ...Object.values(editParts)]) a.shift();
  return {
    language: g.languageId,
    lines: g.lines,
    bytes: Buffer.byteLength(g.text),
    sites,
    diagnostics,
    parseMs: median(parse),
    fullMs: median(full),
    fullParts: { parseMs: median(parts.parseMs), extractMs: median(parts.extractMs), rulesMs: median(parts.rulesMs) },
    editP50Ms: median(edits),
    editParts: { reparseMs: median(editParts.reparseMs), extractMs: median(editParts.extractMs), rulesMs: median(editParts.rulesMs) },
    runs: { parse: parse.length, full: full.length, edits: edits.length },
  };
}
