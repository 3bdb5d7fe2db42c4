// Whether a C# response may carry headers the adapter cannot see: the response (or the context
// that holds it) is handed to other code (`RateLimitHeaders.Apply(Response, wait)`,
// `await _challenge.WriteAsync(context)`), reached through an alias (`var response =
// context.Response;`), extended by a call the adapter does not know (`Response.AddPaging(...)`),
// or is built in a class that reaches its response in ways the adapter does not follow (filters,
// services). Missing-header rules stay quiet then: a false alarm is worse than a missed one.
import type { Node } from '../../parsing/treeSitter';
import { enclosingClass, enclosingFunction } from './nodes';
import { remembered } from '../ancestry';
import { firstAtLeast, nodesStartingIn } from '../sorted';

/** Calls on a response or its headers that write a body, read state, or write a header the adapter reads. */
const KNOWN_CALLS = /^(WriteAsync|WriteAsJsonAsync|WriteLineAsync|CompleteAsync|StartAsync|Redirect|ContainsKey|TryGetValue|GetTypedHeaders|Append|Add|TryAdd|Set|Remove|AppendCommaSeparatedValues|TryAddWithoutValidation|Clear)$/;

/** The spellings of a controller's response: `HttpContext.Response`, `this.Response`. */
export function canonicalResponse(receiver: string): string {
  const r = receiver.replace(/^this\./, '');
  return /^(ControllerContext\.)?HttpContext\.Response$/.test(r) ? 'Response' : r;
}

/** The expressions through which code reaches `target`'s headers: itself, and what holds it (`context.HttpContext`, `context`). */
function rootsOf(target: string): string[] {
  if (target === 'Response') return ['Response', 'HttpContext', 'HttpContext.Response', 'this.Response', 'this.HttpContext'];
  const out = [target];
  for (let holder = /^(.+)\.\w+$/.exec(target); holder; holder = /^(.+)\.\w+$/.exec(holder[1])) out.push(holder[1]);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The patterns per receiver name, made once: a response asks about every call before it in its
// function, so building them per call was most of the extraction of a handler with many responses.
const patterns = { passes: new Map<string, RegExp>(), callOn: new Map<string, RegExp>(), assigned: new Map<string, RegExp>() };
function pattern(kind: 'passes' | 'callOn' | 'assigned', name: string): RegExp {
  const made = patterns[kind];
  let re = made.get(name);
  if (!re) {
    if (made.size > 1000) made.clear();
    const n = escape(name);
    const source = kind === 'passes' ? `[(,]\\s*(ref\\s+)?${n}(\\.Headers)?\\s*[,)]` : kind === 'callOn' ? `^${n}(\\.Headers)?\\.(\\w+)\\s*[(<]` : `=\\s*${n}(\\.Headers)?\\s*;`;
    made.set(name, (re = new RegExp(source)));
  }
  return re;
}

/** `Apply(Response, x)`, `WriteAsync(context)`: one of `roots` (or its Headers) as an argument. */
function passes(call: string, roots: string[]): boolean {
  return roots.some((r) => call.includes(r) && pattern('passes', r).test(call));
}

/** `Response.AddPaging(...)`, `Response.Headers.AddRetryAfter(...)`: a call on the response the adapter does not know. */
function unknownCallOn(call: string, target: string): boolean {
  const m = pattern('callOn', target).exec(call);
  return !!m && !KNOWN_CALLS.test(m[2]);
}

/** The `{ }` blocks of one function's text, read with a stack (see `blocksOf`). */
interface Blocks {
  /** Offsets of the blocks' `{`, ascending. */
  opens: number[];
  /** By `{` offset: where the block closes, and the `{` of the block around it (-1: none). */
  close: Map<number, number>;
  parent: Map<number, number>;
}

/** What one function shows about one response target (see `factsOf`). */
interface FunctionFacts {
  /** End of the first `x = <target>;`-like alias of one of the roots, or Infinity. */
  aliasEnd: number;
  blocks: Blocks;
  /** Calls that hand the response over or call what the adapter does not know, by the `{` of their innermost block (-1: none), in source order. */
  byBlock: Map<number, { start: number; end: number }[]>;
  /** The same calls' starts, ascending (for those after a response). */
  starts: number[];
}

/** Per extract (the `calls` array is made once per extract): what each function shows. */
const factsByExtract = new WeakMap<Node[], Map<string, FunctionFacts | Blocks>>();

function cached<T extends FunctionFacts | Blocks>(calls: Node[], key: string, make: () => T): T {
  let byKey = factsByExtract.get(calls);
  if (!byKey) factsByExtract.set(calls, (byKey = new Map()));
  let value = byKey.get(key) as T | undefined;
  if (!value) byKey.set(key, (value = make()));
  return value;
}

/**
 * The blocks of [from, to) with one pass and a stack. Braces in strings and comments count too,
 * as they always have here: a rough reading of the text, never of the tree.
 */
function blocksOf(text: string, from: number, to: number): Blocks {
  const blocks: Blocks = { opens: [], close: new Map(), parent: new Map() };
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 123 /* { */) {
      blocks.opens.push(i);
      blocks.parent.set(i, stack.length ? stack[stack.length - 1] : -1);
      stack.push(i);
    } else if (ch === 125 /* } */ && stack.length) {
      blocks.close.set(stack.pop()!, i);
    }
  }
  return blocks;
}

