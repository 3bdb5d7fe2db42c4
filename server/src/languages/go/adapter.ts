// Go: net/http (ServeMux with Go 1.22 patterns, httptest), Gin, Echo, Fiber, chi and
// gorilla/mux, with testify and httpexpect in tests. One walk over the tree collects what the
// rest needs; responses, handlers and implicit 200s are then read from those nodes.
import { inAncestry, knownParent, withAncestry } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { constantFor, lookupConstant } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { statusEdit } from '../edits';
import { intLiteral, namedArgs, spanOf } from '../syntax';
import { visitTypes } from '../visit';
import { FunctionIndex, functionsAround, useFunctionIndex } from './functions';
import { calleeParts, contextOf, isContextReceiver, rememberCalleeName, type GoFileInfo, type StatusContext } from './contexts';
import { collectHandlers, handlerAt, hasHandlerSignature, registrationsIn, type FnRef, type RegistrationData } from './handlers';
import { importsPath } from './imports';
import { lineStarts, rememberUnits, reusableUnits, splice, unitKey, type ModelUnits, type Part } from '../reuse';
import { implicitResponse, notFoundResponse, type ImplicitCandidate } from './implicit';
import { frameworkOf, rememberCallRanges, rootName, type Framework, type HeaderSet } from './headers';
import { responseFor } from './responses';
import { scopeOf } from './statements';
import { goImportEdit, goSlotAt, rememberMethods } from './slots';
import { partitionPoint } from '../sorted';

/** `http.StatusConflict` (or `fiber.StatusConflict`, same names) as a go-http constant. */
function constantOf(node: Node, info: GoFileInfo): { name: string; code: number } | undefined {
  const operand = node.childForFieldName('operand');
  const field = node.childForFieldName('field')?.text;
  if (!field || operand?.type !== 'identifier' || (operand.text !== info.httpName && operand.text !== info.fiberName)) return undefined;
  const hit = lookupConstant('go-http', field);
  return hit ? { name: field, code: hit.code } : undefined;
}

/** The node types the walk looks at (strings and runes hold nothing of ours, and are not asked for). */
const VISITED = ['comment', 'import_spec', 'int_literal', 'selector_expression', 'call_expression', 'short_var_declaration', 'assignment_statement', 'function_declaration', 'method_declaration', 'func_literal'];
const STATUS_SELECTOR = /^[A-Za-z_]\w*\s*\.\s*Status[A-Z]\w*$/;
/** Callee names visitCall acts on (headers set, bodies written, http.NotFound). */
const CALL_NAMES = new Set(['Set', 'Add', 'Header', 'Append', 'Location', 'JSON', 'SendString', 'NotFound', 'Encode', 'Write']);

/** The last name of a selector callee, read from the source text: `Encode` in json.NewEncoder(w).Encode. */
function lastName(text: string, start: number, end: number): string {
  return /\.\s*([A-Za-z_]\w*)$/.exec(text.slice(Math.max(start, end - 48), end))?.[1] ?? '';
}

/**
 * Whether a number written at [start, end) sits where contextOf may find a status: an argument
 * (after `(` or `,`), a side of `==` / `!=`, a `case` value, or a keyed value (`StatusCode: 404`).
 */
function mayBeStatusPlace(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  const before = text[i];
  if (before === '(' || before === ',' || before === ':') return true;
  if (before === '=' && (text[i - 1] === '=' || text[i - 1] === '!')) return true;
  if (before === 'e' && /\bcase$/.test(text.slice(Math.max(0, i - 4), i + 1))) return true;
  let j = end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return (text[j] === '=' || text[j] === '!') && text[j + 1] === '=';
}

/** A header name from its argument: "Retry-After", or echo.HeaderRetryAfter / fiber.HeaderLocation. */
function headerName(arg: Node | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.type === 'interpreted_string_literal' || arg.type === 'raw_string_literal') return arg.text.slice(1, -1).toLowerCase();
  const field = arg.type === 'selector_expression' ? arg.childForFieldName('field')?.text : undefined;
  if (!field?.startsWith('Header') || field.length <= 6) return undefined;
  return field.slice(6).replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** What a top-level declaration contributes to the file-level facts, kept to reuse its facts. */
