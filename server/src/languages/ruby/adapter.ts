// Ruby: Rails controllers and tests (Minitest, RSpec), Sinatra / Grape / Roda routes and plain
// Rack apps. One walk over the tree collects the candidates; the rest works on those lists.
import { inAncestry } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { DocumentModel, HandlerFacts, ResponseFacts, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import { lookupConstant } from '../../data';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { statusEdit } from '../edits';
import { Enclosing } from '../enclosing';
import { intLiteral, spanOf } from '../syntax';
import { branchOf, rescueHandlerName, scopeOf } from './branches';
import { contextOf, type StatusContext } from './contexts';
import { hiddenMethodStarts, methodRoute, routeBlock, type HandlerRoute } from './handlers';
import { headerStatement } from './headers';
import { ByScope, RACK_BEFORE_3_1, appendArg, responseFor, statementInsert, statusLiteral, type RubyDocument } from './responses';
import { rackBefore31 } from './rackVersion';
import { answeredValues, isSinatraFile } from './sinatra';
import { slotAt } from './slot';
import { callArgs, callName, containerOf, pairsByKey, isResponseObject, receiverOf, stringValue } from './syntax';
import { parentOf, typeOf, walkWithParents } from '../parents';
import { firstStartingAfter } from '../sorted';

interface Found {
  site: StatusSite;
  ctx: StatusContext;
  value: Node;
}

const BODY_KEYS = ['json', 'plain', 'xml', 'html', 'body'];
/** Receiver-less calls that answer, give a body or set a status: the others need no arguments read. */
const STATEMENT_CALLS = new Set(['render', 'redirect_to', 'json', 'body', 'status']);
/** Tokens and subtrees the walk never needs as nodes (identifiers are half of a Ruby tree). */
const SKIP = new Set(['identifier', 'constant', 'instance_variable', 'class_variable', 'hash_key_symbol', 'string_content', 'escape_sequence', 'self', 'nil', 'true', 'false', 'float', 'method_parameters', 'block_parameters', 'lambda_parameters']);

function extract(input: AdapterInput): DocumentModel {
  const { text, tree } = input;
  const model = emptyModel(input.languageId);
  if (!tree) return model;
  const found: Found[] = [];
  const calls: { start: number; name: string }[] = [];
  const handlerNodes: { node: Node; route: HandlerRoute }[] = [];
  const rescueNames = new Set<string>();
  const rescueBlocks = new Set<number>();
  const routeBlocks = new Set<number>();
  const implicit: Node[] = [];
  const statusSetters: Node[] = [];
  const sinatra = isSinatraFile(text);
  /** Sinatra route blocks, and every `return` of the file: what a block returns is its response. */
  const sinatraRoutes: Node[] = [];
  const returns: Node[] = [];
  const doc: RubyDocument = { text, quote: "'", symbols: true, oldNames: false, headerStatements: new ByScope(), bodyStatements: new ByScope() };
  let quoteSeen = false;
  const hiddenMethods = new Set<number>();

  walkWithParents(tree, (node, type) => {
    switch (type) {
      case 'comment':
        model.comments.push({ span: spanOf(node), text: node.text });
        return false;
      case 'string': {
        if (!quoteSeen && (node.text.startsWith("'") || node.text.startsWith('"'))) {
          doc.quote = node.text[0];
          quoteSeen = true;
        }
        // expect(response.code).to eq('409'): Rails gives the code as a string.
        const value = stringValue(node);
        const code = value !== undefined && /^\d{3}$/.test(value) ? Number(value) : undefined;
        const ctx = code !== undefined ? contextOf(node) : undefined;
        if (ctx && code !== undefined && ctx.role !== 'response') found.push({ site: { code, span: spanOf(node), kind: 'string', role: ctx.role, form: ctx.form }, ctx, value: node });
        return false;
      }
      case 'heredoc_body':
      case 'regex':
      case 'string_array':
      case 'symbol_array':
      case 'delimited_symbol':
        return false;
      case 'integer': {
        const code = intLiteral(node.text.replace(/_/g, ''));
        const ctx = code !== undefined ? contextOf(node) : undefined;
        if (ctx && code !== undefined) found.push({ site: { code, span: spanOf(node), kind: 'number', role: ctx.role, form: ctx.form }, ctx, value: node });
        return false;
      }
      case 'simple_symbol': {
        const name = node.text.slice(1);
        const hit = lookupConstant('rack', name);
        const ctx = hit ? contextOf(node) : undefined;
        if (ctx && hit) found.push({ site: { code: hit.code, span: spanOf(node), kind: 'symbol', vocabulary: 'rack', name, role: ctx.role, form: ctx.form }, ctx, value: node });
        return false;
      }
      case 'body_statement':
        // The walk steps over identifiers, so `private` / `protected` are read here, once per class.
        if (typeOf(parentOf(node)) === 'class') for (const start of hiddenMethodStarts(node)) hiddenMethods.add(start);
        return;
      case 'method': {
        const hidden = typeOf(parentOf(node)) === 'argument_list' || hiddenMethods.has(node.startIndex);
        const route = methodRoute(node, hidden);
        if (route) handlerNodes.push({ node, route });
        return;
      }
      case 'do_block':
      case 'block': {
        const route = routeBlock(node);
        if (route) {
          handlerNodes.push({ node, route });
          routeBlocks.add(node.id);
          if (sinatra && !receiverOf(parentOf(node)!)) sinatraRoutes.push(node);
          // Sinatra sends the block's last value as the body (a last `body x` registers its own argument).
          const last = node.childForFieldName('body')?.lastNamedChild;
          if (last && /^(hash|string|call|array)$/.test(typeOf(last)) && !(typeOf(last) === 'call' && !/^(to_json|json|erb|haml|slim)$/.test(callName(last) ?? ''))) {
            doc.bodyStatements.add(node.id, { start: last.startIndex, value: last });
          }
        }
        const owner = parentOf(node);
        if (owner && callName(owner) === 'rescue_from') rescueBlocks.add(node.id);
        return;
      }
      case 'call': {
        const name = callName(node);
        if (name) calls.push({ start: node.startIndex, name });
        const rescueName = name === 'rescue_from' ? rescueHandlerName(node) : undefined;
        if (rescueName) rescueNames.add(rescueName);
        collectStatement(node, name);
        return;
      }
      case 'assignment':
        collectStatement(node, undefined);
        return;
      case 'return':
        returns.push(node);
        return;
      default:
        return;
    }
  }, SKIP);

  function collectStatement(node: Node, name: string | undefined): void {
    const headers = headerStatement(node, name);
    const container = headers ? containerOf(node)?.container : undefined;
    if (headers && container) {
      doc.headerStatements.add(scope(node)?.id, { start: node.startIndex, node, containerStart: container.startIndex, containerEnd: container.endIndex, headers: headers.headers, unknown: headers.unknown });
    }
    if (typeOf(node) === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && callName(left) === 'body' && isResponseObject(receiverOf(left)) && right) doc.bodyStatements.add(scope(node)?.id, { start: node.startIndex, value: right });
      if (left && callName(left) === 'status' && isResponseObject(receiverOf(left))) statusSetters.push(node);
      return;
    }
    if (!name || !STATEMENT_CALLS.has(name) || receiverOf(node)) return;
    const args = callArgs(node);
    if (name === 'render' || name === 'redirect_to') {
      const pairs = pairsByKey(args);
      const body = BODY_KEYS.map((k) => pairs.get(k)?.childForFieldName('value')).find((v) => v);
      if (name === 'render' && body) doc.bodyStatements.add(scope(node)?.id, { start: node.startIndex, value: body });
      if (!pairs.has('status') && (body || name === 'redirect_to') && args.length) implicit.push(node);
    } else if (name === 'json' && args.length && args.every((a) => typeOf(a) === 'pair')) {
      // sinatra/json's `json error: 'x', code: 3`: the pairs are one hash (bodyFacts reads the call).
      doc.bodyStatements.add(scope(node)?.id, { start: node.startIndex, value: node });
    } else if ((name === 'json' || name === 'body') && args.length === 1 && !(name === 'body' && /^(false|nil)$/.test(typeOf(args[0])))) {
      // Grape's `body false` (and `body nil`) says there is no body: not a body statement.
      doc.bodyStatements.add(scope(node)?.id, { start: node.startIndex, value: args[0] });
    } else if (name === 'status' && args.length === 1) {
      statusSetters.push(node);
    }
  }

  // Both sets are complete for a block before anything inside it asks: the walk enters the block first.
  function isScopeBlock(block: Node): boolean {
    return routeBlocks.has(block.id) || rescueBlocks.has(block.id);
  }
  function scope(node: Node): Node | undefined {
    return scopeOf(node, isScopeBlock);
  }
  function isRescueHandler(s: Node | undefined): boolean {
    if (!s) return false;
    if (typeOf(s) === 'method') return rescueNames.has(s.childForFieldName('name')?.text ?? '');
    return rescueBlocks.has(s.id);
  }

  // Handlers, what they call, and the methods each route answers in this file.
  const routeMethods = new Map<string, Set<string>>();
  for (const { route } of handlerNodes) {
    if (route.route === undefined || !route.method) continue;
    const set = routeMethods.get(route.route) ?? new Set<string>();
    for (const m of [route.method, ...(route.also ?? [])]) set.add(m);
    routeMethods.set(route.route, set);
  }
  handlerNodes.sort((a, b) => a.node.startIndex - b.node.startIndex);
  for (const { node, route } of handlerNodes) {
    const facts: HandlerFacts = { span: spanOf(node), method: route.method, route: route.route, calls: [] };
    for (let k = firstStartingAfter(calls, node.startIndex); k < calls.length && calls[k].start < node.endIndex; k++) facts.calls.push(calls[k].name);
    if (route.route !== undefined && routeMethods.has(route.route)) facts.routeMethods = [...routeMethods.get(route.route)!];
    model.handlers.push(facts);
  }
  const enclosing = new Enclosing(model.handlers);
  const handlerOf = (offset: number) => enclosing.innermost(offset);

  found.sort((a, b) => a.site.span.start - b.site.span.start);
  const numbers = found.some((f) => f.site.kind === 'number' && f.site.role === 'response');
  doc.symbols = found.some((f) => f.site.kind === 'symbol') || !numbers;
  // The project's Gemfile.lock decides when it names Rack; otherwise the names the file already writes.
  const lockedBefore31 = rackBefore31(input.uri);
  doc.oldNames = lockedBefore31 ?? found.some((f) => f.site.kind === 'symbol' && f.site.name !== undefined && lookupConstant('rack', f.site.name)?.deprecated === true);

  for (const f of found) {
    const index = model.sites.length;
    model.sites.push(f.site);
    if (f.site.role !== 'response' || !f.ctx.kind) continue;
    const s = scope(f.ctx.carrier);
    const facts = responseFor(doc, { carrier: f.ctx.carrier, kind: f.ctx.kind, status: f.value, scope: s, branch: branchOf(f.ctx.carrier, s, isRescueHandler(s)) });
    facts.site = index;
    facts.handler = handlerOf(f.site.span.start);
    const site = f.site;
    facts.edits.setStatus = (code) => (site.kind === 'symbol' ? [{ start: site.span.start, end: site.span.end, newText: statusLiteral({ ...doc, symbols: true }, code) }] : statusEdit(site, code, text));
    f.site.response = model.responses.length;
    model.responses.push(facts);
  }

  // `render json: x` answers 200 and `redirect_to url` 302 when no status is given.
  // ...unless a `status` / `response.status =` earlier in the same handler set one.
  const firstSetter = new Map<number | undefined, number>();
  for (const st of statusSetters) {
    const id = scope(st)?.id;
    firstSetter.set(id, Math.min(firstSetter.get(id) ?? Infinity, st.startIndex));
  }
  for (const call of implicit) {
    const s = scope(call);
    if ((firstSetter.get(s?.id) ?? Infinity) < call.startIndex) continue;
    const redirect = callName(call) === 'redirect_to';
    const facts: ResponseFacts = responseFor(doc, { carrier: call, kind: redirect ? 'redirect_to' : 'render', scope: s, branch: branchOf(call, s, isRescueHandler(s)) });
    facts.implicitStatus = redirect ? 302 : 200;
    facts.handler = handlerOf(call.startIndex);
    facts.edits.setStatus = (code) => appendArg(call, `status: ${statusLiteral(doc, code)}`);
    model.responses.push(facts);
  }
  // A Sinatra route block's JSON value answers 200 when no `status` came before it in the block.
  for (const block of sinatraRoutes) {
    for (const value of answeredValues(block, returns)) {
      if ((firstSetter.get(block.id) ?? Infinity) < value.startIndex) continue;
      const s = scope(value);
      if (s?.id !== block.id) continue;
      const facts: ResponseFacts = responseFor(doc, { carrier: value, kind: 'returned', scope: s, branch: branchOf(value, s, false) });
      facts.implicitStatus = 200;
      facts.handler = handlerOf(value.startIndex);
      // Sinatra 1's `status` takes a number only: a symbol only where the file writes them.
      facts.edits.setStatus = (code) => statementInsert(text, value, `status ${statusLiteral({ ...doc, symbols: found.some((f) => f.site.kind === 'symbol') }, code)}`);
      model.responses.push(facts);
    }
  }
  model.responses.sort((a, b) => a.span.start - b.span.start);
  model.responses.forEach((r, i) => {
    if (r.site !== undefined) model.sites[r.site].response = i;
  });
  if (found.some((f) => f.site.kind === 'symbol') || (lockedBefore31 && doc.symbols)) {
    model.vocabularies.push({ vocabulary: 'rack', form: ':NAME', imported: true, names: doc.oldNames ? RACK_BEFORE_3_1 : undefined, ...(lockedBefore31 ? { lockedOldNames: true } : {}) });
  }
  model.frameworks = frameworksOf(text, found);
  return model;
}

