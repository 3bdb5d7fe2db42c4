// The parameters of a function, and whether a response object reached it from a caller: a helper
// such as `function tooManyRequests(res) { ... }` runs after its caller has set what it wanted
// (a status, headers), so what the helper itself writes is not the whole response.
import type { Node } from '../../parsing/treeSitter';
import { field, kids, memo, parentOf, sourceOf, textOf, typeOf } from './nodes';

/** The names of a function's parameters (a destructured one gives ''). */
export function paramNames(fn: Node | undefined): string[] {
  const params = field(fn, 'parameters') ?? field(fn, 'parameter');
  if (!params) return [];
  if (typeOf(params) === 'identifier') return [textOf(params)];
  return kids(params).map((p) => (typeOf(p) === 'identifier' ? textOf(p) : textOf(field(p, 'pattern'))));
}

/**
 * True when `receiver` is a parameter of `fn` and `fn` is no request handler: not registered as a
 * route handler (`handlerStarts`), and taking no request.
 */
export function notAHandler(fn: Node | undefined, receiver: string, handlerStarts: ReadonlySet<number> | undefined): boolean {
  if (!fn || handlerStarts?.has(fn.startIndex)) return false;
  const params = paramNames(fn);
  return params.includes(receiver) && !params.some((p) => /^_?(req|request)$/.test(p));
}

/**
 * True when `fn` is a helper its own code calls with `receiver` (`function tooManyRequests(res)`,
 * `const deny = (ctx) => ...`): no handler, no middleware (a `next` parameter), not itself
 * handed to a library as a callback, and called by name somewhere in the file (a Koa or Hono
 * handler defined apart, `async function show(ctx)`, is only ever passed to `router.get`).
 */
export function handedIn(fn: Node | undefined, receiver: string, handlerStarts: ReadonlySet<number> | undefined): boolean {
  if (!fn || !notAHandler(fn, receiver, handlerStarts) || paramNames(fn).includes('next')) return false;
  if (typeOf(parentOf(fn)) === 'arguments') return false;
  return memo(fn, 'called', () => calledByName(fn));
}

/** The name a function is called by, and where that name is written in its definition. */
function nameOf(fn: Node): { name: string; at: number } | undefined {
  const own = field(fn, 'name');
  if (own) return { name: textOf(own), at: own.startIndex };
  const p = parentOf(fn);
  const type = typeOf(p);
  // const deny = (res) => ..., { deny: (res) => ... }, exports.deny = (res) => ...
  const target = type === 'variable_declarator' ? field(p, 'name') : type === 'pair' ? field(p, 'key') : type === 'assignment_expression' ? field(p, 'left') : null;
  const named = typeOf(target) === 'member_expression' ? field(target, 'property') : target;
  const t = typeOf(named);
  return named && (t === 'identifier' || t === 'property_identifier') ? { name: textOf(named), at: named.startIndex } : undefined;
}

/** True when the file calls the function by its name (`deny(res)`, `helpers.deny(res)`); unknown counts as called. */
function calledByName(fn: Node): boolean {
  const text = sourceOf(fn);
  const named = nameOf(fn);
  if (text === undefined || !named) return true;
  const re = new RegExp(`(?<![\\w$])${named.name.replace(/\$/g, '\\$')}\\s*(?:\\?\\.\\s*)?\\(`, 'g');
  for (const m of text.matchAll(re)) if (m.index !== named.at) return true;
  return false;
}
