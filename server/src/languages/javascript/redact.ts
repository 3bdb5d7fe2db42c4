// The fix for a leaking error body in JavaScript: send a generic message in the same shape (an
// object for JSON, a string for text), keep a request id the body already carries, and log
// the error on the server where the detail belongs.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../../model';
import { namedArgs, unquote } from '../syntax';
import { pathTo } from './nodes';

const REQUEST_ID = /^(request_?id|req_?id|trace_?id|correlation_?id|span_?id)$/i;
const STATEMENT_LISTS = new Set(['statement_block', 'program', 'switch_case', 'switch_default', 'class_static_block']);
const LOGS = /^(console|logger|log|req\.log|request\.log|ctx\.log|fastify\.log|app\.log|this\.logger)\.(error|warn|log|info|fatal|exception)$/;

/** The name of the error the body leaks: the caught variable, or the object of `x.stack`/`x.message`. */
function leakedName(body: Node, caught: string | undefined): string | undefined {
  if (caught) return caught;
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'member_expression' && /^(stack|message)$/.test(n.childForFieldName('property')?.text ?? '')) {
      const obj = n.childForFieldName('object');
      if (obj?.type === 'identifier') return obj.text;
    }
    // namedChildren, not namedChild(i): that one walks from the first child every time.
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return undefined;
}

/**
 * The statement that holds `node`, when that statement sits directly in a list of statements,
 * and that list. Climbs the path from the root (one search down), not `node.parent` at every
 * level (a search down from the root each time).
 */
function statementOf(node: Node): { stmt: Node; list: Node } | undefined {
  const path = pathTo(node);
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i];
    if (/function|arrow_function|method_definition/.test(n.type)) return undefined;
    if (/_statement$|^(lexical|variable)_declaration$/.test(n.type)) {
      const list = i > 0 ? path[i - 1] : n.parent;
      return list && STATEMENT_LISTS.has(list.type) ? { stmt: n, list } : undefined;
    }
  }
  return undefined;
}

/** True when the statement list around a statement already logs `name`. */
function alreadyLogged(list: Node, name: string): boolean {
  const re = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
  for (const s of namedArgs(list)) {
    const call = s.type === 'expression_statement' ? s.namedChild(0) : null;
    if (call?.type !== 'call_expression') continue;
    const callee = call.childForFieldName('function')?.text ?? '';
    if (LOGS.test(callee) && re.test(call.childForFieldName('arguments')?.text ?? '')) return true;
  }
  return false;
}

/**
 * Edits that replace `body` with `message` and log the leaked error before the response's
 * statement. `asObject` chooses `{ error: message }` (JSON) over a plain string.
 */
export function redactEdits(body: Node, carrier: Node, message: string, asObject: boolean, caught: string | undefined, q: (s: string) => string, text: string): OffsetEdit[] {
  let replacement: string;
  if (asObject || body.type === 'object') {
    const props = body.type === 'object' ? namedArgs(body) : [];
    const keyOf = (p: Node) => unquote((p.type === 'pair' ? p.childForFieldName('key')?.text : p.text) ?? '');
    const kept = props.filter((p) => REQUEST_ID.test(keyOf(p)));
    // Keep the key clients already read the message from.
    const key = ['error', 'message', 'detail', 'title'].find((k) => props.some((p) => keyOf(p) === k)) ?? 'error';
    replacement = `{ ${key}: ${q(message)}${kept.map((p) => `, ${p.text}`).join('')} }`;
  } else {
    replacement = q(message);
  }
  const edits: OffsetEdit[] = [];
  const name = leakedName(body, caught);
  const held = statementOf(carrier);
  const stmt = held?.stmt;
  if (name && held && stmt && !alreadyLogged(held.list, name)) {
    const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, stmt.startIndex))![0];
    // Only when the statement starts its own line; otherwise the log would land mid-line.
    if (indent.length === stmt.startIndex - lineStart) edits.push({ start: stmt.startIndex, end: stmt.startIndex, newText: `console.error(${name});\n${indent}` });
  }
  edits.push({ start: body.startIndex, end: body.endIndex, newText: replacement });
  return edits;
}
