// Frameworks whose status calls are plain functions, recognised only in a file that uses them:
// Elysia's `status(401, body)` (>= 1.2; `error(401, body)` before) taken from the handler's
// context, and h3 / Nuxt's `createError({ statusCode: 401 })`, `setResponseStatus(event, 201)`
// and `sendRedirect(event, url, 302)`. Elsewhere a `status(401)` or `createError({ statusCode })`
// is some other code's and stays as it was.
import type { Node } from '../../parsing/treeSitter';
import { enclosingFunction } from './branches';
import { field, kids, textOf, typeOf } from './nodes';

export interface Frameworks {
  /** `require('restify')`, `from 'restify-errors'`: `res.send(err)` takes its status from the error. */
  restify: boolean;
  /** The file imports from 'elysia' (or one of its paths). */
  elysia: boolean;
  /** `status` / `error` imported from Elysia by name (`import { status } from 'elysia'`). */
  elysiaImported: readonly string[];
  /** The file imports from 'h3' or defines a Nuxt/Nitro event handler. */
  h3: boolean;
  /** All of the above as one string: statements analysed under other flags are not reused. */
  key: string;
}

const RESTIFY = /(['"])restify(?:-errors)?\1/;
const ELYSIA = /\bfrom\s*(['"])elysia(?:\/[\w/-]{1,40})?\1|\brequire\(\s*(['"])elysia\2/;
// `[^{};]{0,400}`: bounded, so a line of unclosed braces is not searched again from each one.
const ELYSIA_NAMES = /\bimport\s*\{([^{};]{0,400})\}\s*from\s*(['"])elysia(?:\/[\w/-]{1,40})?\2/g;
const H3 = /\bfrom\s*(['"])h3\1|\brequire\(\s*(['"])h3\2|\bdefine(?:Cached)?EventHandler\s*\(/;

export function fileFrameworks(text: string): Frameworks {
  const restify = RESTIFY.test(text);
  const elysia = text.includes('elysia') && ELYSIA.test(text);
  const imported = new Set<string>();
  if (elysia) {
    for (const m of text.matchAll(ELYSIA_NAMES)) {
      for (const part of m[1].split(',')) {
        // `status` as it is named (`status as reply` is called by a name no search looks for).
        const name = part.trim();
        if (name === 'status' || name === 'error') imported.add(name);
      }
    }
  }
  const h3 = (text.includes('h3') || text.includes('EventHandler')) && H3.test(text);
  const elysiaImported = [...imported];
  return { restify, elysia, elysiaImported, h3, key: `${restify}|${elysia}|${elysiaImported.join(',')}|${h3}` };
}

/** The patterns of a function's parameters (`{ status, set }` of `({ status, set }: Context) => ...`). */
export function paramPatterns(fn: Node | undefined): Node[] {
  const params = field(fn, 'parameters') ?? field(fn, 'parameter');
  if (!params) return [];
  if (typeOf(params) === 'identifier') return [params];
  return kids(params).map((p) => (typeOf(p) === 'required_parameter' || typeOf(p) === 'optional_parameter' ? (field(p, 'pattern') ?? p) : p));
}

/** The names an object pattern binds under their own key (`status` in `{ status, set: s }` is `status`; `set` is not). */
export function shorthandNames(pattern: Node): string[] {
  if (typeOf(pattern) !== 'object_pattern') return [];
  const out: string[] = [];
  for (const p of kids(pattern)) {
    const type = typeOf(p);
    if (type === 'shorthand_property_identifier_pattern') out.push(textOf(p));
    else if (type === 'object_assignment_pattern') out.push(textOf(field(p, 'left')));
  }
  return out;
}

/** The nearest function around `node` that destructures `name` from a parameter. */
export function destructuring(node: Node, name: string): Node | undefined {
  for (let f = enclosingFunction(node); f; f = enclosingFunction(f)) {
    if (paramPatterns(f).some((p) => shorthandNames(p).includes(name))) return f;
  }
  return undefined;
}

/** The nearest function around `node` that takes `name` as a plain parameter. */
export function takingParam(node: Node, name: string): Node | undefined {
  for (let f = enclosingFunction(node); f; f = enclosingFunction(f)) {
    if (paramPatterns(f).some((p) => typeOf(p) === 'identifier' && textOf(p) === name)) return f;
  }
  return undefined;
}

/**
 * Elysia's `status(401, body)` / `error(401, body)` (the function of the handler's context, or
 * imported from Elysia by name) and `ctx.status(401)` / `context.error(401)` on the context
 * parameter. `call` is a call whose callee is named `name`, in a file that uses Elysia.
 */
export function isElysiaStatusCall(call: Node, name: string, receiver: Node | undefined, fw: Frameworks): boolean {
  if (!receiver) return fw.elysiaImported.includes(name) || ((name === 'status' || name === 'error') && destructuring(call, name) !== undefined);
  if (name !== 'status' && name !== 'error') return false;
  return typeOf(receiver) === 'identifier' && takingParam(call, textOf(receiver)) !== undefined;
}

/** h3's own calls and the index of the status among their arguments. */
export const H3_STATUS_ARG: Record<string, number> = { setResponseStatus: 1, sendRedirect: 2 };
