// Headers on a Python response: the `headers=` argument (a dict, a list of pairs, or a name
// bound to one), and statements that set them on a bound response (`resp["Location"] = url`,
// `resp.headers["Retry-After"] = "30"`, `resp.headers.update({...})`); and the edits that add one.
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact, OffsetEdit } from '../../model';
import { spanOf } from '../syntax';
import { callArgs, calleeOf, lineIndent, pyString, stringValue } from './nodes';

/** A header set by a statement on a name, inside a function (fnStart -1: module level). */
export interface HeaderSet {
  fnStart: number;
  name: string;
  header: HeaderFact;
}

/** A name bound to a value in a function: `resp = make_response(...)`, `headers = {...}`. */
export interface Binding {
  fnStart: number;
  name: string;
  value: Node;
  statement: Node;
}

export interface HeaderScope {
  sets: HeaderSet[];
  bindings: Binding[];
}

/** Headers set on `name` by the statement `node` (an assignment or a call), if it sets any. */
export function headerSetsOf(node: Node): { name: string; headers: HeaderFact[] } | undefined {
  if (node.type === 'assignment') {
    const left = node.childForFieldName('left');
    if (left?.type !== 'subscript') return undefined;
    const target = left.childForFieldName('value');
    const key = stringValue(left.childForFieldName('subscript'));
    if (!target || !key) return undefined;
    // resp["Location"] = ... (Django) or resp.headers["Location"] = ... (everyone else)
    if (target.type === 'identifier') return { name: target.text, headers: [{ name: key.toLowerCase(), span: spanOf(left) }] };
    if (target.type === 'attribute' && target.childForFieldName('attribute')?.text === 'headers') {
      const obj = target.childForFieldName('object');
      if (obj?.type === 'identifier') return { name: obj.text, headers: [{ name: key.toLowerCase(), span: spanOf(left) }] };
    }
    return undefined;
  }
  if (node.type !== 'call') return undefined;
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'attribute') return undefined;
  const method = fn.childForFieldName('attribute')?.text ?? '';
  const obj = fn.childForFieldName('object');
  const args = callArgs(node);
  if (obj?.type === 'identifier' && (method === 'setdefault' || method === 'set_cookie')) {
    const header = method === 'set_cookie' ? 'set-cookie' : stringValue(args.positional[0])?.toLowerCase();
    return header ? { name: obj.text, headers: [{ name: header, span: spanOf(node) }] } : undefined;
  }
  if (obj?.type === 'attribute' && obj.childForFieldName('attribute')?.text === 'headers') {
    const owner = obj.childForFieldName('object');
    if (owner?.type !== 'identifier') return undefined;
    if (method === 'update') return { name: owner.text, headers: dictKeys(args.positional[0]) };
    if (/^(add|set|setdefault|add_header|extend|append)$/.test(method)) {
      const header = stringValue(args.positional[0]);
      return header ? { name: owner.text, headers: [{ name: header.toLowerCase(), span: spanOf(node) }] } : undefined;
    }
  }
  return undefined;
}

/** The string keys of a dict literal, lower-cased. */
export function dictKeys(dict: Node | undefined): HeaderFact[] {
  if (dict?.type !== 'dictionary') return [];
  const out: HeaderFact[] = [];
  for (const p of dict.namedChildren) {
    const key = p?.type === 'pair' ? p.childForFieldName('key') : undefined;
    const name = stringValue(key);
    if (key && name) out.push({ name: name.toLowerCase(), span: spanOf(key) });
  }
  return out;
}

/** Headers from a `headers` expression: a dict, a list of (name, value) pairs, or a bound name. */
export function headersFrom(expr: Node | undefined, fnStart: number, scope: HeaderScope, before: number): HeaderFact[] {
  if (!expr) return [];
  if (expr.type === 'dictionary') return dictKeys(expr);
  if (expr.type === 'list' || expr.type === 'tuple') {
    const out: HeaderFact[] = [];
    for (const item of expr.namedChildren) {
      const first = item?.type === 'tuple' ? item.namedChild(0) : undefined;
      const name = stringValue(first);
      if (first && name) out.push({ name: name.toLowerCase(), span: spanOf(first) });
    }
    return out;
  }
  if (expr.type === 'identifier') {
    const out: HeaderFact[] = [];
    const bound = latestBinding(scope, fnStart, expr.text, before);
    if (bound) out.push(...headersFrom(bound.value, fnStart, scope, bound.statement.startIndex));
    out.push(...headersOnName(scope, fnStart, expr.text));
    return out;
  }
  return [];
}

interface ScopeIndex {
  sets: Map<string, HeaderFact[]>;
  bindings: Map<string, Binding[]>;
  byValue: Map<number, Binding>;
}

const indexes = new WeakMap<HeaderScope, ScopeIndex>();

