// Rust route registrations and their handlers: axum's `.route("/x", post(create).get(list))`,
// actix-web's attribute macros (`#[post("/x")]`, also Rocket's) and its `web::resource("/x")
// .route(web::post().to(h))` / `.route("/x", web::get().to(h))`, and functions whose
// signature makes them handlers even when their routes live in another file.
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { HandlerFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { innermostAt } from '../spans';
import { calleeName, calleeText, receiverOf } from './contexts';
import { splitArgs, namedTokenTree } from './macros';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace', 'connect']);
const HANDLER_RETURN = /\b(IntoResponse|Responder|HttpResponse|Response)\b/;
const EXTRACTORS = /\b(Json|Path|Query|State|Form|Extension|HttpRequest|Data|TypedHeader)\s*</;

interface Registration {
  method?: string;
  route: string;
  handler: Node;
}

function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string_literal' ? node.text.slice(1, -1) : undefined;
}

/** Method routers: `post(create).get(list)`, `web::post().to(h)`, `on(MethodFilter::POST, h)`. */
function methodEntries(expr: Node | undefined, out: { method?: string; handler: Node }[]): void {
  for (let n = expr, i = 0; n && n.type === 'call_expression' && i < 20; i++) {
    const name = calleeName(n);
    const args = namedArgs(n.childForFieldName('arguments'));
    if (name === 'to' && args.length === 1) {
      // actix: web::post().to(h); web::route().method(Method::POST).to(h)
      const inner = receiverOf(n);
      const m = inner?.type === 'call_expression' ? calleeName(inner) : undefined;
      const guard = inner && calleeName(inner) === 'method' ? /Method::([A-Z]+)/.exec(inner.text)?.[1] : undefined;
      out.push({ method: guard ?? (m && METHODS.has(m) ? m.toUpperCase() : undefined), handler: args[0] });
      return;
    }
    if (METHODS.has(name) && args.length === 1) out.push({ method: name.toUpperCase(), handler: args[0] });
    else if (name === 'any' && args.length === 1) out.push({ handler: args[0] });
    else if (name === 'on' && args.length === 2) out.push({ method: /MethodFilter::([A-Z]+)/.exec(args[0].text)?.[1], handler: args[1] });
    n = receiverOf(n);
  }
}

/** The path of the `web::resource("/x")` a chain starts from, if any. */
function resourcePath(call: Node): string | undefined {
  for (let n: Node | undefined = call, i = 0; n && n.type === 'call_expression' && i < 30; i++, n = receiverOf(n)) {
    if (/(^|::)resource$/.test(calleeText(n))) return stringValue(namedArgs(n.childForFieldName('arguments'))[0]);
  }
  return undefined;
}

/** The route registrations a call makes (several for `post(a).get(b)`). */
function registrationsOf(call: Node): Registration[] {
  // Router::new().route(..); early axum also had a free function: route("/x", get(h)).
  const callee = calleeText(call);
  if (callee !== '.route' && callee !== 'route' && !/::route$/.test(callee)) return [];
  const args = namedArgs(call.childForFieldName('arguments'));
  const entries: { method?: string; handler: Node }[] = [];
  let route: string | undefined;
  if (args.length === 2) {
    route = stringValue(args[0]);
    methodEntries(args[1], entries);
  } else if (args.length === 1) {
    route = resourcePath(call);
    methodEntries(args[0], entries);
  }
  return route === undefined ? [] : entries.map((e) => ({ ...e, route: route! }));
}

/** `#[post("/x")]`, `#[actix_web::get("/x")]`, `#[route("/x", method = "GET", method = "HEAD")]`. */
export function attributeRoute(fn: Node): { method?: string; route: string } | undefined {
  for (let a = fn.previousNamedSibling; a && (a.type === 'attribute_item' || /comment$/.test(a.type)); a = a.previousNamedSibling) {
    if (a.type !== 'attribute_item') continue;
    const attr = a.namedChild(0);
    const path = attr?.namedChild(0)?.text ?? '';
    const name = path.slice(path.lastIndexOf(':') + 1);
    const tt = attr?.childForFieldName('arguments') ?? (attr ? namedTokenTree(attr) : undefined);
    if (!tt || !(METHODS.has(name) || name === 'route')) continue;
    const groups = splitArgs(tt);
    const route = stringValue(groups[0]?.[0]);
    if (route === undefined) continue;
    if (name !== 'route') return { method: name.toUpperCase(), route };
    const methods = groups.filter((g) => g[0]?.text === 'method').map((g) => stringValue(g[g.length - 1])?.toUpperCase());
    return { method: methods.length === 1 ? methods[0] : undefined, route };
  }
  return undefined;
}

