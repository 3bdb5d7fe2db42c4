// The fix for a leaking error body in PHP: send a generic message in the same shape (an array
// for JSON, a string for text), keep a request id the body already carries, and log the
// exception on the server: `report($e)` in Laravel, `error_log()` elsewhere.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../../model';
import { namedArgs } from '../syntax';
import { arrayPairs, callParts, lineIndent, stringValue } from './syntax';
import { parentOf } from '../parents';

const REQUEST_ID = /^(request_?id|req_?id|trace_?id|correlation_?id|span_?id)$/i;
const LOGS = /^(report|error_log|logger|Log::\w+|\$this->logger->\w+|\$logger->\w+)$/;

/** The exception the body leaks: the caught variable, or the object of `$x->getMessage()` / `->getTrace*()`. */
function leakedName(body: Node, caught: string | undefined): string | undefined {
  if (caught) return caught;
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'member_call_expression' && /^(getMessage|getTrace|getTraceAsString)$/.test(n.childForFieldName('name')?.text ?? '')) {
      const obj = n.childForFieldName('object');
      if (obj?.type === 'variable_name') return obj.text;
    }
    for (let i = 0; i < n.namedChildCount; i++) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
  return undefined;
}

function statementOf(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = parentOf(n)) {
    if (n.type === 'expression_statement' || n.type === 'return_statement') return /^(compound_statement|program|colon_block)$/.test(parentOf(n)?.type ?? '') ? n : undefined;
    if (n.type === 'compound_statement' || n.type === 'arrow_function') return undefined;
  }
  return undefined;
}

function alreadyLogged(stmt: Node, name: string): boolean {
  for (const s of namedArgs(parentOf(stmt))) {
    const call = s.type === 'expression_statement' ? s.firstNamedChild : null;
    const parts = call ? callParts(call) : undefined;
    if (!call || !parts) continue;
    const callee = parts.kind === 'function' ? parts.name : `${parts.object?.text}${parts.kind === 'scoped' ? '::' : '->'}${parts.name}`;
    if (LOGS.test(callee) && (call.childForFieldName('arguments')?.text ?? '').includes(name)) return true;
  }
  return false;
}

/**
 * Edits that replace `body` with `message` and log the leaked exception before the response's
 * statement. `asArray`: the body is JSON data, so the message goes in an array.
 */
export function redactEdits(text: string, body: Node, carrier: Node, message: string, caught: string | undefined, q: (s: string) => string, asArray: boolean, laravel: boolean): OffsetEdit[] {
  let replacement: string;
  if (body.type === 'array_creation_expression' || asArray) {
    const pairs = arrayPairs(body).filter((p) => p.key);
    const kept = pairs.filter((p) => REQUEST_ID.test(stringValue(p.key) ?? ''));
    const key = ['error', 'message', 'detail', 'title'].find((k) => pairs.some((p) => stringValue(p.key) === k)) ?? 'error';
    replacement = `[${q(key)} => ${q(message)}${kept.map((p) => `, ${p.element.text}`).join('')}]`;
  } else {
    replacement = q(message);
  }
  const edits: OffsetEdit[] = [];
  const name = leakedName(body, caught);
  const stmt = statementOf(carrier);
  if (name && stmt && !alreadyLogged(stmt, name)) {
    const indent = lineIndent(text, stmt.startIndex);
    const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
    // Only when the statement starts its own line; otherwise the log would land mid-line.
    if (indent.length === stmt.startIndex - lineStart) {
      edits.push({ start: stmt.startIndex, end: stmt.startIndex, newText: `${laravel ? `report(${name});` : `error_log((string) ${name});`}\n${indent}` });
    }
  }
  edits.push({ start: body.startIndex, end: body.endIndex, newText: replacement });
  return edits;
}
