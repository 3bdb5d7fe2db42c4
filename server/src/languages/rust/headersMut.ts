// Headers set on a finished response after it was built: axum's and actix-web's
// `let mut res = (StatusCode::CREATED, Json(x)).into_response();` followed by
// `res.headers_mut().insert(header::LOCATION, loc)`, directly, through an alias
// (`let h = res.headers_mut(); h.insert(..)`), or inside an `if let` (a conditional header counts
// as set, as in the other languages). A name that cannot be read, a header map handed elsewhere
// (`extend`, a helper given `&mut res` or the map) makes the response's headers unknown.
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { firstNodeFrom } from '../sorted';
import { namedArgs, spanOf } from '../syntax';
import { calleeName, calleeText, enclosingFn, receiverOf } from './contexts';

type HeaderSink = Pick<ResponseFacts, 'headers' | 'headersUnknown'>;

/** `header::LOCATION` -> location, "Retry-After" -> retry-after, HeaderName::from_static("x-id") -> x-id. */
export function headerNameOf(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'string_literal') return n.text.slice(1, -1).toLowerCase();
  if (n.type === 'scoped_identifier' || n.type === 'identifier') {
    const name = n.type === 'identifier' ? n.text : n.childForFieldName('name')?.text ?? '';
    return /^[A-Z][A-Z0-9_]*$/.test(name) ? name.toLowerCase().replace(/_/g, '-') : undefined;
  }
  if (n.type === 'call_expression' && /from_static$/.test(calleeText(n))) return headerNameOf(namedArgs(n.childForFieldName('arguments'))[0]);
  if (n.type === 'reference_expression') return headerNameOf(n.childForFieldName('value') ?? undefined);
  return undefined;
}

/** HeaderMap methods that add a header by name. */
const WRITES = new Set(['insert', 'append', 'try_insert', 'try_append']);
/** HeaderMap methods that add none (reads, removals, changes to a value already there). */
const KEEPS = new Set(['get', 'get_mut', 'get_all', 'contains_key', 'len', 'is_empty', 'iter', 'keys', 'values', 'remove', 'capacity', 'keys_len', 'drain', 'clear']);

/** The identifier a pattern binds (`x`, `mut x`), if it is a plain name. */
function patternName(pattern: Node | null | undefined): string | undefined {
  const id = pattern?.type === 'mut_pattern' ? pattern.namedChild(0) : pattern;
  return id?.type === 'identifier' ? id.text : undefined;
}

/** `let [mut] x = e;`: the name and the range after the statement to the end of its block. */
function letBinding(e: Node): { name: string; start: number; end: number } | undefined {
  const p = parentOf(e);
  if (p?.type !== 'let_declaration' || p.childForFieldName('value')?.startIndex !== e.startIndex) return undefined;
  const block = parentOf(p);
  const name = patternName(p.childForFieldName('pattern'));
  return name && block?.type === 'block' ? { name, start: p.endIndex, end: block.endIndex } : undefined;
}

/** A method call on a header map: a header by name, nothing, or headers we cannot name. */
function onHeaderMap(call: Node, out: HeaderSink): void {
  const method = calleeName(call);
  if (KEEPS.has(method)) return;
  const first = namedArgs(call.childForFieldName('arguments'))[0];
  const name = WRITES.has(method) ? headerNameOf(first) : undefined;
  if (name) out.headers.push({ name, span: spanOf(first) });
  else out.headersUnknown = true;
}

/** What the file offers the scans: its calls, its `x.headers_mut()` calls and its `&mut x`, each in source order. */
export interface HeaderScope {
  calls: Node[];
  headersMut: Node[];
  mutRefs: { at: number; name: string }[];
}

/** The scope of a file: `calls` (every call, in source order) filtered once, so a scan per response stays cheap. */
export function headerScope(text: string, calls: Node[]): HeaderScope {
  const mutRefs: { at: number; name: string }[] = [];
  if (text.includes('&mut')) for (const m of text.matchAll(/&\s*mut\s+([A-Za-z_]\w*)/g)) mutRefs.push({ at: m.index, name: m[1] });
  return { calls, headersMut: calls.filter((c) => calleeText(c) === '.headers_mut'), mutRefs };
}

/** `&mut name` in [start, end): the response is handed to code that may set headers. */
function handedOver(scope: HeaderScope, start: number, end: number, name: string): boolean {
  const refs = scope.mutRefs;
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].at < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < refs.length && refs[i].at < end; i++) if (refs[i].name === name) return true;
  return false;
}

/** What the calls in [start, end) do to the header map `name` (`let h = res.headers_mut()`): its methods, or handed to a call. */
function scanAlias(scope: HeaderScope, start: number, end: number, name: string, out: HeaderSink): void {
  const { calls } = scope;
  for (let k = firstNodeFrom(calls, start); k < calls.length && calls[k].startIndex < end && !out.headersUnknown; k++) {
    const call = calls[k];
    const recv = receiverOf(call);
    if (recv?.type === 'identifier' && recv.text === name) onHeaderMap(call, out);
    else if (namedArgs(call.childForFieldName('arguments')).some((a) => a.type === 'identifier' && a.text === name)) out.headersUnknown = true;
  }
}

/** What [start, end) does to the headers of the response named `name`: `name.headers_mut()...`, `&mut name`. */
function scan(scope: HeaderScope, start: number, end: number, name: string, out: HeaderSink): void {
  if (handedOver(scope, start, end, name)) {
    out.headersUnknown = true;
    return;
  }
  const { headersMut } = scope;
  for (let k = firstNodeFrom(headersMut, start); k < headersMut.length && headersMut[k].startIndex < end && !out.headersUnknown; k++) {
    const call = headersMut[k];
    const recv = receiverOf(call);
    if (recv?.type !== 'identifier' || recv.text !== name) continue;
    const p = parentOf(call);
    if (p?.type === 'field_expression' && parentOf(p)?.type === 'call_expression') onHeaderMap(parentOf(p)!, out);
    else {
      const alias = letBinding(call);
      if (alias) scanAlias(scope, alias.start, alias.end, alias.name, out);
      else out.headersUnknown = true;
    }
  }
}

/** Headers set later on the response `value` becomes (the value a `let` binds), into `out`. */
export function headersSetLater(value: Node, scope: HeaderScope, out: HeaderSink): void {
  const bound = letBinding(value);
  if (bound) scan(scope, bound.start, bound.end, bound.name, out);
}

/** `*res.status_mut() = code`: the headers the function sets on `res` anywhere, into `out`. */
export function headersOfStatusMut(assignment: Node, scope: HeaderScope, out: HeaderSink): void {
  let left = assignment.childForFieldName('left');
  if (left?.type === 'unary_expression') left = left.namedChild(0);
  const recv = left?.type === 'call_expression' ? receiverOf(left) : undefined;
  const body = enclosingFn(assignment)?.childForFieldName('body');
  if (recv?.type === 'identifier' && body) scan(scope, body.startIndex, body.endIndex, recv.text, out);
}
