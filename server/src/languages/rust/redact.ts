// The fix for a leaking error body in Rust: replace the raw message (e.to_string(),
// format!("..{e}")) with a generic one of the same type (a String), and log the error on the
// server with the logging the file already uses (tracing, log, or eprintln!).
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, Span } from '../../model';

export interface RedactInput {
  text: string;
  /** The expression that makes the response (tuple, builder chain...). */
  carrier: Node;
  /** The raw message expression in the body (a String). */
  raw: Span;
  /** The error variable, when known. */
  caught: string | undefined;
}

/** The logging statement the file's own style suggests. */
function logLine(text: string, name: string): string {
  if (/\btracing::|\buse\s+tracing\b/.test(text)) return `tracing::error!(error = %${name}, "request failed");`;
  if (/\blog::|\buse\s+log\b/.test(text)) return `log::error!("request failed: {}", ${name});`;
  return `eprintln!("request failed: {}", ${name});`;
}

/** Where a statement can go before the response: before its statement, or by wrapping an arm / closure value in a block. */
function logEdit(carrier: Node, line: string, text: string): OffsetEdit[] {
  let n = carrier;
  for (let i = 0; i < 12 && parentOf(n); i++) {
    const p = parentOf(n)!;
    if (p.type === 'block' || (p.type === 'expression_statement' && parentOf(p)?.type === 'block') || p.type === 'let_declaration') {
      const stmt = p.type === 'block' ? n : p;
      const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
      const lead = text.slice(lineStart, stmt.startIndex);
      return /^[ \t]*$/.test(lead) ? [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${line}\n${lead}` }] : [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${line} ` }];
    }
    if ((p.type === 'match_arm' && p.childForFieldName('value')?.startIndex === n.startIndex) || (p.type === 'closure_expression' && p.childForFieldName('body')?.startIndex === n.startIndex)) {
      return [
        { start: n.startIndex, end: n.startIndex, newText: `{ ${line} ` },
        { start: n.endIndex, end: n.endIndex, newText: ' }' },
      ];
    }
    if (!/^(call_expression|field_expression|arguments|return_expression|tuple_expression|parenthesized_expression|try_expression|await_expression)$/.test(p.type)) return [];
    n = p;
  }
  return [];
}

/** Edits that send `message` in place of the raw error message, logging the error first. */
export function redactEdits(input: RedactInput, message: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [{ start: input.raw.start, end: input.raw.end, newText: `${JSON.stringify(message)}.to_string()` }];
  const name = input.caught ?? /^([a-z_]\w*)\.to_string\(\)$/.exec(input.text.slice(input.raw.start, input.raw.end))?.[1];
  if (name) edits.unshift(...logEdit(input.carrier, logLine(input.text, name), input.text));
  return edits;
}