function resolve(arg: Node, functions: Map<string, Node[]>): Node | undefined {
  if (arg.type === 'closure_expression') return arg;
  const name = arg.type === 'identifier' ? arg.text : arg.type === 'scoped_identifier' ? arg.childForFieldName('name')?.text : undefined;
  const found = name ? functions.get(name) : undefined;
  return found?.length === 1 ? found[0] : undefined;
}

/** True for functions that look like handlers: extractor parameters or a response return type. */
function looksLikeHandler(fn: Node): boolean {
  const ret = fn.childForFieldName('return_type')?.text ?? '';
  const params = fn.childForFieldName('parameters')?.text ?? '';
  const modifiers = namedArgs(fn).find((c) => c.type === 'function_modifiers')?.text ?? '';
  // Methods of impl blocks (IntoResponse / ResponseError impls) are not handlers.
  return /\basync\b/.test(modifiers) && parentOf(fn)?.type !== 'declaration_list' && (HANDLER_RETURN.test(ret) || EXTRACTORS.test(params));
}

/** Handlers in source order, and the method of each named handler function (for slotAt). */
export function collectHandlers(calls: Node[], functions: Map<string, Node[]>): { handlers: HandlerFacts[]; methodsByName: Map<string, string> } {
  const byFn = new Map<number, { fn: Node; facts: HandlerFacts; methods: Set<string | undefined> }>();
  const routeMethods = new Map<string, Set<string>>();
  const add = (fn: Node, method: string | undefined, route: string) => {
    if (method) routeMethods.set(route, (routeMethods.get(route) ?? new Set()).add(method));
    const known = byFn.get(fn.startIndex);
    if (known) known.methods.add(method);
    else byFn.set(fn.startIndex, { fn, facts: { span: spanOf(fn), method, route, calls: [] }, methods: new Set([method]) });
  };
  for (const list of functions.values()) {
    for (const fn of list) {
      const r = attributeRoute(fn);
      if (r) add(fn, r.method, r.route);
    }
  }
  for (const call of calls) {
    for (const reg of registrationsOf(call)) {
      const fn = resolve(reg.handler, functions);
      if (fn) add(fn, reg.method, reg.route);
      else if (reg.method) routeMethods.set(reg.route, (routeMethods.get(reg.route) ?? new Set()).add(reg.method));
    }
  }
  const methodsByName = new Map<string, string>();
  for (const h of byFn.values()) {
    if (h.methods.size > 1) h.facts.method = undefined;
    h.facts.routeMethods = [...(routeMethods.get(h.facts.route ?? '') ?? [])];
    const name = h.fn.type === 'function_item' ? h.fn.childForFieldName('name')?.text : undefined;
    if (name && h.facts.method) methodsByName.set(name, h.facts.method);
  }
  for (const list of functions.values()) {
    for (const fn of list) if (!byFn.has(fn.startIndex) && looksLikeHandler(fn)) byFn.set(fn.startIndex, { fn, facts: { span: spanOf(fn), calls: [] }, methods: new Set() });
  }
  const handlers = [...byFn.values()].map((h) => h.facts).sort((a, b) => a.span.start - b.span.start);
  let ci = 0;
  for (const h of handlers) {
    while (ci < calls.length && calls[ci].startIndex < h.span.start) ci++;
    for (let k = ci; k < calls.length && calls[k].startIndex < h.span.end; k++) {
      const n = calleeName(calls[k]);
      if (n) h.calls.push(n);
    }
  }
  return { handlers, methodsByName };
}

/** The method of a closure passed straight to a method router: `get(|| async { .. })`. */
export function methodOfClosure(closure: Node): string | undefined {
  const call = parentOf(closure)?.type === 'arguments' ? parentOf(parentOf(closure)) : undefined;
  if (call?.type !== 'call_expression') return undefined;
  const name = calleeName(call);
  if (METHODS.has(name)) return name.toUpperCase();
  if (name === 'to') {
    const inner = receiverOf(call);
    const m = inner?.type === 'call_expression' ? calleeName(inner) : '';
    return METHODS.has(m) ? m.toUpperCase() : undefined;
  }
  return undefined;
}

/** The innermost handler containing `offset`, as an index into `handlers`. */
export function handlerAt(handlers: HandlerFacts[], offset: number): number | undefined {
  return innermostAt(handlers, offset);
}
