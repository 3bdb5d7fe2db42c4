// --fix: the preferred fix of each finding, only when its rule marks it safe, applied in passes.
// Fixes that touch the same text as an earlier one wait for the next pass, which re-checks the
// file first, so a fix never lands on text that another fix has just changed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CliFinding } from './findings';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface ChosenFixes {
  edits: OffsetEdit[];
  /** How many findings these edits fix. */
  count: number;
}

/** The preferred safe fix of each finding, without overlaps (the earlier fix in the file wins). */
export function chooseFixes(findings: readonly CliFinding[], document: TextDocument): ChosenFixes {
  const candidates = findings
    .map((f) => f.fixes.find((x) => x.preferred && x.safe))
    .filter((fix) => fix !== undefined)
    .map((fix) => fix.edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText })))
    .sort((a, b) => Math.min(...a.map((e) => e.start)) - Math.min(...b.map((e) => e.start)));
  const chosen: OffsetEdit[] = [];
  let count = 0;
  for (const edits of candidates) {
    if (!internallyDisjoint(edits) || edits.some((e) => chosen.some((c) => overlaps(e, c)))) continue;
    chosen.push(...edits);
    count++;
  }
  return { edits: chosen, count };
}

/**
 * Two edits overlap when they share text, or insert at the same point (their order would be a
 * guess). Touching edits are independent.
 */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function internallyDisjoint(edits: readonly OffsetEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) for (let j = i + 1; j < edits.length; j++) if (overlaps(edits[i], edits[j])) return false;
  return true;
}

/** Applies non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** More passes than this means fixes keep producing new findings; stop rather than loop. */
export const MAX_FIX_PASSES = 10;
