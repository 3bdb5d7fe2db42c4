// The parameters of a function, and whether a response object reached it from a caller: a helper
// such as `function tooManyRequests(res) { ... }` runs after its caller has set what it wanted
// (a status, headers), so what the helper itself writes is not the whole response.
import type { Node } from '../../parsing/treeSitter';
import { field, kids, parentOf, textOf, typeOf } from './nodes';

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
 * `const deny = (ctx) => ...`): no handler, no middleware (a `next` parameter), and not itself
 * handed to a library as a callback.
 */
export function handedIn(fn: Node | undefined, receiver: string, handlerStarts: ReadonlySet<number> | undefined): boolean {
  if (!fn || !notAHandler(fn, receiver, handlerStarts) || paramNames(fn).includes('next')) return false;
  return typeOf(parentOf(fn)) !== 'arguments';
}
