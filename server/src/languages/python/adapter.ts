// Python: Flask/Quart, FastAPI/Starlette, Django, Django REST framework, aiohttp, AWS Lambda
// handlers, http.HTTPStatus, and pytest / unittest / Django test assertions. One walk over
// the tree collects what each later step needs; the steps only look near the nodes collected.
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, HandlerFacts, ResponseFacts, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { constantFor } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { intLiteral, spanOf } from '../syntax';
import { collect, fnAt, type Collected } from './collect';
import { constantOf } from './constants';
import { latestBinding } from './headers';
import { contextOf, type ContextEnv, type PyContext } from './contexts';
import { isDrfCreateWithLocation, registrationOf, routeOfFunction, type RouteInfo } from './handlers';
import { addImport, emptyImports, frameworksOf, importEditFor, recordImport, vocabularyUses, type ImportTable } from './imports';
import { calleeOf, callArgs, sameNode } from './nodes';
import { responseForContext, type ResponseEnv } from './responses';
import { decoratorResponse, implicitResponse, type ImplicitEnv } from './returns';
import { slotAt } from './slot';
import { setStatusEdit } from './statusEdits';
import { inAncestry, parentOf } from '../ancestry';

/** Index of the first item starting at or after `offset` (items sorted by start). */
function firstAtOrAfter(items: readonly ({ startIndex: number } | { start: number })[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid];
    if (('startIndex' in it ? it.startIndex : it.start) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


interface Handler {
  fn: Node;
  info: RouteInfo;
  facts: HandlerFacts;
}

function findHandlers(c: Collected, django: boolean): Handler[] {
  const registered = new Map<string, RouteInfo>();
  for (let i = 0; i < c.calls.length; i++) {
    const r = registrationOf(c.calls[i], c.callNames[i]);
    if (r && !registered.has(r.name)) registered.set(r.name, r.info);
  }
  const out: Handler[] = [];
  for (const place of c.fns) {
    const fn = place.node;
    const name = fn.childForFieldName('name')?.text ?? '';
    let info = routeOfFunction(fn, place) ?? (place.cls ? undefined : registered.get(name));
    // A Django function view: its first parameter is the request.
    const first = fn.childForFieldName('parameters')?.namedChild(0);
    if (!info && django && !place.cls && !name.startsWith('_') && (first?.text === 'request' || first?.childForFieldName('name')?.text === 'request' || /^request\s*:/.test(first?.text ?? ''))) info = { kind: 'route', methods: [] };
    if (!info) continue;
    out.push({ fn, info, facts: { span: spanOf(place.holder ?? fn), method: info.method, route: info.route, calls: [] } });
  }
  const routeMethods = new Map<string, Set<string>>();
  for (const h of out) {
    if (h.info.route === undefined) continue;
    const s = routeMethods.get(h.info.route) ?? new Set<string>();
    for (const m of h.info.methods) s.add(m);
    routeMethods.set(h.info.route, s);
  }
  for (const h of out) {
    if (h.info.route !== undefined) h.facts.routeMethods = [...(routeMethods.get(h.info.route) ?? [])];
    // Calls in the body only: the route decorator's own call is not something the handler does.
    for (let i = firstAtOrAfter(c.calls, h.fn.startIndex); i < c.calls.length; i++) {
      if (c.calls[i].startIndex >= h.fn.endIndex) break;
      const n = c.callNames[i];
      if (n) h.facts.calls.push(n);
    }
  }
  return out;
}

/** Django and aiohttp classes that fix the code: the call (or raise) they appear in is the response. */
function classContext(node: Node): PyContext | undefined {
  const parent = parentOf(node);
  if (parent?.type === 'call' && sameNode(parent.childForFieldName('function'), node)) return { role: 'response', form: `${node.text}()`, carrier: parent, kind: 'call' };
  if (parent?.type === 'raise_statement' && sameNode(parent.namedChild(0), node)) return { role: 'response', form: `raise ${node.text}`, carrier: parent, kind: 'raise' };
  return undefined;
}

const RESPONSE_MAKERS = /Response$|^(make_response|jsonify|json_response)$/;

/**
 * Whether a response context really answers a request. Inside a test function a response is
 * a fake for a mock and is only named. `x.status_code = 201` sets a response only where x is
 * one: in a handler, or x bound to a response-making call, or a parameter typed Response.
 */
function settles(ctx: PyContext | undefined, c: Collected, handlerFns: Set<number>): PyContext | undefined {
  if (ctx?.role !== 'response') return ctx;
  const fn = fnAt(c.fns, ctx.carrier.startIndex)?.node;
  if (/^test/.test(fn?.childForFieldName('name')?.text ?? '')) return { ...ctx, role: 'reference', kind: 'other' };
  if (ctx.kind !== 'assign') return ctx;
  const obj = ctx.carrier.childForFieldName('left')?.childForFieldName('object');
  if (!obj || !fn) return { ...ctx, role: 'reference', kind: 'other' };
  if (handlerFns.has(fn.startIndex)) return ctx;
  const bound = latestBinding(c.scope, fn.startIndex, obj.text, ctx.carrier.startIndex);
  if (bound?.value.type === 'call' && RESPONSE_MAKERS.test(calleeOf(bound.value).name ?? '')) return ctx;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  if (params.some((p) => p?.type === 'typed_parameter' && p.namedChild(0)?.text === obj.text && /(^|\.)Response$/.test(p.childForFieldName('type')?.text ?? ''))) return ctx;
  return { ...ctx, role: 'reference', kind: 'other' };
}

function extract(input: AdapterInput): DocumentModel {
  const model = emptyModel(input.languageId);
  if (!input.tree) return model;
  const { text } = input;
  const c = collect(input.tree, text, model);
  const fw = frameworksOf(c.imports);
  model.vocabularies = vocabularyUses(c.imports, fw);
  const handlers = findHandlers(c, fw.django);
  model.handlers = handlers.map((h) => h.facts);
  const handlerFns = new Set(handlers.map((h) => h.fn.startIndex));
  // Handlers are in source order: the innermost one around an offset is the last that starts
  // before it and still contains it (handlers nest a level or two at most).
  const spans = model.handlers.map((h) => h.span);
  const handlerOf = (offset: number): number | undefined => {
    const last = firstAtOrAfter(spans, offset + 1) - 1;
    for (let i = last; i >= 0 && i > last - 4; i--) if (offset < spans[i].end) return i;
    return undefined;
  };

  // Status sites: numbers in a status context; constants anywhere.
  const env: ContextEnv = { fw, isHandler: (fn) => handlerFns.has(fn.startIndex) };
  const found: { site: StatusSite; ctx?: PyContext }[] = [];
  for (const n of c.numbers) {
    const code = intLiteral(n.text);
    const ctx = code === undefined ? undefined : settles(contextOf(n, env), c, handlerFns);
    if (code === undefined || !ctx || (ctx.weak && (code < 100 || code > 599))) continue;
    found.push({ site: { code, span: spanOf(n), kind: 'number', role: ctx.role, form: ctx.form }, ctx });
  }
  for (const n of c.constants) {
    const k = constantOf(n, c.imports, fw);
    if (!k) continue;
    const ctx = settles(contextOf(n, env), c, handlerFns) ?? (k.vocabulary === 'django' || k.vocabulary === 'aiohttp' ? classContext(n) : undefined);
    found.push({ site: { code: k.code, span: spanOf(n), kind: 'constant', vocabulary: k.vocabulary, name: k.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? n.text }, ctx });
  }
  found.sort((a, b) => a.site.span.start - b.site.span.start);

  const renv: ResponseEnv = { text, quote: c.quote, fw, scope: c.scope, returns: c.returns, returnsIn: (fn) => c.returnsByFn.get(fn.startIndex) ?? [], fnStartOf: (node) => fnAt(c.fns, node.startIndex)?.node.startIndex ?? -1 };
  const created = (node: Node, code: number, facts: ResponseFacts) => {
    const fn = fnAt(c.fns, node.startIndex);
    if (code === 201 && fn && isDrfCreateWithLocation(fn.node, fn)) facts.helper ??= 'created';
  };
  let lastEnd = -1;
  for (const f of found) {
    if (f.site.span.start < lastEnd) continue;
    lastEnd = f.site.span.end;
    const index = model.sites.length;
    model.sites.push(f.site);
    if (f.site.role !== 'response' || !f.ctx) continue;
    let facts: ResponseFacts | undefined;
    if (f.ctx.kind === 'route') {
      const fn = parentOf(parentOf(f.ctx.carrier))?.childForFieldName('definition');
      facts = fn?.type === 'function_definition' ? decoratorResponse(f.ctx.carrier, fn, renv) : undefined;
    } else {
      facts = responseForContext(f.ctx, renv);
    }
    if (!facts) continue;
    const site = f.site;
    facts.site = index;
    facts.handler = handlerOf(site.span.start);
    facts.edits.setStatus = (code) => setStatusEdit(site, code, text, c.imports);
    created(f.ctx.carrier, site.code, facts);
    site.response = model.responses.length;
    model.responses.push(facts);
  }

  // Implicit 200s: what handlers return without a status.
  const ienv: ImplicitEnv = {
    ...renv,
    statusText: (code) => writtenStatus(model, code),
    jsonResponseImport: () => (c.imports.names.has('JSONResponse') ? undefined : addImport(c.imports, text, fw.fastapi && [...c.imports.modules].some((m) => m.startsWith('fastapi')) ? 'fastapi.responses' : 'starlette.responses', 'JSONResponse')),
  };
  handlers.forEach((h, hi) => {
    const routeStatus = !!h.info.decorator && callArgs(h.info.decorator).keywords.has('status_code');
    const assigned = c.settingStatus.get(h.fn.startIndex) ?? [];
    for (const ret of renv.returnsIn(h.fn)) {
      const facts = implicitResponse(ret, ienv, routeStatus || assigned.some((at) => at < ret.startIndex));
      if (!facts) continue;
      facts.handler = hi;
      model.responses.push(facts);
    }
  });
  return model;
}

/** A status as this file writes statuses: through the module it imports, else a number. */
function writtenStatus(model: DocumentModel, code: number): string {
  for (const u of model.vocabularies) {
    if (!/\.NAME$/.test(u.form) || !['python-http', 'starlette', 'drf'].includes(u.vocabulary)) continue;
    const name = constantFor(u.vocabulary, code);
    if (name) return u.form.replace('NAME', name);
  }
  return String(code);
}

function topLevelImports(input: AdapterInput): ImportTable {
  const table = emptyImports();
  // namedChildren in one call: namedChild(i) walks from the first child each time (quadratic).
  for (const n of input.tree?.rootNode.namedChildren ?? []) {
    if (n && /^(import_statement|import_from_statement|future_import_statement)$/.test(n.type)) recordImport(n, table);
  }
  return table;
}

export const pythonAdapter: LanguageAdapter = {
  id: 'python',
  languageIds: ['python'],
  grammarFor: () => 'python',
  extract: inAncestry(extract),
  slotAt: inAncestry(slotAt),
  importEdit(input, vocabulary) {
    if (!input.tree) return undefined;
    const table = topLevelImports(input);
    return importEditFor(table, frameworksOf(table), input.text, vocabulary);
  },
};
