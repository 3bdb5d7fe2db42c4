// Whether a C# response may carry headers the adapter cannot see: the response (or the context
// that holds it) is handed to other code (`RateLimitHeaders.Apply(Response, wait)`,
// `await _challenge.WriteAsync(context)`), reached through an alias (`var response =
// context.Response;`), extended by a call the adapter does not know (`Response.AddPaging(...)`),
// or is built in a class that reaches its response in ways the adapter does not follow (filters,
// services). Missing-header rules stay quiet then: a false alarm is worse than a missed one.
import type { Node } from '../../parsing/treeSitter';
import { enclosingClass, enclosingFunction } from './nodes';
import { nodesStartingIn } from '../sorted';

/** Calls on a response or its headers that write a body, read state, or write a header the adapter reads. */
const KNOWN_CALLS = /^(WriteAsync|WriteAsJsonAsync|WriteLineAsync|CompleteAsync|StartAsync|Redirect|ContainsKey|TryGetValue|GetTypedHeaders|Append|Add|TryAdd|Set|Remove|AppendCommaSeparatedValues|TryAddWithoutValidation|Clear)$/;

/** The spellings of a controller's response: `HttpContext.Response`, `this.Response`. */
export function canonicalResponse(receiver: string): string {
  const r = receiver.replace(/^this\./, '');
  return /^(ControllerContext\.)?HttpContext\.Response$/.test(r) ? 'Response' : r;
}

/** The expressions through which code reaches `target`'s headers: itself, and what holds it. */
function rootsOf(target: string): string[] {
  if (target === 'Response') return ['Response', 'HttpContext', 'HttpContext.Response', 'this.Response', 'this.HttpContext'];
  const holder = /^(.+)\.Response$/.exec(target);
  return holder ? [target, holder[1]] : [target];
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

/**
 * True when headers of the response at `node` (reached as `target`, or not reachable as far as the
 * adapter knows when undefined) may be set out of sight. Calls count before `node` in a block
 * that also holds it, and up to `afterEnd` after it.
 */
export function headersOutOfSight(text: string, calls: Node[], target: string | undefined, node: Node, afterEnd?: number): boolean {
  // Outside controllers and handlers taking HttpContext, the adapter does not know how a class reaches its response.
  if (!target) return !!enclosingClass(node);
  const fn = enclosingFunction(node);
  if (!fn) return false;
  const roots = rootsOf(target);
  const before = text.slice(fn.startIndex, node.startIndex);
  if (roots.some((r) => before.includes(r) && pattern('assigned', r).test(before))) return true;
  const inRange = nodesStartingIn(calls, fn.startIndex, Math.max(afterEnd ?? 0, node.startIndex));
  // Backwards from the node: a call inside a block that closed before the node is on another path.
  let depth = 0;
  let pos = node.startIndex;
  for (let i = inRange.length - 1; i >= 0; i--) {
    const c = inRange[i];
    const start = c.startIndex;
    if (start >= node.startIndex) {
      if (start < node.endIndex) continue;
    } else {
      for (; pos > start; pos--) {
        const ch = text[pos - 1];
        if (ch === '}') depth++;
        else if (ch === '{' && depth > 0) depth--;
      }
      if (depth > 0) continue;
    }
    const end = c.endIndex;
    // A call around the node (`Task.Run(() => { ... })`) is not one made before it.
    if (start < node.startIndex && end > node.startIndex) continue;
    const call = text.slice(start, end);
    if (passes(call, roots) || unknownCallOn(call, target)) return true;
  }
  return false;
}
