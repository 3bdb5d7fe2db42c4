// Statement-level helpers for Go edits: the statement around a node, inserting a statement
// before another in its own indentation, removing one, and the scope a statement's effect reaches.
import { parentOf, upTo } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../../model';
import { FUNCTIONS } from './branches';

/** The statement (a child of a statement list) that contains `node`, within its function. */
export function statementOf(node: Node): Node | undefined {
  if (parentOf(node)?.type === 'statement_list') return node;
  // Remembered for every node the climb passes (ancestry.ts): one climb per nesting, not per call.
  return upTo('go.statement', parentOf(node), (n): Node | null | undefined => {
    if (parentOf(n)?.type === 'statement_list') return n;
    return FUNCTIONS.includes(n.type) ? null : undefined;
  }, null) ?? undefined;
}

/** Inserts `code` as a statement of its own right before `stmt`, indented like it. */
export function insertBefore(text: string, stmt: Node, code: string): OffsetEdit {
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const lead = text.slice(lineStart, stmt.startIndex);
  if (/^[ \t]*$/.test(lead)) return { start: stmt.startIndex, end: stmt.startIndex, newText: `${code}\n${lead}` };
  return { start: stmt.startIndex, end: stmt.startIndex, newText: `${code}; ` };
}

/** Removes a statement, with its line when it stands alone on its lines. */
export function removeStatement(text: string, stmt: Node): OffsetEdit {
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const lineEnd = text.indexOf('\n', stmt.endIndex);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, stmt.startIndex)) && /^[ \t]*$/.test(text.slice(stmt.endIndex, end));
  if (alone) return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, newText: '' };
  return { start: stmt.startIndex, end: stmt.endIndex, newText: '' };
}

/** The span of the statement list around `node` (where a statement's effect is seen later on). */
export function scopeOf(node: Node): { start: number; end: number } {
  const list = upTo('go.scope', parentOf(node), (n) => (n.type === 'statement_list' || n.type === 'source_file' ? n : undefined), undefined);
  return list ? { start: list.startIndex, end: list.endIndex } : { start: 0, end: Number.MAX_SAFE_INTEGER };
}
