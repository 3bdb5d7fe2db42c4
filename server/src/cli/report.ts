// What a run found, counted once for every output format: the problems by level, what was
// fixed, what was skipped and why, and the exit code the run ends with.
import type { Level } from './args';
import type { FileOutcome, FixMode, SkipKind } from './checkFile';
import { levelRank } from './findings';
import type { WalkSkips } from './walk';

export interface Report {
  root: string;
  cwd: string;
  mode: FixMode;
  /** Every file that was looked at, sorted by path. */
  outcomes: FileOutcome[];
  walk: WalkSkips;
  elapsedMs: number;
  maxFileSize: number;
}

export interface Counts {
  checked: number;
  problems: number;
  byLevel: Record<Level, number>;
  filesWithProblems: number;
  /** Problems whose preferred fix is safe: what --fix would apply. */
  fixable: number;
  fixed: number;
  filesFixed: number;
  failed: number;
  skipped: Record<SkipKind, number>;
}

export function countReport(report: Report): Counts {
  const c: Counts = {
    checked: 0,
    problems: 0,
    byLevel: { error: 0, warning: 0, info: 0, hint: 0 },
    filesWithProblems: 0,
    fixable: 0,
    fixed: 0,
    filesFixed: 0,
    failed: 0,
    skipped: { 'too-large': 0, binary: 0, minified: 0, unparsable: 0, other: 0 },
  };
  for (const o of report.outcomes) {
    if (o.status === 'checked') c.checked++;
    if (o.status === 'failed') c.failed++;
    if (o.skip) c.skipped[o.skip.kind]++;
    if (o.findings.length) c.filesWithProblems++;
    if (o.fixed) c.filesFixed++;
    c.fixed += o.fixed;
    for (const f of o.findings) {
      c.problems++;
      c.byLevel[f.level]++;
      if (f.fixes.some((x) => x.preferred && x.safe)) c.fixable++;
    }
  }
  return c;
}

/**
 * 2 when some file could not be checked (the result would be incomplete), 1 when a problem at
 * or above `maxSeverity` remains, else 0.
 */
export function exitCodeFor(report: Report, maxSeverity: Level): 0 | 1 | 2 {
  const counts = countReport(report);
  if (counts.failed) return 2;
  const limit = levelRank[maxSeverity];
  const found = report.outcomes.some((o) => o.findings.some((f) => levelRank[f.level] <= limit));
  return found ? 1 : 0;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
