// Which Python functions handle HTTP requests, and for which method and route: route
// decorators (Flask, FastAPI, aiohttp, Quart), Django's require_* decorators, DRF's api_view,
// action and ViewSet actions, class-based views (Django, DRF, Flask MethodView, Flask-RESTful,
// Starlette HTTPEndpoint, aiohttp web.View) and registrations that name a function.
import type { Node } from '../../parsing/treeSitter';
import { basesOf, callArgs, calleeOf, classOf, decoratorsIn, stringList, stringValue } from './nodes';
import { parentOf } from '../ancestry';

export interface RouteInfo {
  kind: 'route' | 'errorhandler';
  method?: string;
  route?: string;
  /** Every method the registration accepts (a Flask route with methods=[...]). */
  methods: string[];
  /** The decorator call when it is a route decorator (its status_code= sets the default status). */
  decorator?: Node;
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const DRF_ACTIONS: Record<string, string> = { create: 'POST', list: 'GET', retrieve: 'GET', update: 'PUT', partial_update: 'PATCH', destroy: 'DELETE' };
const DJANGO_REQUIRE: Record<string, string[]> = { require_GET: ['GET'], require_POST: ['POST'], require_safe: ['GET', 'HEAD'] };

function info(kind: RouteInfo['kind'], methods: string[], route?: string, decorator?: Node): RouteInfo {
  const unique = [...new Set(methods)];
  return { kind, methods: unique, method: unique.length === 1 ? unique[0] : undefined, route, decorator };
}

/** What a decorator says about the function under it, if it is about HTTP routing. */
export function routeFromDecorator(decorator: Node): RouteInfo | undefined {
  const expr = decorator.namedChildren.find((c) => c && c.type !== 'comment');
  if (!expr) return undefined;
  if (expr.type === 'identifier' || expr.type === 'attribute') {
    const name = expr.type === 'attribute' ? expr.childForFieldName('attribute')?.text ?? '' : expr.text;
    if (DJANGO_REQUIRE[name]) return info('route', DJANGO_REQUIRE[name]);
    if (name === 'api_view') return info('route', ['GET']);
    return undefined;
  }
  if (expr.type !== 'call') return undefined;
  const { name, receiver } = calleeOf(expr);
  if (!name) return undefined;
  const args = callArgs(expr);
  const path = stringValue(args.positional[0]) ?? stringValue(args.keywords.get('path')) ?? stringValue(args.keywords.get('rule'));
  // app.get / router.post / routes.delete, and Litestar's bare @get("/path").
  if (VERBS.has(name) && path !== undefined) return info('route', [name.toUpperCase()], path, expr);
  if (receiver && (name === 'route' || name === 'api_route')) {
    // aiohttp: routes.route('POST', '/path'); Flask/Quart/FastAPI: app.route('/path', methods=[...]).
    const first = stringValue(args.positional[0]);
    if (first !== undefined && /^[A-Z]+$/.test(first) && args.positional[1]) return info('route', first === '*' ? [] : [first], stringValue(args.positional[1]), expr);
    if (path === undefined) return undefined;
    const methods = stringList(args.keywords.get('methods'));
    return info('route', methods.length ? methods : ['GET'], path, expr);
  }
  if (receiver && (name === 'errorhandler' || name === 'exception_handler' || name === 'app_errorhandler')) return info('errorhandler', []);
  if (name === 'require_http_methods') return info('route', stringList(args.positional[0]));
  if (name === 'api_view') {
    const methods = stringList(args.positional[0] ?? args.keywords.get('http_method_names'));
    return info('route', methods.length ? methods : ['GET']);
  }
  if (name === 'action') {
    const methods = stringList(args.keywords.get('methods'));
    return info('route', methods.length ? methods : ['GET']);
  }
  return undefined;
}

/** True for a class whose bases make its get/post/... methods request handlers. */
export function isViewClass(cls: Node): boolean {
  return basesOf(cls).some((b) => /(View|ViewSet|Resource|Endpoint|Mixin)$/.test(b.replace(/^.*\./, '')));
}

function isDrfClass(cls: Node): boolean {
  return basesOf(cls).some((b) => /(ViewSet|APIView|Mixin)$/.test(b.replace(/^.*\./, '')));
}

/** Where a function sits: its decorated_definition and its class, when the caller knows them. */
export interface FnPlace {
  holder?: Node;
  cls?: Node;
}

function placeOf(fn: Node, place?: FnPlace): FnPlace {
  return place ?? { holder: parentOf(fn)?.type === 'decorated_definition' ? parentOf(fn)! : undefined, cls: classOf(fn) };
}

/** A method of a class-based view, by its name (`post` -> POST; DRF's `create` -> POST). */
export function routeFromMethod(fn: Node, place?: FnPlace): RouteInfo | undefined {
  const { cls } = placeOf(fn, place);
  const name = fn.childForFieldName('name')?.text;
  if (!cls || !name || !isViewClass(cls)) return undefined;
  const className = cls.childForFieldName('name')?.text ?? '';
  if (VERBS.has(name)) return info('route', [name.toUpperCase()], className);
  if (DRF_ACTIONS[name] && isDrfClass(cls)) {
    const detail = ['retrieve', 'update', 'partial_update', 'destroy'].includes(name);
    return info('route', [DRF_ACTIONS[name]], `${className}:${detail ? 'detail' : 'list'}`);
  }
  return undefined;
}

/** True when the method is `create` of a DRF class whose mixin sets Location on 201 itself. */
export function isDrfCreateWithLocation(fn: Node, place?: FnPlace): boolean {
  if (fn.childForFieldName('name')?.text !== 'create') return false;
  const { cls } = placeOf(fn, place);
  return !!cls && basesOf(cls).some((b) => /^(CreateModelMixin|CreateAPIView|ListCreateAPIView|ModelViewSet)$/.test(b.replace(/^.*\./, '')));
}

const REGISTRATIONS = /^(Route|add_api_route|add_url_rule|(add_)?(get|post|put|patch|delete|head|options)|add_route|path|re_path|register_error_handler|add_exception_handler)$/;

/**
 * Registrations that name a function: Starlette Route(...), aiohttp web.post(...) and
 * router.add_post(...), Flask add_url_rule, FastAPI add_api_route, Django path(...), and
 * error handler registrations. Returns the function's name (last dotted part) and its route.
 */
export function registrationOf(call: Node, calleeName: string | undefined): { name: string; info: RouteInfo } | undefined {
  if (!calleeName || !REGISTRATIONS.test(calleeName)) return undefined;
  const { name = '', receiver } = calleeOf(call);
  // `get`, `post`...: most are dict and request lookups (data.get("x")); only a router's or
  // aiohttp's `web` registers (below), and no other form has these names.
  const verb = /^(?:add_)?(get|post|put|patch|delete|head|options)$/.exec(name);
  if (verb && !(receiver && (receiver === 'web' || /router$/.test(receiver)))) return undefined;
  const args = callArgs(call);
  const fnName = (n: Node | undefined) => (n && (n.type === 'identifier' || n.type === 'attribute') ? n.text.replace(/^.*\./, '') : undefined);
  const path = stringValue(args.positional[0]) ?? stringValue(args.keywords.get('path'));
  if (name === 'Route' && path !== undefined) {
    const target = fnName(args.positional[1] ?? args.keywords.get('endpoint'));
    const methods = stringList(args.keywords.get('methods'));
    return target ? { name: target, info: info('route', methods.length ? methods : ['GET'], path) } : undefined;
  }
  if (receiver && (name === 'add_api_route' || name === 'add_url_rule') && path !== undefined) {
    const target = fnName(args.keywords.get('endpoint') ?? args.keywords.get('view_func') ?? (name === 'add_api_route' ? args.positional[1] : args.positional[2]));
    const methods = stringList(args.keywords.get('methods'));
    return target ? { name: target, info: info('route', methods.length ? methods : ['GET'], path) } : undefined;
  }
  if (verb && receiver && (receiver === 'web' || /router$/.test(receiver)) && path !== undefined) {
    const target = fnName(args.positional[1] ?? args.keywords.get('handler'));
    return target ? { name: target, info: info('route', [verb[1].toUpperCase()], path) } : undefined;
  }
  if (name === 'add_route' && receiver && /router$/.test(receiver)) {
    const method = stringValue(args.positional[0]);
    const target = fnName(args.positional[2]);
    return method && target ? { name: target, info: info('route', method === '*' ? [] : [method.toUpperCase()], stringValue(args.positional[1])) } : undefined;
  }
  if ((name === 'path' || name === 're_path') && !receiver && path !== undefined) {
    const target = fnName(args.positional[1]);
    return target ? { name: target, info: info('route', [], path) } : undefined;
  }
  if (receiver && (name === 'register_error_handler' || name === 'add_exception_handler')) {
    const target = fnName(args.positional[1]);
    return target ? { name: target, info: info('errorhandler', []) } : undefined;
  }
  return undefined;
}

/**
 * The route of a DRF `@action`, as the router builds it: `Class/{pk}/url_path` for a detail
 * action (an action on one resource, like `/orders/{pk}/cancel`), `Class/url_path` otherwise.
 */
function actionRoute(decorator: Node, cls: Node, fn: Node): string {
  const className = cls.childForFieldName('name')?.text ?? '';
  const fnName = fn.childForFieldName('name')?.text ?? '';
  const expr = decorator.namedChildren.find((c) => c && c.type !== 'comment');
  const args = expr?.type === 'call' ? callArgs(expr) : undefined;
  if (!args || calleeOf(expr!).name !== 'action') return `${className}:${fnName}`;
  const path = stringValue(args.keywords.get('url_path')) ?? fnName;
  return args.keywords.get('detail')?.type === 'true' ? `${className}/{pk}/${path}` : `${className}/${path}`;
}

/** Everything known about a function definition from its decorators and its class. */
export function routeOfFunction(fn: Node, known?: FnPlace): RouteInfo | undefined {
  const place = placeOf(fn, known);
  for (const d of place.holder ? decoratorsIn(place.holder) : []) {
    const r = routeFromDecorator(d);
    if (r) {
      // DRF @action on a ViewSet method: route it under the class.
      if (!r.route && place.cls) r.route = actionRoute(d, place.cls, fn);
      return r;
    }
  }
  return routeFromMethod(fn, place);
}
