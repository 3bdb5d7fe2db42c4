// The headers a Go response carries: set on the same writer or context earlier in the handler
// (net/http ignores headers set after WriteHeader), in each framework's own call, and whether
// other code may add more (a name that is not a literal, the writer handed to a helper).
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact } from '../../model';
import { enclosingFunction } from './branches';
import { argsOf, contextParamType } from './contexts';
import { anyWithin } from '../sorted';
import { reachesLater, type FlowSyntax } from '../reaches';

export type Framework = 'gin' | 'echo' | 'fiber';

/** A header set somewhere in the file: on which writer or context (its root name), and where. */
export interface HeaderSet {
  root: string;
  /** Undefined when the name is not a literal (a variable, a loop over a map). */
  header?: HeaderFact;
  at: number;
  /** The call that sets it: a set in an earlier `if` or `{ }` that falls through reaches later responses too. */
  node: Node;
  /** The statement list the set sits in: it reaches responses inside it, not those of other branches. */
  scope: { start: number; end: number };
}

const GO_FLOW: FlowSyntax = {
  blocks: new Set(['statement_list']),
  exits: new Set(['return_statement']),
  exitsBy: (s) => s.type === 'expression_statement' && /^(panic|os\.Exit|log\.(Fatal|Panic)\w*)\s*\(/.test(s.text),
  functions: new Set(['func_literal', 'function_declaration', 'method_declaration']),
};

/** The leftmost identifier of a selector / call chain: `c` in c.Response().Header(). */
export function rootName(node: Node | null | undefined): string | undefined {
  let n = node;
  for (let i = 0; n && i < 20; i++) {
    if (n.type === 'identifier') return n.text;
    n = n.type === 'call_expression' ? n.childForFieldName('function') : n.type === 'selector_expression' || n.type === 'index_expression' ? n.childForFieldName('operand') : null;
  }
  return undefined;
}

/** The framework a context variable belongs to: by its parameter type, else the only one imported. */
export function frameworkOf(node: Node, name: string, frameworks: Set<Framework>): Framework | undefined {
  const type = contextParamType(node, name);
  if (type) return type.includes('gin.') ? 'gin' : type.includes('echo.') ? 'echo' : 'fiber';
  return frameworks.size === 1 ? [...frameworks][0] : undefined;
}

/** The statement that sets header `name` on `recv` in the framework's own way. */
export function headerStatement(framework: Framework | 'net/http', recv: string, name: string, value: string): string {
  const args = `${JSON.stringify(name)}, ${JSON.stringify(value)}`;
  switch (framework) {
    case 'gin': return `${recv}.Header(${args})`;
    case 'echo': return `${recv}.Response().Header().Set(${args})`;
    case 'fiber': return `${recv}.Set(${args})`;
    default: return `${recv}.Header().Set(${args})`;
  }
}

const SAFE_WRITER_USES = /^((json|xml)\.NewEncoder|fmt\.Fprint\w*|io\.(WriteString|Copy)|http\.(Error|Redirect|NotFound)|errors\.\w+|log\.\w+)$/;
const HEADER_HELPERS = /[Hh]eader|[Cc]ors|CORS|[Cc]ache|[Ss]ecur|[Cc]ookie|[Aa]llow|[Ll]ocation|[Rr]etry/;

const byRoot = new WeakMap<HeaderSet[], { length: number; groups: Map<string, HeaderSet[]> }>();

/** The header sets on one writer or context, grouped once per extraction (the walk fills the list first). */
function setsOn(sets: HeaderSet[], root: string): HeaderSet[] {
  let index = byRoot.get(sets);
  if (!index || index.length !== sets.length) {
    index = { length: sets.length, groups: new Map() };
    for (const s of sets) {
      const g = index.groups.get(s.root);
      if (g) g.push(s);
      else index.groups.set(s.root, [s]);
    }
    byRoot.set(sets, index);
  }
  return index.groups.get(root) ?? [];
}

/** Kept on the call's node object (a WeakMap entry per call cost more). */
const HANDED = Symbol('handed');
type Handed = Node & { [HANDED]?: { callee: string; roots: Set<string> } };

/** The callee of a call and the writers or contexts it is handed (`w`, `c.Writer`), kept per call. */
function handedOver(call: Node): { callee: string; roots: Set<string> } {
  let out = (call as Handed)[HANDED];
  if (out) return out;
  const roots = new Set<string>();
  for (const a of argsOf(call)) {
    if (a.type !== 'identifier' && !/\.(Header|Writer|Response)\b/.test(a.text)) continue;
    const r = rootName(a);
    if (r) roots.add(r);
  }
  out = { callee: call.childForFieldName('function')?.text ?? '', roots };
  (call as Handed)[HANDED] = out;
  return out;
}

interface HandOvers {
  /** Starts of the calls that hand `root` to other code (not a known-safe use), in order. */
  any: number[];
  /** The same, for callees whose name says they deal with headers. */
  headerish: number[];
}

const handOverIndex = new WeakMap<Node[], Map<string, HandOvers>>();
const rangesOf = new WeakMap<Node[], { after: number[]; end: number[] }>();

/**
 * Where each call of a file's call list ends, and where its callee ends (its arguments follow),
 * as the visit read them: parallel to `calls`, filled as the visit adds to it.
 */
export function rememberCallRanges(calls: Node[], ranges: { after: number[]; end: number[] }): void {
  rangesOf.set(calls, ranges);
}

/**
 * Where a writer or context is handed to other code, over the whole file, once per name: asking
 * for each response about every call before it made a large handler quadratic (a 4,000-line
 * switch took seconds).
 */
function handOversOf(calls: Node[], root: string, text: string): HandOvers {
  let byRoot = handOverIndex.get(calls);
  if (!byRoot) handOverIndex.set(calls, (byRoot = new Map()));
  let h = byRoot.get(root);
  if (h) return h;
  h = { any: [], headerish: [] };
  const named = new RegExp(`(?<![\\w.])${root}\\b`);
  const ranges = rangesOf.get(calls);
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i];
    // Most calls do not mention the name at all: the text says so without asking the parser. It
    // is handed over only as (the root of) an argument: the text after the callee holds it.
    if (!named.test(ranges ? text.slice(ranges.after[i], ranges.end[i]) : text.slice(c.startIndex, c.endIndex))) continue;
    const { callee, roots } = handedOver(c);
    if (!roots.has(root) || SAFE_WRITER_USES.test(callee)) continue;
    h.any.push(c.startIndex);
    // A framework context is passed around as a context.Context; only header-ish helpers count.
    if (HEADER_HELPERS.test(callee)) h.headerish.push(c.startIndex);
  }
  byRoot.set(root, h);
  return h;
}

/**
 * Headers set on `root` in the function around `node` before `before`, and whether more may come
 * from elsewhere: a name that is not a literal, or the writer handed to other code first.
 */
export function headersBefore(node: Node, root: string | undefined, before: number, input: { headerSets: HeaderSet[]; calls: Node[]; text: string }, isWriter: boolean): { headers: HeaderFact[]; unknown: boolean } {
  const fn = enclosingFunction(node);
  const out = { headers: [] as HeaderFact[], unknown: false };
  if (!fn || !root) return { headers: [], unknown: true };
  for (const s of setsOn(input.headerSets, root)) {
    if (s.at < fn.startIndex || s.at >= before) continue;
    // In a statement list around the response, or in an earlier branch or block that falls through to it.
    if ((s.scope.start > before || before >= s.scope.end) && !reachesLater(s.node, node, GO_FLOW)) continue;
    if (s.header) out.headers.push(s.header);
    else out.unknown = true;
  }
  // Handed to other code before the response: the writer, or the context to a header-ish helper.
  const h = handOversOf(input.calls, root, input.text);
  if (anyWithin(isWriter ? h.any : h.headerish, fn.startIndex, before)) out.unknown = true;
  return out;
}
