// The status slot under the cursor while a PHP status is being typed: `abort(|`,
// `response()->json($d, |`, `new JsonResponse($d, Response::HTTP_|`, `->assertStatus(|`...
// The call is usually unfinished, so it is found by scanning the text just before the cursor
// (strings and comments skipped, brackets balanced); the tree gives the handler and branch.
import type { Node } from '../../parsing/treeSitter';
import type { StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { branchOf } from './branches';
import { specFor, type CallSpec } from './contexts';
import { methodRoute, routeRegistration } from './handlers';
import { FUNCTION_TYPES, lastSegment } from './syntax';
import { parentOf } from '../parents';

const WINDOW = 4000;

interface Open {
  ch: string;
  pos: number;
  commas: number[];
}

/** The innermost open bracket before `offset`, or undefined when the cursor is in a string or comment. */
function openBracket(text: string, from: number, offset: number): Open | undefined | null {
  const stack: Open[] = [];
  for (let i = from; i < offset; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < offset && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) return null;
      i = j;
    } else if ((ch === '/' && text[i + 1] === '/') || (ch === '#' && text[i + 1] !== '[')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= offset) return null;
      i = nl;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || end + 2 > offset) return null;
      i = end + 1;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      stack.push({ ch, pos: i, commas: [] });
    } else if (ch === ')' || ch === ']' || ch === '}') {
      stack.pop();
    } else if (ch === ',' && stack.length) {
      stack[stack.length - 1].commas.push(i);
    } else if (ch === ';' && !stack.some((s) => s.ch === '(')) {
      stack.length = 0;
    }
  }
  return stack[stack.length - 1];
}

/** The call before an open parenthesis, read from the text: `new X`, `$a->m`, `A::m`, `f`. */
function calleeBefore(before: string): { kind: 'function' | 'member' | 'scoped' | 'new'; name: string; object?: { text: string } } | undefined {
  let m = /new\s+(\\?[\w\\]+)\s*$/.exec(before);
  if (m) return { kind: 'new', name: lastSegment(m[1]) };
  m = /(\$?\w+(?:\(\s*\))?)\s*\??->\s*(\w+)\s*$/.exec(before);
  if (m) return { kind: 'member', name: m[2], object: { text: m[1] } };
  m = /([\\\w]+)::(\w+)\s*$/.exec(before);
  if (m) return { kind: 'scoped', name: m[2], object: { text: m[1] } };
  m = /(?:^|[^\w$>\\:])\\?(\w+)\s*$/.exec(before);
  if (m) return { kind: 'function', name: m[1] };
  return undefined;
}

export function slotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const { text, tree } = input;
  if (offset < 0 || offset > text.length) return undefined;
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, offset - WINDOW)) + 1);
  const open = openBracket(text, from, offset);
  if (open === null) return undefined;
  const partial = /(\\?[\w\\]*::\w*|\w*)$/.exec(text.slice(Math.max(from, offset - 200), offset))![0];
  const start = offset - partial.length;
  if (partial && !/^(\d+|\\?[A-Za-z][\w\\]*(::\w*)?)$/.test(partial)) return undefined;
  let slot: StatusSlot | undefined;

  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const cmp = /->(getStatusCode|status|getStatus)\(\)\s*(===|==|!==|!=)\s*$/.exec(text.slice(lineStart, start));
  if (cmp) slot = { span: { start, end: offset }, accepts: 'any', role: 'comparison', form: `${cmp[1]}() ${cmp[2]}` };

  if (!slot && open?.ch === '(') {
    const argStart = open.commas.length ? open.commas[open.commas.length - 1] + 1 : open.pos + 1;
    const arg = text.slice(argStart, start);
    const label = /^\s*(\w+)\s*:(?!:)\s*$/.exec(arg)?.[1];
    if (!label && arg.trim()) return undefined;
    const callee = calleeBefore(text.slice(Math.max(from, open.pos - 300), open.pos));
    const spec: CallSpec | undefined = callee ? specFor(callee) : undefined;
    if (spec && (label ? label === spec.status[1] : open.commas.length === spec.status[0])) {
      slot = { span: { start, end: offset }, accepts: 'any', role: spec.role, form: spec.form };
    }
  }
  if (!slot) return undefined;
  const node = tree?.rootNode.descendantForIndex(lastToken(text, offset)) ?? null;
  if (node) enclosing(node, slot);
  return slot;
}

/** The handler method and branch kind around the cursor, found by walking up. */
function enclosing(node: Node, slot: StatusSlot): void {
  for (let n: Node | null = node; n; n = parentOf(n)) {
    if (n.type === 'comment' || n.type === 'string' || n.type === 'encapsed_string') return;
    if (!FUNCTION_TYPES.has(n.type)) continue;
    if (n.type === 'method_declaration') slot.method = methodRoute(n)?.method;
    else {
      const arg = parentOf(n);
      const call = arg?.type === 'argument' ? parentOf(parentOf(arg)) : undefined;
      slot.method = call ? routeRegistration(call)?.methods[0] : undefined;
    }
    break;
  }
  slot.branch = branchOf(node)?.kind;
}

/** The offset of the last non-blank character before `offset`: the node the cursor follows. */
function lastToken(text: string, offset: number): number {
  let i = offset - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  return Math.max(0, i);
}
