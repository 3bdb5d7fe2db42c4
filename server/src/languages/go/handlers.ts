// Go route registrations and the handlers they name: net/http ServeMux (with Go 1.22 method
// patterns), gorilla/mux .Methods(), Gin and Echo (r.POST), Fiber and chi (app.Post), and
// functions whose signature makes them handlers even when registered in another file.
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { HandlerFacts } from '../../model';
import { namedArgs } from '../syntax';
import { innermostAt } from '../spans';
import { argsOf, calleeName, calleeParts } from './contexts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE'];
const UPPER = new Set([...METHODS, 'Any']);
const TITLE = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'Connect', 'Trace', 'All']);
const HANDLER_PARAM = /^(http\.ResponseWriter|\*gin\.Context|echo\.Context|\*fiber\.Ctx|fiber\.Ctx)$/;

/** Callee names that may register a route (the rest are checked below). */
const REGISTRATION_NAMES = /^(HandleFunc|Handle|Add|Method|MethodFunc|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|Any|Get|Post|Put|Patch|Delete|Head|Options|Connect|Trace|All)$/;

interface Registration {
  method?: string;
  route: string;
  handler: Node;
}

function stringValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') return node.text.slice(1, -1);
  return undefined;
}

/** The route registration a call makes, if it is one. */
function registrationOf(call: Node): Registration | undefined {
  if (!REGISTRATION_NAMES.test(calleeName(call) ?? '')) return undefined;
  const { name, receiver } = calleeParts(call);
  if (!name || !receiver) return undefined;
  const args = argsOf(call);
  if (args.length < 2) return undefined;
  const first = stringValue(args[0]);
  if ((name === 'HandleFunc' || name === 'Handle') && first !== undefined && args.length === 2) {
    // Go 1.22: mux.HandleFunc("POST /items/{id}", h); gorilla: r.HandleFunc("/x", h).Methods("POST").
    const m = /^([A-Z]+)\s+(\S.*)$/.exec(first);
    let method = m && METHODS.includes(m[1]) ? m[1] : undefined;
    const route = method ? m![2] : first;
    const outer = parentOf(call)?.type === 'selector_expression' ? parentOf(parentOf(call)) : undefined;
    if (!method && outer?.type === 'call_expression' && calleeParts(outer).name === 'Methods') {
      const ms = namedArgs(outer.childForFieldName('arguments')).map(stringValue);
      if (ms.length === 1 && ms[0] && METHODS.includes(ms[0].toUpperCase())) method = ms[0].toUpperCase();
    }
    return { method, route, handler: args[1] };
  }
  // Gin: r.Handle("POST", "/x", h); Echo / Fiber: e.Add("POST", "/x", h); chi: r.Method("POST", "/x", h).
  if (/^(Handle|Add|Method|MethodFunc)$/.test(name) && args.length >= 3 && first && METHODS.includes(first.toUpperCase())) {
    const route = stringValue(args[1]);
    return route !== undefined ? { method: first.toUpperCase(), route, handler: args[args.length - 1] } : undefined;
  }
  if ((UPPER.has(name) || TITLE.has(name)) && first !== undefined && (first === '' || first.startsWith('/'))) {
    // Middle arguments are middleware; a string there means this is an HTTP client call, not a route.
    if (args.slice(1).some((a) => stringValue(a) !== undefined)) return undefined;
    const method = name === 'Any' || name === 'All' ? undefined : name.toUpperCase();
    return { method, route: first, handler: args[args.length - 1] };
  }
  return undefined;
}

/** A function a registration can name: a declaration (with its name) or a literal passed inline. */
export interface FnRef {
  start: number;
  end: number;
  name?: string;
}

/** A route registration as data: where its call starts, and the name of the function it names. */
export interface RegistrationData {
  at: number;
  method?: string;
  route: string;
  /** The declared function it names (through http.HandlerFunc(h) or a factory h.Create()), if any. */
  name?: string;
}

/** What a handler argument stands for: a literal, the name of a declared function, or nothing we can tell. */
function target(arg: Node): Node | string | undefined {
  if (arg.type === 'func_literal') return arg;
  if (arg.type === 'call_expression') {
    // http.HandlerFunc(h) and handler factories h.Create() that return the real handler.
    const inner = namedArgs(arg.childForFieldName('arguments'));
    if (inner.length === 1 && /HandlerFunc$/.test(arg.childForFieldName('function')?.text ?? '')) return target(inner[0]);
    if (inner.length === 0) return target(arg.childForFieldName('function')!);
    return undefined;
  }
  return arg.type === 'identifier' ? arg.text : arg.type === 'selector_expression' ? arg.childForFieldName('field')?.text : undefined;
}

