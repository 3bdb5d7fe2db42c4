// Python: Flask/Quart, FastAPI/Starlette, Django, Django REST framework, aiohttp, AWS Lambda
// handlers, http.HTTPStatus, and pytest / unittest / Django test assertions. One walk over
// the tree collects what each later step needs; the steps only look near the nodes collected.
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, HandlerFacts, ResponseFacts, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { constantFor } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { intLiteral, spanOf } from '../syntax';
import { collect, fnStart, type Collected } from './collect';
import { constantOf } from './constants';
import { contextOf, type ContextEnv, type PyContext } from './contexts';
import { isDrfCreateWithLocation, registrationOf, routeOfFunction, type RouteInfo } from './handlers';
import { addImport, emptyImports, frameworksOf, importEditFor, recordImport, vocabularyUses, type ImportTable } from './imports';
import { calleeOf, callArgs, classOf, enclosingFunction, sameNode } from './nodes';
import { responseForContext, type ResponseEnv } from './responses';
import { decoratorResponse, implicitResponse, type ImplicitEnv } from './returns';
import { slotAt } from './slot';
import { setStatusEdit } from './statusEdits';

interface Handler {
  fn: Node;
  info: RouteInfo;
  facts: HandlerFacts;
}

function findHandlers(c: Collected, django: boolean): Handler[] {
  const registered = new Map<string, RouteInfo>();
  for (const call of c.calls) {
    const r = registrationOf(call);
    if (r && !registered.has(r.name)) registered.set(r.name, r.info);
  }
  const out: Handler[] = [];
  for (const fn of c.functions) {
    const name = fn.childForFieldName('name')?.text ?? '';
    let info = routeOfFunction(fn) ?? (classOf(fn) ? undefined : registered.get(name));
    // A Django function view: its first parameter is the request.
    const first = fn.childForFieldName('parameters')?.namedChild(0);
    if (!info && django && !classOf(fn) && (first?.text === 'request' || first?.childForFieldName('name')?.text === 'request' || /^request\s*:/.test(first?.text ?? ''))) info = { kind: 'route', methods: [] };
    if (!info) continue;
    const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    out.push({ fn, info, facts: { span: spanOf(holder), method: info.method, route: info.route, calls: [] } });
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
    for (const call of c.calls) {
      if (call.startIndex < h.fn.startIndex) continue;
      if (call.startIndex >= h.fn.endIndex) break;
      const n = calleeOf(call).name;
      if (n) h.facts.calls.push(n);
    }
  }
  return out;
}

/** Django and aiohttp classes that fix the code: the call (or raise) they appear in is the response. */
function classContext(node: Node): PyContext | undefined {
  const parent = node.parent;
  if (parent?.type === 'call' && sameNode(parent.childForFieldName('function'), node)) return { role: 'response', form: `${node.text}()`, carrier: parent, kind: 'call' };
  if (parent?.type === 'raise_statement' && sameNode(parent.namedChild(0), node)) return { role: 'response', form: `raise ${node.text}`, carrier: parent, kind: 'raise' };
  return undefined;
}

function extract(input: AdapterInput): DocumentModel {
  const model = emptyModel(input.languageId);
  if (!input.tree) return model;
  const { text } = input;
  const c = collect(input, model);
  const fw = frameworksOf(c.imports);
  model.vocabularies = vocabularyUses(c.imports, fw);
  const handlers = findHandlers(c, fw.django);
  model.handlers = handlers.map((h) => h.facts);
  const handlerFns = new Set(handlers.map((h) => h.fn.startIndex));
  const handlerOf = (offset: number): number | undefined => {
    let best: number | undefined;
    model.handlers.forEach((h, i) => {
      if (h.span.start <= offset && offset < h.span.end && (best === undefined || h.span.start >= model.handlers[best].span.start)) best = i;
    });
    return best;
  };

  // Status sites: numbers in a status context; constants anywhere.
  const env: ContextEnv = { fw, isHandler: (fn) => handlerFns.has(fn.startIndex) };
  const found: { site: StatusSite; ctx?: PyContext }[] = [];
  for (const n of c.numbers) {
    const code = intLiteral(n.text);
    const ctx = code === undefined ? undefined : contextOf(n, env);
    if (code === undefined || !ctx || (ctx.weak && (code < 100 || code > 599))) continue;
    found.push({ site: { code, span: spanOf(n), kind: 'number', role: ctx.role, form: ctx.form }, ctx });
  }
  for (const n of c.constants) {
    const k = constantOf(n, c.imports, fw);
    if (!k) continue;
    const ctx = contextOf(n, env) ?? (k.vocabulary === 'django' || k.vocabulary === 'aiohttp' ? classContext(n) : undefined);
    found.push({ site: { code: k.code, span: spanOf(n), kind: 'constant', vocabulary: k.vocabulary, name: k.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? n.text }, ctx });
  }
  found.sort((a, b) => a.site.span.start - b.site.span.start);

  const renv: ResponseEnv = { text, quote: c.quote, fw, scope: c.scope, returns: c.returns, returnsIn: (fn) => c.returnsByFn.get(fn.startIndex) ?? [], fnStartOf: fnStart };
  const created = (node: Node, code: number, facts: ResponseFacts) => {
    const fn = enclosingFunction(node);
    if (code === 201 && fn && isDrfCreateWithLocation(fn)) facts.helper ??= 'created';
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
      const fn = f.ctx.carrier.parent?.parent?.childForFieldName('definition');
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
  const root = input.tree?.rootNode;
  for (let i = 0; root && i < root.namedChildCount; i++) {
    const n = root.namedChild(i);
    if (n && /^(import_statement|import_from_statement|future_import_statement)$/.test(n.type)) recordImport(n, table);
  }
  return table;
}

export const pythonAdapter: LanguageAdapter = {
  id: 'python',
  languageIds: ['python'],
  grammarFor: () => 'python',
  extract,
  slotAt,
  importEdit(input, vocabulary) {
    if (!input.tree) return undefined;
    const table = topLevelImports(input);
    return importEditFor(table, frameworksOf(table), input.text, vocabulary);
  },
};
