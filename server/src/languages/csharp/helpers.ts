// The ASP.NET Core helpers that fix a status without writing it: `Ok(x)`, `NotFound()`,
// `Conflict(x)`, `CreatedAtAction(...)` in controllers, and `Results.Ok(x)` / `TypedResults.NotFound()`
// in minimal APIs. Each is reported as an implicit site on the method name, so hovering
// `Conflict` explains 409.
import type { Node } from '../../parsing/treeSitter';
import { argNamed, calleeName, callParts, enclosingClass, lastSegment } from './nodes';
import { remembered } from '../ancestry';

const SHARED: Record<string, number> = {
  Ok: 200, Created: 201, CreatedAtRoute: 201, Accepted: 202, AcceptedAtRoute: 202, NoContent: 204, BadRequest: 400,
  Unauthorized: 401, NotFound: 404, Conflict: 409, UnprocessableEntity: 422, Problem: 500, ValidationProblem: 400,
  Redirect: 302, LocalRedirect: 302, RedirectToRoute: 302,
};
const CONTROLLER: Record<string, number> = {
  ...SHARED, CreatedAtAction: 201, AcceptedAtAction: 202, RedirectPermanent: 301, LocalRedirectPermanent: 301,
  RedirectToAction: 302, RedirectToActionPermanent: 301, RedirectToRoutePermanent: 301, RedirectToPage: 302, RedirectToPagePermanent: 301,
};
const RESULTS: Record<string, number> = { ...SHARED, InternalServerError: 500 };
/** Every helper name, to turn most calls away cheaply. */
export const HELPER_NAMES = new Set([...Object.keys(CONTROLLER), ...Object.keys(RESULTS)]);

export interface HelperCall {
  code: number;
  /** `created` when the helper sets Location itself, `redirect` for the redirects. */
  helper?: string;
  /** `` for controller helpers, `Results` or `TypedResults` for minimal APIs. */
  owner: string;
  name: string;
  nameNode: Node;
}

/** A class whose bare `Ok()` / `NotFound()` calls are ASP.NET Core's helpers. */
export function isControllerClass(cls: Node | undefined): boolean {
  return !!cls && remembered('controller', cls, controllerClass);
}

function controllerClass(cls: Node): boolean {
  const name = cls.childForFieldName('name')?.text ?? '';
  let bases = '';
  let attrs = '';
  for (let i = 0; i < cls.namedChildCount; i++) {
    const c = cls.namedChild(i);
    if (c?.type === 'base_list') bases = c.text;
    if (c?.type === 'attribute_list') attrs += c.text;
  }
  return /Controller(Base)?\b|\bPageModel\b/.test(bases) || /\b(ApiController|Controller)\b/.test(attrs) || /Controller$/.test(name);
}

function has(table: Record<string, number>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, name);
}

/** The helper an invocation calls, with the status it implies; undefined when it writes its own status. */
export function helperOf(call: Node): HelperCall | undefined {
  const { name, receiver, args } = callParts(call);
  const nameNode = calleeName(call);
  if (!name || !nameNode) return undefined;
  let owner: string;
  let code: number;
  if (!receiver) {
    if (!has(CONTROLLER, name) || !isControllerClass(enclosingClass(call))) return undefined;
    owner = '';
    code = CONTROLLER[name];
  } else {
    owner = lastSegment(receiver.text);
    if ((owner !== 'Results' && owner !== 'TypedResults') || !has(RESULTS, name)) return undefined;
    code = RESULTS[name];
  }
  // Problem(statusCode: 409) writes its status: that number is the site, not the helper.
  if ((name === 'Problem' || name === 'ValidationProblem') && (args.some((a) => a.name === 'statusCode') || (name === 'Problem' && args.length >= 3 && !args[2].name))) return undefined;
  if (owner && name === 'Redirect') {
    const permanent = argNamed(args, 'permanent', 1)?.value.text === 'true';
    const preserve = argNamed(args, 'preserveMethod', 2)?.value.text === 'true';
    code = permanent ? (preserve ? 308 : 301) : preserve ? 307 : 302;
  }
  const helper = /^Created/.test(name) && args.length ? 'created' : /Redirect/.test(name) ? 'redirect' : undefined;
  return { code, helper, owner, name, nameNode };
}
