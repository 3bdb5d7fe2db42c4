// Text edits on PHP calls and statements: add an argument, an array element, a statement
// before or after the one holding a node, and the status argument of a call that lacks one.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit } from '../../model';
import type { CallSpec } from './contexts';
import { argName, argumentNodes, arrayPairs, callParts, lineIndent } from './syntax';
import { parentOf } from '../parents';

/** Inserts the status argument of a call that writes none (`response()->json($d)` -> `..., 409)`). */
export function insertStatus(statusLiteral: (code: number) => string, carrier: Node, spec: CallSpec, code: number): OffsetEdit[] | undefined {
  const args = argumentNodes(carrier);
  const literal = statusLiteral(code);
  if (args.some((a) => argName(a))) return appendArgs(carrier, `${spec.status[1]}: ${literal}`);
  if (args.length === spec.status[0]) return appendArgs(carrier, literal);
  // redirect()->route('home') -> redirect()->route('home', [], 303)
  if (args.length === spec.status[0] - 1 && spec.status[0] === 2 && spec.helper) return appendArgs(carrier, `[], ${literal}`);
  return undefined;
}

/** Adds `, text` after a call's last argument, or `text` into empty parentheses. */
export function appendArgs(call: Node, text: string): OffsetEdit[] | undefined {
  const parts = callParts(call);
  const list = parts?.args;
  if (!list) return undefined;
  const args = argumentNodes(parts);
  if (!args.length) {
    const close = list.text.lastIndexOf(')');
    return close < 0 ? undefined : [{ start: list.startIndex + close, end: list.startIndex + close, newText: text }];
  }
  const last = args[args.length - 1];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${text}` }];
}

export function addElement(array: Node, text: string): OffsetEdit[] {
  const items = arrayPairs(array);
  if (!items.length) {
    const open = array.text.startsWith('array(') ? 'array(' : '[';
    const close = open === '[' ? ']' : ')';
    return [{ start: array.startIndex, end: array.endIndex, newText: `${open}${text}${close}` }];
  }
  const last = items[items.length - 1].element;
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${text}` }];
}

/** Puts a statement on its own line before (or after) the statement holding `node`. */
export function statementInsert(text: string, node: Node, code: string, after: boolean): OffsetEdit[] | undefined {
  let stmt: Node | null = node;
  while (stmt && stmt.type !== 'expression_statement' && stmt.type !== 'return_statement') {
    if (stmt.type === 'compound_statement' || stmt.type === 'arrow_function') return undefined;
    stmt = parentOf(stmt);
  }
  if (!stmt || !/^(compound_statement|program|colon_block)$/.test(parentOf(stmt)?.type ?? '')) return undefined;
  const indent = lineIndent(text, stmt.startIndex);
  if (after) return [{ start: stmt.endIndex, end: stmt.endIndex, newText: `\n${indent}${code}` }];
  return [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${code}\n${indent}` }];
}

/** The value echoed by the statements after `node`'s statement, up to an exit or return. */
export function echoAfter(node: Node): Node | undefined {
  let stmt: Node | null = node;
  while (stmt && stmt.type !== 'expression_statement') stmt = parentOf(stmt);
  const block = parentOf(stmt);
  if (!stmt || !block) return undefined;
  // Siblings by index: next-sibling lookups would each descend from the root.
  let k = 0;
  while (k < block.namedChildCount && block.namedChild(k)?.id !== stmt.id) k++;
  for (let i = k + 1; i < block.namedChildCount && i <= k + 10; i++) {
    const s = block.namedChild(i);
    if (!s) break;
    if (s.type === 'return_statement' || /^(exit|die)\b/.test(s.text)) return undefined;
    if (s.type === 'echo_statement' || (s.type === 'expression_statement' && /^print\b/.test(s.text))) {
      let v = s.firstNamedChild ?? undefined;
      if (v?.type === 'print_intrinsic') v = v.firstNamedChild ?? undefined;
      const parts = v && callParts(v);
      return parts?.kind === 'function' && parts.name === 'json_encode' ? argumentNodes(parts)[0]?.lastNamedChild ?? undefined : v;
    }
  }
  return undefined;
}