/** The frameworks a Ruby file visibly uses, from its requires, base classes and call forms. */
function frameworksOf(text: string, found: Found[]): string[] {
  const out: string[] = [];
  const forms = new Set(found.map((f) => f.ctx.kind));
  if (/\b(ActionController|ApplicationController|ActionDispatch|ApplicationRecord|ActiveRecord|Rails\.)/.test(text) || forms.has('render') || forms.has('redirect_to') || forms.has('head')) out.push('rails');
  if (/require\s*\(?\s*['"]sinatra|Sinatra::(Base|Application)/.test(text)) out.push('sinatra');
  if (/\bGrape::API\b/.test(text)) out.push('grape');
  if (/\bRack::/.test(text) || forms.has('triple')) out.push('rack');
  if (/\bRSpec\.|require\s+['"](rails|spec)_helper['"]/.test(text)) out.push('rspec');
  if (/\b(Minitest::|ActiveSupport::TestCase|ActionDispatch::IntegrationTest)/.test(text)) out.push('minitest');
  return out;
}

export const rubyAdapter: LanguageAdapter = {
  id: 'ruby',
  languageIds: ['ruby'],
  grammarFor: () => 'ruby',
  extract: inAncestry(extract),
  slotAt: inAncestry(slotAt),
  // Rack's symbols need no import.
  importEdit: () => undefined,
};