/** The registrations among `calls`, in order; a literal handler comes with its node. */
export function registrationsIn(calls: Node[]): { data: RegistrationData; literal?: Node }[] {
  const out: { data: RegistrationData; literal?: Node }[] = [];
  for (const call of calls) {
    const reg = registrationOf(call);
    if (!reg) continue;
    const t = target(reg.handler);
    const data: RegistrationData = { at: call.startIndex, method: reg.method, route: reg.route };
    if (typeof t === 'string') data.name = t;
    out.push(typeof t === 'object' ? { data, literal: t } : { data });
  }
  return out;
}

/** True for functions whose parameters make them HTTP handlers (w http.ResponseWriter, c *gin.Context...). */
export function hasHandlerSignature(fn: Node): boolean {
  for (const p of namedArgs(fn.childForFieldName('parameters'))) {
    if (HANDLER_PARAM.test(p.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '')) return true;
  }
  return false;
}

/**
 * Handlers in source order. `registrations` are every route registration of the file in order,
 * `calls` every call (what each handler calls), `functions` the declared functions and methods
 * by name, `signatures` every function literal and declaration with a handler signature.
 */
export function collectHandlers(registrations: { data: RegistrationData; literal?: Node }[], calls: Node[], functions: Map<string, FnRef[]>, signatures: FnRef[]): { handlers: HandlerFacts[]; methodsByName: Map<string, string> } {
  const byFn = new Map<number, { fn: FnRef; facts: HandlerFacts; methods: Set<string | undefined> }>();
  const routeMethods = new Map<string, Set<string>>();
  const methodsByName = new Map<string, string>();
  for (const { data: reg, literal } of registrations) {
    if (reg.method) {
      const s = routeMethods.get(reg.route) ?? new Set();
      s.add(reg.method);
      routeMethods.set(reg.route, s);
    }
    const found = reg.name !== undefined ? functions.get(reg.name) : undefined;
    const fn: FnRef | undefined = literal ? { start: literal.startIndex, end: literal.endIndex } : found?.length === 1 ? found[0] : undefined;
    if (!fn) continue;
    const known = byFn.get(fn.start);
    if (known) {
      known.methods.add(reg.method);
      continue;
    }
    byFn.set(fn.start, { fn, facts: { span: { start: fn.start, end: fn.end }, method: reg.method, route: reg.route, calls: [] }, methods: new Set([reg.method]) });
  }
  const registered = [...byFn.values()];
  for (const r of registered) {
    // One function under several methods: the method is not one thing.
    if (r.methods.size > 1) r.facts.method = undefined;
    r.facts.routeMethods = [...(routeMethods.get(r.facts.route ?? '') ?? [])];
    if (r.fn.name && r.facts.method) methodsByName.set(r.fn.name, r.facts.method);
  }
  // A function inside a registered handler is a helper of it, not a handler of its own.
  const spans = registered.map((r) => r.fn).sort((a, b) => a.start - b.start);
  const inRegistered = (start: number) => {
    for (const s of spans) {
      if (s.start > start) return false;
      if (start < s.end) return true;
    }
    return false;
  };
  for (const fn of signatures) {
    if (byFn.has(fn.start)) continue;
    if (inRegistered(fn.start)) continue;
    byFn.set(fn.start, { fn, facts: { span: { start: fn.start, end: fn.end }, calls: [] }, methods: new Set() });
  }
  const handlers = [...byFn.values()].map((h) => h.facts).sort((a, b) => a.span.start - b.span.start);
  // What each handler calls (for create / insert / save detection).
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

/** The innermost handler containing `offset`, as an index into `handlers` (sorted by start). */
export function handlerAt(handlers: HandlerFacts[], offset: number): number | undefined {
  return innermostAt(handlers, offset);
}

/** The method of a function literal passed straight to a route registration (slotAt's cheap path). */
export function methodOfLiteral(fn: Node): string | undefined {
  const call = parentOf(fn)?.type === 'argument_list' ? parentOf(parentOf(fn)) : undefined;
  if (call?.type !== 'call_expression') return undefined;
  const reg = registrationOf(call);
  return reg && reg.handler.startIndex === fn.startIndex ? reg.method : undefined;
}
