// Route handlers in JavaScript/TypeScript: Express-style registrations (`app.get('/x', fn)`,
// `router.route('/x').post(fn)`), NestJS route decorators and Next.js exported route functions.
import type { Node } from '../../parsing/treeSitter';
import type { HandlerFacts } from '../../model';
import { unquote } from '../syntax';
import { calleeParts } from './contexts';
import { decoratorName } from './nest';
import { endOf, field, kids, parentOf, textOf, typeOf } from './nodes';

/** A handler's facts and the function node they describe. */
export interface HandlerAt {
  fn: Node;
  facts: HandlerFacts;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
const NEST_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);
const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function']);

/** A route registration: `app.get('/x', fn)`, `router.route('/x').post(fn)`, or a path whose handler is elsewhere. */
export function route(call: Node, handlers: HandlerAt[], routes: { route: string; method: string }[]): void {
  const { name, receiver } = calleeParts(call);
  if (!name || !receiver || !ROUTE_METHODS.has(name)) return;
  const args = kids(field(call, 'arguments'));
  const fn = args.find((a) => FUNCTION_VALUES.has(typeOf(a)));
  // app.route('/x').get(fn).post(fn): the route is the argument of the chain's route() call.
  let routeCall: Node | undefined = receiver;
  while (routeCall && typeOf(routeCall) === 'call_expression' && ROUTE_METHODS.has(calleeParts(routeCall).name ?? '')) routeCall = calleeParts(routeCall).receiver;
  const routeArg = args[0] && typeOf(args[0]) === 'string' ? args[0] : routeCall && typeOf(routeCall) === 'call_expression' && calleeParts(routeCall).name === 'route' ? kids(field(routeCall, 'arguments'))[0] : undefined;
  const method = name === 'all' ? undefined : name === 'del' ? 'DELETE' : name.toUpperCase();
  if (!routeArg || typeOf(routeArg) !== 'string') return;
  const path = unquote(textOf(routeArg));
  if (fn) handlers.push({ fn, facts: { span: { start: fn.startIndex, end: endOf(fn) }, method, route: path, calls: [] } });
  // A route whose handler is defined elsewhere still tells which methods the path has (for Allow).
  else if (method && path.startsWith('/') && args.length >= 2) routes.push({ route: path, method });
}

/** NestJS: one handler per route decorator of the method (@Get(), @Post('x')...). */
export function nestHandlers(method: Node, handlers: HandlerAt[]): void {
  const decorators = kids(method).filter((d) => typeOf(d) === 'decorator');
  // TypeScript puts decorators before the method as siblings in the class body.
  let prev = method.previousNamedSibling;
  while (prev?.type === 'decorator') {
    decorators.push(prev);
    prev = prev.previousNamedSibling;
  }
  for (const d of decorators) {
    const dname = decoratorName(d);
    if (!NEST_METHODS.has(dname)) continue;
    const call = kids(d)[0];
    const route = call && typeOf(call) === 'call_expression' ? kids(field(call, 'arguments'))[0] : undefined;
    handlers.push({ fn: method, facts: { span: { start: method.startIndex, end: endOf(method) }, method: dname.toUpperCase() === 'ALL' ? undefined : dname.toUpperCase(), route: route && typeOf(route) === 'string' ? unquote(textOf(route)) : '', calls: [] } });
  }
}

/** Next.js route handlers: `function GET()`, `export const POST = async () => ...`. */
export function exported(name: Node, uri: string, handlers: HandlerAt[]): void {
  const decl = parentOf(name);
  const type = typeOf(decl);
  if (!decl || field(decl, 'name')?.id !== name.id) return;
  const method = textOf(name);
  if (type === 'function_declaration' && typeOf(parentOf(decl)) === 'export_statement') {
    handlers.push({ fn: decl, facts: { span: { start: decl.startIndex, end: endOf(decl) }, method, route: uri, calls: [] } });
  } else if (type === 'variable_declarator') {
    const value = field(decl, 'value');
    if (value && FUNCTION_VALUES.has(typeOf(value)) && typeOf(parentOf(parentOf(decl))) === 'export_statement') {
      handlers.push({ fn: value, facts: { span: { start: value.startIndex, end: endOf(value) }, method, route: uri, calls: [] } });
    }
  }
}
