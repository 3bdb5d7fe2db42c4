// One file from disk to findings, the same in the main thread and in a worker: read it (unless
// it is too large or binary), analyse it, and with --fix or --fix-dry-run apply the safe fixes
// in passes, re-checking after each, then write the file or describe the change as a diff.
import { closeSync, openSync, readSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { GrammarId } from '../parsing/treeSitter';
import type { Settings } from '../settings';
import { Analyzer, AnalysisError } from './analysis';
import { toFindings, type CliFinding } from './findings';
import { applyEdits, chooseFixes, MAX_FIX_PASSES } from './fixer';
import { languageIdForPath } from './languageIds';

export type FixMode = 'none' | 'fix' | 'dry-run';
export type SkipKind = 'too-large' | 'binary' | 'minified' | 'unparsable' | 'other';

export interface FileOutcome {
  /** Absolute path. */
  path: string;
  /** Path relative to the project root, with forward slashes. */
  rel: string;
  status: 'checked' | 'skipped' | 'unserved' | 'failed';
  languageId?: string;
  skip?: { kind: SkipKind; reason: string };
  /** Why the file could not be checked (unreadable, or an adapter or rule failed). */
  error?: string;
  findings: CliFinding[];
  /** Findings fixed (written with --fix, or described by the diff with --fix-dry-run). */
  fixed: number;
  /** Unified diff of the fixes (--fix-dry-run only). */
  diff?: string;
}

export interface CheckSettings {
  root: string;
  settings: Settings;
  fix: FixMode;
}

/** Bytes looked at to tell binary files from text, as the editor's skip check does. */
const SNIFF_BYTES = 8192;

export async function checkFile(path: string, analyzer: Analyzer, opts: CheckSettings): Promise<FileOutcome> {
  for (;;) {
    const outcome = checkFileNow(path, analyzer, opts);
    if (!('needsGrammar' in outcome)) return outcome;
    try {
      await analyzer.loadGrammar(outcome.needsGrammar);
    } catch (e) {
      return failedOutcome(path, opts, e);
    }
  }
}

/**
 * checkFile without waiting: when the file's grammar has not loaded yet, nothing was done (no
 * file written) and the caller loads it (Analyzer.loadGrammar) and asks again.
 */
export function checkFileNow(path: string, analyzer: Analyzer, opts: CheckSettings): FileOutcome | { needsGrammar: GrammarId } {
  const rel = relPath(path, opts);
  const base: FileOutcome = { path, rel, status: 'checked', findings: [], fixed: 0 };
  const languageId = languageIdForPath(path);
  if (!languageId) return { ...base, status: 'unserved' };
  let original: string;
  try {
    const size = statSync(path).size;
    // Too large is decided before reading, so a huge file costs nothing.
    if (size > opts.settings.maxFileSize) {
      return { ...base, status: 'skipped', skip: { kind: 'too-large', reason: `larger than ${formatBytes(opts.settings.maxFileSize)}` } };
    }
    if (looksBinary(path)) return { ...base, status: 'skipped', skip: { kind: 'binary', reason: 'binary' } };
    original = readFileSync(path, 'utf8');
  } catch (e) {
    return { ...base, status: 'failed', error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  // Editors drop a byte order mark before analysis; a fixed file keeps it.
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = bom ? original.slice(1) : original;
  let fixed = 0;
  try {
    for (let pass = 0; ; pass++) {
      const analysis = analyzer.analyzeNow(path, languageId, text);
      if (analysis.kind === 'needs-grammar') return { needsGrammar: analysis.grammar };
      if (analysis.kind === 'unserved') return { ...base, status: 'unserved' };
      if (analysis.kind === 'skipped') {
        const kind: SkipKind = analysis.unparsable ? 'unparsable' : /minified/.test(analysis.reason) ? 'minified' : 'other';
        return { ...base, status: 'skipped', skip: { kind, reason: analysis.reason } };
      }
      const findings = toFindings(analysis.diagnostics, analysis.document, rel);
      const chosen = opts.fix !== 'none' && pass < MAX_FIX_PASSES ? chooseFixes(findings, analysis.document) : undefined;
      if (!chosen?.count) {
        const result: FileOutcome = { ...base, languageId, findings, fixed };
        if (fixed) finish(result, original, bom + text, opts.fix);
        return result;
      }
      text = applyEdits(text, chosen.edits);
      fixed += chosen.count;
    }
  } catch (e) {
    return { ...failedOutcome(path, opts, e), languageId };
  }
}

/** A file whose analysis threw: not checked, with the reason. */
function failedOutcome(path: string, opts: CheckSettings, e: unknown): FileOutcome {
  const message = e instanceof AnalysisError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
  return { path, rel: relPath(path, opts), status: 'failed', languageId: languageIdForPath(path), error: message, findings: [], fixed: 0 };
}

/** A file the parser was stopped on (no progress within the hard stop): skipped as unparsable, with the reason. */
export function stoppedOutcome(path: string, opts: CheckSettings, reason: string): FileOutcome {
  return { path, rel: relPath(path, opts), status: 'skipped', skip: { kind: 'unparsable', reason }, findings: [], fixed: 0 };
}

function relPath(path: string, opts: CheckSettings): string {
  return relative(opts.root, path).split(sep).join('/');
}

function finish(result: FileOutcome, before: string, after: string, mode: FixMode): void {
  if (before === after) return;
  if (mode === 'fix') {
    writeFileSync(result.path, after, 'utf8');
  } else if (mode === 'dry-run') {
    const patch = createTwoFilesPatch(`a/${result.rel}`, `b/${result.rel}`, before, after, undefined, undefined, { context: 3 });
    // git's own header first, so `git apply` and reviewers read it as a normal patch.
    result.diff = `diff --git a/${result.rel} b/${result.rel}\n${patch.replace(/^=+\n/m, '')}`;
  }
}

function looksBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n).includes(0);
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.round(n / 1024)} KB`;
}