interface GoUnit {
  /** The name of a function or method declaration. */
  name?: string;
  /** Its route registrations, `at` from its start. */
  registrations: RegistrationData[];
  /** httptest recorders it declares, and those declared before it. */
  recorders: string[];
  recordersBefore: string;
  /** Whether it writes a status as a constant (the file then writes new statuses so). */
  constants: boolean;
}

/** The file-level facts functions are analysed with: equal in two versions, a function's facts are too. */
interface GoContextKey {
  imports: string;
  registrations: string;
  names: string;
  constants: boolean;
  logImports: string;
}

/**
 * Top-level declarations reused when their text is found again. Not imports (they make the
 * file-level facts), nor statements that are top-level only in a broken file, whose facts read
 * their neighbours (an `if err != nil` looks for the assignment before it).
 */
const REUSABLE = new Set(['function_declaration', 'method_declaration', 'type_declaration', 'var_declaration', 'const_declaration', 'comment']);

/** One top-level declaration, with its node when it is analysed. */
type GoPart = Part<GoUnit> & { node?: Node };

/**
 * A Go file into the model. After an edit, the top-level declarations (functions, methods,
 * types, variables, comments) whose text did not change keep their facts from the previous
 * model (../reuse.ts), when the file-level facts they were analysed with (imports, route
 * registrations, function names, recorders declared before them, whether the file writes
 * constants, its log imports) are the same; otherwise the whole file is analysed again.
 */
function extract(input: AdapterInput): DocumentModel {
  const { text, tree } = input;
  if (!tree) return emptyModel(input.languageId);
  const previous = reusableUnits<GoUnit, GoContextKey>(input.previous, input.uri, input.languageId);
  const parts: GoPart[] = [];
  const lineOf = lineStarts(text);
  const cursor = tree.walk();
  try {
    if (cursor.gotoFirstChild()) {
      do {
        const part: GoPart = { start: cursor.startIndex, end: cursor.endIndex };
        parts.push(part);
        const textKey = REUSABLE.has(cursor.nodeType) ? unitKey(text, lineOf(part.start), part.start, part.end) : undefined;
        if (textKey !== undefined) {
          const key = `${cursor.nodeTypeId}:${textKey}`;
          part.reused = previous?.units.get(key);
          // The same text parses the same: a declaration reused had no syntax error when it was analysed.
          if (part.reused) {
            part.key = key;
            continue;
          }
          part.node = cursor.currentNode;
          if (!part.node.hasError) part.key = key;
        } else if (previous) {
          part.node = cursor.currentNode;
        }
      } while (cursor.gotoNextSibling());
    }
  } finally {
    cursor.delete();
  }
  if (previous && parts.some((p) => p.reused)) {
    const a = analyse(input, parts);
    const model = a && finish(input, a, parts, previous);
    if (model) return model;
  }
  for (const p of parts) delete p.reused;
  const a = analyse(input, parts)!;
  return finish(input, a, parts, undefined) ?? a.model;
}