/** The `{` of the innermost block open at `at` (-1: none). */
function innermostAt(blocks: Blocks, at: number): number {
  const lo = firstAtLeast(blocks.opens, at);
  // The last block opened before `at`, or the blocks around it: the first of them still open at `at`.
  let o = lo > 0 ? blocks.opens[lo - 1] : -1;
  while (o >= 0 && (blocks.close.get(o) ?? Infinity) < at) o = blocks.parent.get(o)!;
  return o;
}

function factsOf(text: string, calls: Node[], fn: Node, target: string): FunctionFacts {
  return cached(calls, `${fn.id}:${target}`, () => {
    const roots = rootsOf(target);
    const body = text.slice(fn.startIndex, fn.endIndex);
    let aliasEnd = Infinity;
    for (const r of roots) {
      if (!body.includes(r)) continue;
      const m = pattern('assigned', r).exec(body);
      if (m) aliasEnd = Math.min(aliasEnd, fn.startIndex + m.index + m[0].length);
    }
    const blocks = cached(calls, `${fn.id}`, () => blocksOf(text, fn.startIndex, fn.endIndex));
    const byBlock = new Map<number, { start: number; end: number }[]>();
    const starts: number[] = [];
    for (const c of nodesStartingIn(calls, fn.startIndex, fn.endIndex)) {
      const call = text.slice(c.startIndex, c.endIndex);
      if (!passes(call, roots) && !unknownCallOn(call, target)) continue;
      const block = innermostAt(blocks, c.startIndex);
      let list = byBlock.get(block);
      if (!list) byBlock.set(block, (list = []));
      list.push({ start: c.startIndex, end: c.endIndex });
      starts.push(c.startIndex);
    }
    return { aliasEnd, blocks, byBlock, starts };
  });
}

/**
 * True when headers of the response at `node` (reached as `target`, or not reachable as far as the
 * adapter knows when undefined) may be set out of sight. Calls count before `node` in a block
 * that also holds it, and up to `afterEnd` after it. What a function shows is read once per
 * target, and a response looks only at the calls of the blocks around it: a function with many
 * responses costs its calls once, not once per response.
 */
export function headersOutOfSight(text: string, calls: Node[], target: string | undefined, node: Node, afterEnd?: number): boolean {
  // Outside controllers and handlers taking HttpContext, the adapter does not know how a class reaches its response.
  if (!target) return !!enclosingClass(node);
  const fn = enclosingFunction(node);
  if (!fn) return false;
  const facts = factsOf(text, calls, fn, target);
  const at = node.startIndex;
  if (facts.aliasEnd <= at) return true;
  // After the node, up to `afterEnd`, and not inside it.
  const after = firstAtLeast(facts.starts, node.endIndex);
  if (after < facts.starts.length && facts.starts[after] < Math.max(afterEnd ?? 0, at)) return true;
  // Before the node, in a block that also holds it (one that closed before it is another path).
  for (let block = innermostAt(facts.blocks, at); ; block = facts.blocks.parent.get(block)!) {
    for (const c of facts.byBlock.get(block) ?? []) {
      if (c.start >= at) break;
      // A call around the node (`Task.Run(() => { ... })`) is not one made before it.
      if (c.end <= at) return true;
    }
    if (block < 0) return false;
  }
}

/**
 * True when the response at `node`, which reaches no HttpContext itself, is made by an endpoint
 * that answers on its own: a method registered as a minimal API handler (`app.MapGet("/x",
 * Handle)`, in `handlerFns`) or a method of an endpoint class (`OrdersEndpoint`, `: IEndpoint`),
 * in a class that never touches an HttpContext. What such a method returns is the whole response;
 * a service class's result, which its caller may add headers to, is not one of them.
 */
export function answersOnItsOwn(node: Node, handlerFns: ReadonlySet<number> | undefined): boolean {
  const fn = enclosingFunction(node);
  if (fn?.type !== 'method_declaration') return false;
  const cls = enclosingClass(node);
  if (!cls || remembered('cs.touchesContext', cls, (c) => /HttpContext|HttpResponse|HttpRequest/.test(c.text))) return false;
  if (handlerFns?.has(fn.id)) return true;
  return remembered('cs.endpointClass', cls, endpointClass);
}

function endpointClass(cls: Node): boolean {
  if (/Endpoints?$/.test(cls.childForFieldName('name')?.text ?? '')) return true;
  for (let i = 0; i < cls.namedChildCount; i++) {
    const c = cls.namedChild(i);
    if (c?.type === 'base_list') return /\bIEndpoint\b/.test(c.text);
  }
  return false;
}