/** Lookups by function and name, built once per extraction: responses ask many times. */
function indexOf(scope: HeaderScope): ScopeIndex {
  let index = indexes.get(scope);
  if (index) return index;
  index = { sets: new Map(), bindings: new Map(), byValue: new Map() };
  for (const s of scope.sets) {
    const key = `${s.fnStart}:${s.name}`;
    const list = index.sets.get(key);
    if (list) list.push(s.header);
    else index.sets.set(key, [s.header]);
  }
  for (const b of scope.bindings) {
    const key = `${b.fnStart}:${b.name}`;
    const list = index.bindings.get(key);
    if (list) list.push(b);
    else index.bindings.set(key, [b]);
    index.byValue.set(b.value.startIndex, b);
  }
  indexes.set(scope, index);
  return index;
}

/** Headers set by statements on `name` anywhere in the same function. */
export function headersOnName(scope: HeaderScope, fnStart: number, name: string): HeaderFact[] {
  return indexOf(scope).sets.get(`${fnStart}:${name}`) ?? [];
}

/** The last binding of `name` in the function before `before`. */
export function latestBinding(scope: HeaderScope, fnStart: number, name: string, before: number): Binding | undefined {
  let best: Binding | undefined;
  for (const b of indexOf(scope).bindings.get(`${fnStart}:${name}`) ?? []) if (b.statement.startIndex < before) best = b;
  return best;
}

/** The binding whose value is exactly `call` (`resp = HttpResponse(...)`). */
export function bindingOf(scope: HeaderScope, call: Node): Binding | undefined {
  const b = indexOf(scope).byValue.get(call.startIndex);
  return b && b.value.endIndex === call.endIndex ? b : undefined;
}

/** Adds `"name": "value"` to a dict literal. */
export function addToDict(dict: Node, name: string, value: string, quote: string): OffsetEdit[] {
  const pairs = dict.namedChildren.filter((p): p is Node => !!p && p.type !== 'comment');
  const entry = `${pyString(name, quote)}: ${pyString(value, quote)}`;
  if (!pairs.length) return [{ start: dict.startIndex, end: dict.endIndex, newText: `{${entry}}` }];
  const last = pairs[pairs.length - 1];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${entry}` }];
}

/** Adds a header to a `headers` expression written as a literal; undefined for anything else. */
export function addToHeaders(expr: Node, name: string, value: string, quote: string): OffsetEdit[] | undefined {
  if (expr.type === 'dictionary') return addToDict(expr, name, value, quote);
  if (expr.type === 'list') {
    const items = expr.namedChildren.filter((p): p is Node => !!p && p.type !== 'comment');
    const entry = `(${pyString(name, quote)}, ${pyString(value, quote)})`;
    if (!items.length) return [{ start: expr.startIndex, end: expr.endIndex, newText: `[${entry}]` }];
    return [{ start: items[items.length - 1].endIndex, end: items[items.length - 1].endIndex, newText: `, ${entry}` }];
  }
  return undefined;
}

/** Appends an argument (`headers={...}`, `status=409`) to a call. */
export function appendArgument(call: Node, argText: string): OffsetEdit[] | undefined {
  const args = callArgs(call);
  if (!args.list) return undefined;
  const last = args.all[args.all.length - 1];
  if (!last) return [{ start: args.list.startIndex + 1, end: args.list.startIndex + 1, newText: argText }];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${argText}` }];
}

/** Inserts a statement on its own line after `statement`, when that statement starts its line. */
export function statementAfter(text: string, statement: Node, code: string): OffsetEdit[] | undefined {
  const indent = lineIndent(text, statement.startIndex);
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  if (lineStart + indent.length !== statement.startIndex) return undefined;
  return [{ start: statement.endIndex, end: statement.endIndex, newText: `\n${indent}${code}` }];
}

/** Removes one argument of a call with its separating comma. */
export function removeArgument(call: Node, arg: Node): OffsetEdit[] {
  const all = callArgs(call).all;
  const i = all.findIndex((a) => a.startIndex === arg.startIndex);
  if (i >= 0 && i + 1 < all.length) return [{ start: arg.startIndex, end: all[i + 1].startIndex, newText: '' }];
  if (i > 0) return [{ start: all[i - 1].endIndex, end: arg.endIndex, newText: '' }];
  return [{ start: arg.startIndex, end: arg.endIndex, newText: '' }];
}

/** `self.get_success_headers(...)`: DRF's helper that puts Location on a 201. */
export function isSuccessHeaders(expr: Node | undefined, fnStart: number, scope: HeaderScope): boolean {
  if (!expr) return false;
  if (expr.type === 'call') return calleeOf(expr).name === 'get_success_headers';
  if (expr.type === 'identifier') {
    const b = latestBinding(scope, fnStart, expr.text, expr.startIndex);
    return !!b && b.value.type === 'call' && calleeOf(b.value).name === 'get_success_headers';
  }
  return false;
}
