// Python: Flask/Quart, FastAPI/Starlette, Django, Django REST framework, aiohttp, AWS Lambda
// handlers, http.HTTPStatus, and pytest / unittest / Django test assertions. One walk over
// the tree collects what each later step needs; the steps only look near the nodes collected.
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, HandlerFacts, ResponseFacts, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { constantFor } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { intLiteral, spanOf } from '../syntax';
import { collect, fnAt, type Collected, type TopCursor } from './collect';
import { constantOf } from './constants';
import { latestBinding } from './headers';
import { contextOf, type ContextEnv, type PyContext } from './contexts';
import { isDrfCreateWithLocation, registrationOf, routeOfFunction, type RouteInfo } from './handlers';
import { addImport, emptyImports, frameworksOf, importEditFor, recordImport, vocabularyUses, type Frameworks, type ImportTable } from './imports';
import { calleeOf, callArgs, sameNode } from './nodes';
import { responseForContext, type ResponseEnv } from './responses';
import { decoratorResponse, implicitResponse, type ImplicitEnv } from './returns';
import { slotAt } from './slot';
import { setStatusEdit } from './statusEdits';
import { inAncestry, parentOf, withAncestry } from '../ancestry';
import { lineStarts, rememberUnits, reusableUnits, splice, unitKey, type ModelUnits, type Part, type UnitRecord } from '../reuse';
import { partitionPoint } from '../sorted';

/** Index of the first item starting at or after `offset` (items sorted by start). */
function firstAtOrAfter(items: readonly ({ startIndex: number } | { start: number })[], offset: number): number {
  return partitionPoint(items.length, (i) => {
    const it = items[i];
    return ('startIndex' in it ? it.startIndex : it.start) < offset;
  });
}

interface Handler {
  fn: Node;
  info: RouteInfo;
  facts: HandlerFacts;
}

/** Route registrations that name a function, with where their call starts, in source order. */
type Registration = { at: number; name: string; info: RouteInfo };

function findHandlers(c: Collected, django: boolean, registrations: Registration[]): Handler[] {
  const registered = new Map<string, RouteInfo>();
  for (const r of registrations) if (!registered.has(r.name)) registered.set(r.name, r.info);
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
  for (const h of out) {
    handlerMethods.set(h.facts, h.info.methods);
    // Calls in the body only: the route decorator's own call is not something the handler does.
    for (let i = firstAtOrAfter(c.calls, h.fn.startIndex); i < c.calls.length; i++) {
      if (c.calls[i].startIndex >= h.fn.endIndex) break;
      const n = c.callNames[i];
      if (n && !(n === 'create' && isSdkCall(c.calls[i], c.imports))) h.facts.calls.push(n);
    }
  }
  return out;
}

/**
 * Third-party SDKs whose `.create()` makes something at the vendor (a payment intent, a
 * completion), not a resource of this API: stripe.PaymentIntent.create, client.chat.completions.create,
 * openai.ChatCompletion.create, and in a file that imports anthropic, client.messages.create.
 */
const SDK_RECEIVERS = /^(stripe|openai|anthropic)\.|(^|\.)(completions|embeddings)$/;

function isSdkCall(call: Node, imports: ImportTable): boolean {
  const receiver = calleeOf(call).receiver ?? '';
  return SDK_RECEIVERS.test(receiver) || (/(^|\.)messages$/.test(receiver) && [...imports.modules].some((m) => /^anthropic(\.|$)/.test(m)));
}

/** Every method each handler's registration accepts (routeMethods is the union over a route's handlers). */
const handlerMethods = new WeakMap<HandlerFacts, string[]>();

