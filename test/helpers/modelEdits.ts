// What the per-language model tests share: applying a response's edits to its text, and finding
// the response around a piece of that text.
import assert from 'node:assert/strict';
import type { DocumentModel, OffsetEdit, ResponseFacts } from '../../server/src/model';

/** The text with the edits applied (non-overlapping, applied from the end); fails when none was offered. */
export function applyEdits(text: string, edits: OffsetEdit[] | undefined): string {
  assert.ok(edits?.length, 'an edit was offered');
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The response whose span holds the first occurrence of `needle` in `text`. */
export function responseAround(model: DocumentModel, text: string, needle: string): ResponseFacts {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the text`);
  const r = model.responses.find((x) => x.span.start <= at && at < x.span.end);
  assert.ok(r, `a response around "${needle}"`);
  return r;
}