function finish(input: AdapterInput, a: GoAnalysis, parts: GoPart[], previous: ModelUnits<GoUnit, GoContextKey> | undefined): DocumentModel | undefined {
  const { context } = a;
  if (previous && (context.imports !== previous.context.imports || context.registrations !== previous.context.registrations || context.names !== previous.context.names || context.constants !== previous.context.constants || context.logImports !== previous.context.logImports)) return undefined;
  const out = splice(a.model, parts, input.previous, input.text, wholeLater(input));
  if (!out) return undefined;
  const { model, records } = out;
  model.vocabularies = a.model.vocabularies;
  model.frameworks = a.model.frameworks;
  const units: ModelUnits<GoUnit, GoContextKey> = { uri: input.uri, languageId: input.languageId, text: input.text, context, units: new Map(), all: records };
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
function wholeLater(input: AdapterInput): () => DocumentModel | undefined {
  const current: AdapterInput = { uri: input.uri, languageId: input.languageId, text: input.text, tree: input.tree };
  return () =>
    withAncestry(current.tree!, () => {
      const parts: GoPart[] = [];
      const cursor = current.tree!.walk();
      try {
        if (cursor.gotoFirstChild()) {
          do parts.push({ start: cursor.startIndex, end: cursor.endIndex });
          while (cursor.gotoNextSibling());
        }
      } finally {
        cursor.delete();
      }
      return analyse(current, parts)?.model;
    });
}

interface GoAnalysis {
  model: DocumentModel;
  context: GoContextKey;
}

/**
 * Analyses the top-level declarations of `parts` not reused; of the reused ones, only what the
 * file-level facts need is read (their registrations, names, recorders). Undefined when a
 * reused function was analysed with other recorders than it would be now.
 */
function analyse(input: AdapterInput, parts: GoPart[]): GoAnalysis | undefined {
  const { text, tree } = input;
  const model = emptyModel(input.languageId);
  const info: GoFileInfo = { httpName: 'http', echoName: 'echo', fiberName: 'fiber', recorders: new Set() };
  const frameworks = new Set<Framework>();
  let netHttp = false;
  const calls: Node[] = [];
  const found: { site: StatusSite; ctx?: StatusContext; call?: Node }[] = [];
  const functions = new Map<string, FnRef[]>();
  const signatures: FnRef[] = [];
  const headerSets: HeaderSet[] = [];
  const candidates: ImplicitCandidate[] = [];
  const addHeader = (root: string | undefined, arg: Node | undefined, at: Node) => {
    const name = headerName(arg);
    if (root && arg) headerSets.push({ root, header: name ? { name, span: spanOf(arg) } : undefined, at: at.startIndex, node: at, scope: scopeOf(at) });
  };

  // Filled as the visit meets functions (outer before inner), so lookups during the visit work too.
  const fnIndex = new FunctionIndex();
  useFunctionIndex(tree!, fnIndex);
  /** Registrations of the reused functions, merged with the fresh ones. */
  const reusedRegistrations: RegistrationData[] = [];
  let reusedConstants = false;
  let stale = false;
  let part = -1;
  /** Moves `part` to the top-level declaration holding `offset`, reading the reused ones passed on the way. */
  const enterPart = (offset: number) => {
    while (part + 1 < parts.length && parts[part + 1].start <= offset) {
      part++;
      const p = parts[part];
      const before = [...info.recorders].sort().join(',');
      if (!p.reused) {
        p.data = { registrations: [], recorders: [], recordersBefore: before, constants: false };
        continue;
      }
      const u = p.reused.data;
      if (u.recordersBefore !== before) stale = true;
      for (const r of u.recorders) info.recorders.add(r);
      reusedConstants ||= u.constants;
      if (u.name !== undefined) functions.set(u.name, [...(functions.get(u.name) ?? []), { start: p.start, end: p.end, name: u.name }]);
      for (const r of u.registrations) reusedRegistrations.push({ ...r, at: r.at + p.start });
    }
  };
  // The calls the visit is inside, innermost last, with their ends. A status is most often an
  // argument: its parent (the argument list) and that one's (the call) are linked here, where the
  // call is at hand, so contextOf need not find them by descending from the root (../ancestry.ts).
  const openCalls: { node: Node; end: number }[] = [];
  /** Where each call's callee ends and the call ends, parallel to `calls` (see rememberCallRanges). */
  const callRanges = { after: [] as number[], end: [] as number[] };
  rememberCallRanges(calls, callRanges);
  const linkArgument = (value: Node) => {
    const start = value.startIndex;
    while (openCalls.length && openCalls[openCalls.length - 1].end <= start) openCalls.pop();
    const call = openCalls[openCalls.length - 1]?.node;
    // Only the innermost call can hold it as an argument of its own.
    const args = call?.childForFieldName('arguments');
    if (!call || !args) return;
    for (const a of args.namedChildren) {
      if (a?.id !== value.id) continue;
      knownParent(value, args);
      knownParent(args, call);
      return;
    }
  };
  const unitOf = (offset: number): GoUnit | undefined => {
    enterPart(offset);
    return parts[part]?.data;
  };
  const enter = (node: Node, type: string): boolean | void => {
    switch (type) {
      case 'comment':
        model.comments.push({ span: spanOf(node), text: node.text.trimEnd() });
        return false;
      case 'import_spec': {
        const path = node.childForFieldName('path')?.text.slice(1, -1) ?? '';
        const alias = node.childForFieldName('name')?.text;
        if (path === 'net/http') {
          netHttp = true;
          info.httpName = alias ?? 'http';
        } else if (/(^|\/)gin-gonic\/gin(\.v\d+)?$/.test(path)) frameworks.add('gin');
        else if (/(^|\/)labstack\/echo(\/v\d+)?$/.test(path)) {
          frameworks.add('echo');
          info.echoName = alias ?? 'echo';
        } else if (/(^|\/)gofiber\/fiber(\/v\d+)?$/.test(path)) {
          frameworks.add('fiber');
          info.fiberName = alias ?? 'fiber';
        }
        return false;
      }
      case 'int_literal': {
        // Sizes, indexes and shifts far outnumber statuses: read the neighbours in the text first.
        if (!mayBeStatusPlace(text, node.startIndex, node.endIndex)) return false;
        const code = intLiteral(node.text);
        if (code !== undefined) linkArgument(node);
        const ctx = code === undefined ? undefined : contextOf(node, info);
        if (ctx && code !== undefined) found.push({ site: { code, span: spanOf(node), kind: 'number', role: ctx.role, form: ctx.form }, ctx });
        return false;
      }
      case 'selector_expression': {
        // Most selectors are fields and methods; only a short `pkg.StatusX` can be a constant.
        if (node.endIndex - node.startIndex > 64 || !STATUS_SELECTOR.test(text.slice(node.startIndex, node.endIndex))) return;
        const c = constantOf(node, info);
        if (!c) return;
        linkArgument(node);
        const ctx = contextOf(node, info);
        found.push({ site: { code: c.code, span: spanOf(node), kind: 'constant', vocabulary: 'go-http', name: c.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? `${info.httpName}.${c.name}` }, ctx });
        return false;
      }
      case 'call_expression': {
        calls.push(node);
        const end = node.endIndex;
        while (openCalls.length && openCalls[openCalls.length - 1].end <= node.startIndex) openCalls.pop();
        openCalls.push({ node, end });
        // The callee's last name, read from the text: most calls are none of those visitCall acts on.
        const fn = node.childForFieldName('function');
        const type = fn?.type;
        const fnEnd = fn ? fn.endIndex : node.startIndex;
        callRanges.after.push(fnEnd);
        callRanges.end.push(end);
        const name = type === 'identifier' ? text.slice(fn!.startIndex, fnEnd) : type === 'selector_expression' ? lastName(text, fn!.startIndex, fnEnd) : undefined;
        rememberCalleeName(node, name, type === 'selector_expression' ? fn!.startIndex : -1);
        if (type === 'selector_expression' && CALL_NAMES.has(name!)) visitCall(node);
        return;
      }
      case 'short_var_declaration': {
        // rr := httptest.NewRecorder(): rr.Code is a status from here on.
        const right = namedArgs(node.childForFieldName('right'));
        if (right.length === 1 && /^httptest\.NewRecorder$/.test(right[0].childForFieldName('function')?.text ?? '')) {
          for (const l of namedArgs(node.childForFieldName('left'))) {
            info.recorders.add(l.text);
            unitOf(node.startIndex)?.recorders.push(l.text);
          }
        }
        return;
      }
      case 'assignment_statement': {
        // w.Header()["Location"] = []string{u}
        const left = namedArgs(node.childForFieldName('left'))[0];
        const operand = left?.type === 'index_expression' ? left.childForFieldName('operand') : undefined;
        if (operand?.type === 'call_expression' && calleeParts(operand).name === 'Header') addHeader(rootName(operand), left!.childForFieldName('index') ?? undefined, node);
        return;
      }
      case 'function_declaration':
      case 'method_declaration': {
        fnIndex.add(node);
        const name = node.childForFieldName('name')?.text;
        const ref: FnRef = { start: node.startIndex, end: node.endIndex, name };
        if (name) functions.set(name, [...(functions.get(name) ?? []), ref]);
        const u = unitOf(node.startIndex);
        if (u && name && parts[part].start === node.startIndex) u.name = name;
        if (hasHandlerSignature(node)) signatures.push(ref);
        return;
      }
      case 'func_literal':
        fnIndex.add(node);
        if (hasHandlerSignature(node)) signatures.push({ start: node.startIndex, end: node.endIndex });
        return;
      default:
        return;
    }
  };
  // The fresh declarations, each searched inside the parser; a run of them all at once.
  if (parts.every((p) => !p.reused)) {
    visitTypes(tree!, VISITED, (node, type) => {
      enterPart(node.startIndex);
      return enter(node, type);
    });
  } else {
    for (const p of parts) {
      enterPart(p.start);
      if (p.reused) continue;
      let skipUntil = -1;
      for (const node of p.node?.descendantsOfType(VISITED) ?? []) {
        if (!node || node.startIndex < skipUntil) continue;
        if (enter(node, node.type) === false) skipUntil = node.endIndex;
      }
    }
  }
  enterPart(Number.MAX_SAFE_INTEGER);
  if (stale) return undefined;

  function visitCall(node: Node): void {
    const { name, receiver } = calleeParts(node);
    if (!name || !receiver) return;
    const args = namedArgs(node.childForFieldName('arguments'));
    if ((name === 'Set' || name === 'Add') && receiver.type === 'call_expression' && calleeParts(receiver).name === 'Header' && args.length === 2) {
      addHeader(rootName(receiver), args[0], node);
    } else if (receiver.type === 'identifier' && isContextReceiver(receiver)) {
      const fw = frameworkOf(node, receiver.text, frameworks);
      if (name === 'Header' && args.length === 2 && fw === 'gin') addHeader(receiver.text, args[0], node);
      else if ((name === 'Set' || name === 'Append') && args.length >= 2 && fw === 'fiber') addHeader(receiver.text, args[0], node);
      else if (name === 'Location' && args.length === 1 && fw === 'fiber') headerSets.push({ root: receiver.text, header: { name: 'location', span: spanOf(node) }, at: node.startIndex, node, scope: scopeOf(node) });
      else if ((name === 'JSON' || name === 'SendString') && args.length === 1 && fw === 'fiber') candidates.push({ call: node, target: receiver.text, kind: 'fiber' });
    }
    if (receiver.text === info.httpName && name === 'NotFound' && args.length === 2) {
      found.push({ site: { code: 404, span: spanOf(node), kind: 'implicit', role: 'response', form: `${info.httpName}.NotFound()` }, call: node });
    }
    // Body writes straight to a ResponseWriter parameter: an implicit 200 unless a status came first.
    const target = name === 'Encode' && receiver.type === 'call_expression' && /^(json|xml)\.NewEncoder$/.test(receiver.childForFieldName('function')?.text ?? '')
      ? namedArgs(receiver.childForFieldName('arguments'))[0]
      : name === 'Write' && receiver.type === 'identifier' ? receiver : undefined;
    if (target?.type === 'identifier' && isWriterParam(target)) candidates.push({ call: node, target: target.text, kind: 'writer' });
  }

  // Handlers first, so each response can name its handler.
  const fresh = registrationsIn(calls);
  const registrations = reusedRegistrations.length ? [...fresh, ...reusedRegistrations.map((data) => ({ data }))].sort((x, y) => x.data.at - y.data.at) : fresh;
  const { handlers, methodsByName } = collectHandlers(registrations, calls, functions, signatures);
  // Those of reused functions are copied from the previous model.
  const reusedAt = (offset: number) => {
    const p = parts[partitionPoint(parts.length, (i) => parts[i].start <= offset) - 1];
    return !!p?.reused && offset < p.end;
  };
  model.handlers = reusedRegistrations.length || parts.some((p) => p.reused) ? handlers.filter((h) => !reusedAt(h.span.start)) : handlers;
  rememberMethods(input.uri, methodsByName);

  found.sort((a, b) => a.site.span.start - b.site.span.start);
  const usesConstants = reusedConstants || found.some((f) => f.site.kind === 'constant');
  const statusText = (code: number) => {
    const name = usesConstants && (netHttp || frameworks.has('fiber')) ? constantFor('go-http', code) : undefined;
    return name ? `${netHttp ? info.httpName : info.fiberName}.${name}` : String(code);
  };
  const implicitInput = { calls, headerSets, text, tree, httpName: info.httpName, statusText };
  let lastEnd = -1;
  for (const f of found) {
    if (f.site.span.start < lastEnd) continue;
    lastEnd = f.site.span.end;
    const index = model.sites.length;
    model.sites.push(f.site);
    if (f.site.role !== 'response') continue;
    const facts = f.call ? notFoundResponse(f.call, implicitInput) : f.ctx ? responseFor({ text, tree, ctx: f.ctx, calls, headerSets, frameworks, httpName: info.httpName }) : undefined;
    if (!facts) continue;
    const site = f.site;
    facts.site = index;
    facts.handler = handlerAt(model.handlers, site.span.start);
    if (site.kind !== 'implicit') facts.edits.setStatus = (code) => statusEdit(site, code, text);
    site.response = model.responses.length;
    model.responses.push(facts);
  }
  for (const cand of candidates) {
    const facts = implicitResponse(cand, implicitInput);
    if (!facts) continue;
    facts.handler = handlerAt(model.handlers, cand.call.startIndex);
    model.responses.push(facts);
  }
  model.frameworks = [...(netHttp ? ['net/http'] : []), ...frameworks, ...(/"github\.com\/go-chi\/chi/.test(text.slice(0, 20_000)) ? ['chi'] : []), ...(/"github\.com\/gorilla\/mux"/.test(text.slice(0, 20_000)) ? ['gorilla'] : [])];
  if (netHttp) model.vocabularies.push({ vocabulary: 'go-http', form: `${info.httpName}.NAME`, imported: true });
  else if (frameworks.has('fiber')) model.vocabularies.push({ vocabulary: 'go-http', form: `${info.fiberName}.NAME`, imported: true });

  // What each fresh declaration contributes to the file-level facts.
  let p = 0;
  for (const { data } of fresh) {
    while (p < parts.length - 1 && parts[p].end <= data.at) p++;
    const u = parts[p]?.data;
    if (u && !parts[p].reused && parts[p].start <= data.at) u.registrations.push({ ...data, at: data.at - parts[p].start });
  }
  p = 0;
  for (const f of found) {
    if (f.site.kind !== 'constant') continue;
    while (p < parts.length - 1 && parts[p].end <= f.site.span.start) p++;
    if (parts[p]?.data && !parts[p].reused) parts[p].data!.constants = true;
  }
  const nameCounts = [...functions].map(([name, fns]) => `${name}:${fns.length}`).sort();
  const context: GoContextKey = {
    imports: JSON.stringify([netHttp, info.httpName, info.echoName, info.fiberName, [...frameworks].sort()]),
    registrations: JSON.stringify(registrations.map(({ data: r }) => [r.method, r.route, r.name ?? null])),
    names: nameCounts.join(','),
    constants: usesConstants,
    logImports: `${importsPath(text, 'log/slog')},${importsPath(text, 'log')}`,
  };
  return { model, context };
}

/** A parameter of type http.ResponseWriter in the functions around `id`. */
function isWriterParam(id: Node): boolean {
  const name = id.text;
  return functionsAround(id).some((f) => f.params().some((p) => /ResponseWriter$/.test(p.type) && p.names.includes(name)));
}

export const goAdapter: LanguageAdapter = {
  id: 'go',
  languageIds: ['go'],
  grammarFor: () => 'go',
  extract: inAncestry(extract),
  slotAt: inAncestry(goSlotAt),
  importEdit: goImportEdit,
};