/** The methods registered for each handler's route in this file (for Allow), in handler order. */
function addRouteMethods(handlers: HandlerFacts[]): void {
  const routeMethods = new Map<string, Set<string>>();
  for (const h of handlers) {
    if (h.route === undefined) continue;
    const s = routeMethods.get(h.route) ?? new Set<string>();
    for (const m of handlerMethods.get(h) ?? []) s.add(m);
    routeMethods.set(h.route, s);
  }
  for (const h of handlers) if (h.route !== undefined) h.routeMethods = [...(routeMethods.get(h.route) ?? [])];
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

/** What the analysis of some of a file's top-level statements found, beyond the model. */
interface Analysis {
  model: DocumentModel;
  c: Collected;
  /** Registrations of the statements analysed. */
  registrations: Registration[];
  /** Where a response outside any function looked up names bound at module level. */
  moduleLookups: number[];
  /** The file's imports, frameworks and registrations, as compared between versions. */
  fw: Frameworks;
}

/**
 * Analyses the top-level statements `skip` does not leave out. `registrations` and `strings`
 * are those of the statements left out (reused), which the file-level facts need.
 */
function analyse(input: AdapterInput, skip?: (cursor: TopCursor) => boolean, skipped?: () => { registrations: Registration[]; single: number; double: number }): Analysis {
  const model = emptyModel(input.languageId);
  const { text } = input;
  const c = collect(input.tree!, text, model, skip);
  const left = skipped?.();
  if (left) {
    let single = left.single;
    let double = left.double;
    for (const t of c.tops) {
      single += t.single;
      double += t.double;
    }
    c.quote = single > double ? "'" : '"';
  }
  const fw = frameworksOf(c.imports);
  model.vocabularies = vocabularyUses(c.imports, fw);
  const registrations: Registration[] = [];
  for (let i = 0; i < c.calls.length; i++) {
    const r = registrationOf(c.calls[i], c.callNames[i]);
    if (r) registrations.push({ at: c.calls[i].startIndex, ...r });
  }
  const allRegistrations = left?.registrations.length ? [...registrations, ...left.registrations].sort((a, b) => a.at - b.at) : registrations;
  const handlers = findHandlers(c, fw.django, allRegistrations);
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

  const moduleLookups: number[] = [];
  const fnStartOf = (node: Node) => {
    const start = fnAt(c.fns, node.startIndex)?.node.startIndex ?? -1;
    if (start < 0) moduleLookups.push(node.startIndex);
    return start;
  };
  const renv: ResponseEnv = { text, quote: c.quote, fw, scope: c.scope, returns: c.returns, returnsIn: (fn) => c.returnsByFn.get(fn.startIndex) ?? [], fnStartOf };
  const httpAuth = [...c.imports.modules].some((m) => /^flask_httpauth(\.|$)/.test(m));
  const libraryHeaders = (node: Node, code: number, facts: ResponseFacts) => {
    if (code !== 201 && !(code === 401 && httpAuth)) return;
    const fn = fnAt(c.fns, node.startIndex);
    if (code === 201 && fn && isDrfCreateWithLocation(fn.node, fn)) facts.helper ??= 'created';
    // Flask-HTTPAuth wraps an `@auth.error_handler` callback and adds WWW-Authenticate to what it returns.
    const handler = code === 401 ? fn?.holder?.namedChildren.find((d) => d?.type === 'decorator' && /^@\s*[\w.]+\.error_handler\s*$/.test(d.text)) : undefined;
    if (handler) facts.headers.push({ name: 'www-authenticate', span: spanOf(handler) });
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
    libraryHeaders(f.ctx.carrier, site.code, facts);
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
  addRouteMethods(model.handlers);
  return { model, c, registrations, moduleLookups, fw };
}

/** What a top-level statement contributes to the file-level facts, kept to reuse its facts. */
interface PyUnit {
  /** Its registrations, `at` from the statement's start. */
  registrations: Registration[];
  single: number;
  double: number;
  moduleNames: boolean;
  /** The methods of each of its handlers. */
  methods: string[][];
}

/** The file-level facts statements are analysed with: equal in two versions, a statement's facts are too. */
interface PyContextKey {
  imports: string;
  registrations: string;
  quote: string;
}

/**
 * Top-level statements never reused: imports make the file-level facts. (A statement with an
 * import inside, or a response outside functions, is analysed afresh every time too: see finish.)
 */
const ALWAYS_FRESH = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

function contextKey(a: Analysis, registrations: Registration[]): PyContextKey {
  const t = a.c.imports;
  return {
    imports: JSON.stringify([[...t.modules].sort(), [...t.names].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)), [...t.star].sort()]),
    registrations: JSON.stringify(registrations.map((r) => [r.name, r.info])),
    quote: a.c.quote,
  };
}

/**
 * A Python file into the model. After an edit, the top-level statements (functions, classes,
 * assignments, comments) whose text did not change keep their facts from the previous model
 * (../reuse.ts), when the file-level facts they were analysed with (imports, route
 * registrations, the file's quote) are the same; otherwise the whole file is analysed again.
 */
function extract(input: AdapterInput): DocumentModel {
  if (!input.tree) return emptyModel(input.languageId);
  const previous = reusableUnits<PyUnit, PyContextKey>(input.previous, input.uri, input.languageId);
  return (previous && incremental(input, previous)) || whole(input);
}

/**
 * The top-level statements as the walk passes them, each keyed by its text when it may be
 * reused; with `reuse`, the statements found in it are left out of the walk.
 */
function partsWalk(text: string, parts: Part<PyUnit>[], reuse?: Map<string, UnitRecord<PyUnit>>): (cursor: TopCursor) => boolean {
  const lineOf = lineStarts(text);
  return (cursor) => {
    const part: Part<PyUnit> = { start: cursor.startIndex, end: cursor.endIndex };
    parts.push(part);
    if (ALWAYS_FRESH.has(cursor.nodeType)) return false;
    const textKey = unitKey(text, lineOf(part.start), part.start, part.end);
    if (textKey === undefined) return false;
    const key = `${cursor.nodeTypeId}:${textKey}`;
    const reused = reuse?.get(key);
    // The same text parses the same: a statement reused had no syntax error when it was analysed.
    if (reused) {
      part.key = key;
      part.reused = reused;
      return true;
    }
    if (!cursor.currentNode.hasError) part.key = key;
    return false;
  };
}

/** The whole file analysed, with its statements remembered for the next version. */
function whole(input: AdapterInput): DocumentModel {
  const parts: Part<PyUnit>[] = [];
  const a = analyse(input, partsWalk(input.text, parts));
  return finish(input, a, parts, a.registrations, undefined) ?? a.model;
}

/** Reuses the statements of `previous` found again; undefined when the file-level facts changed. */
function incremental(input: AdapterInput, previous: ModelUnits<PyUnit, PyContextKey>): DocumentModel | undefined {
  const parts: Part<PyUnit>[] = [];
  let moduleNames = false;
  const skipped = { registrations: [] as Registration[], single: 0, double: 0 };
  const a = analyse(input, partsWalk(input.text, parts, previous.units), () => {
    for (const p of parts) {
      const u = p.reused?.data;
      if (!u) continue;
      skipped.single += u.single;
      skipped.double += u.double;
      moduleNames ||= u.moduleNames;
      for (const r of u.registrations) skipped.registrations.push({ at: r.at + p.start, name: r.name, info: r.info });
    }
    return skipped;
  });
  if (!parts.some((p) => p.reused)) return finish(input, a, parts, a.registrations, undefined) ?? a.model;
  // A response outside any function reads names bound outside functions, some in statements not analysed.
  if (a.moduleLookups.length && moduleNames) return undefined;
  const registrations = [...a.registrations, ...skipped.registrations].sort((x, y) => x.at - y.at);
  return finish(input, a, parts, registrations, previous);
}

function finish(input: AdapterInput, a: Analysis, parts: Part<PyUnit>[], registrations: Registration[], previous: ModelUnits<PyUnit, PyContextKey> | undefined): DocumentModel | undefined {
  const context = contextKey(a, registrations);
  if (previous && (context.imports !== previous.context.imports || context.registrations !== previous.context.registrations || context.quote !== previous.context.quote)) return undefined;
  const { text } = input;
  // What each fresh statement contributes, and whether it may be reused next time.
  let t = 0;
  let r = 0;
  let m = 0;
  for (const p of parts) {
    if (p.reused) continue;
    while (t < a.c.tops.length && a.c.tops[t].start < p.start) t++;
    const top = a.c.tops[t];
    if (!top || top.start !== p.start) return undefined;
    const data: PyUnit = { registrations: [], single: top.single, double: top.double, moduleNames: top.moduleNames, methods: [] };
    while (r < a.registrations.length && a.registrations[r].at < p.start) r++;
    for (; r < a.registrations.length && a.registrations[r].at < p.end; r++) data.registrations.push({ ...a.registrations[r], at: a.registrations[r].at - p.start });
    while (m < a.moduleLookups.length && a.moduleLookups[m] < p.start) m++;
    // Imports inside, or a response that read module-level names: analysed afresh every time.
    if (top.imports || (m < a.moduleLookups.length && a.moduleLookups[m] < p.end)) delete p.key;
    p.data = data;
  }
  const out = splice(a.model, parts, input.previous, text, wholeLater(input));
  if (!out) return undefined;
  const { model, records } = out;
  model.vocabularies = a.model.vocabularies;
  records.forEach((rec, i) => {
    const old = parts[i].reused;
    if (old) {
      for (let h = rec.handlers[0]; h < rec.handlers[1]; h++) handlerMethods.set(model.handlers[h], old.data.methods[h - rec.handlers[0]] ?? []);
    } else {
      for (let h = rec.handlers[0]; h < rec.handlers[1]; h++) rec.data.methods.push(handlerMethods.get(model.handlers[h]) ?? []);
    }
  });
  if (previous) addRouteMethods(model.handlers);
  const units: ModelUnits<PyUnit, PyContextKey> = { uri: input.uri, languageId: input.languageId, text, context, units: new Map(), all: records };
  parts.forEach((p, i) => {
    if (p.key !== undefined) units.units.set(p.key, records[i]);
  });
  rememberUnits(model, units);
  return model;
}

/**
 * The whole file's analysis, for an edit asked of a copy later, outside this extract (with
 * parents remembered). Made apart so that it holds the text and tree only: holding the input
 * would hold the previous model, and through its copies every model before it.
 */
function wholeLater(input: AdapterInput): () => DocumentModel {
  const current: AdapterInput = { uri: input.uri, languageId: input.languageId, text: input.text, tree: input.tree };
  return () => withAncestry(current.tree!, () => analyse(current).model);
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
