// C#: ASP.NET Core controllers (StatusCode(), Ok() / NotFound() / Conflict() helpers, ObjectResult),
// minimal APIs (app.MapPost, Results / TypedResults), middleware writing Response.StatusCode, the
// response attributes, and xUnit / NUnit / MSTest / FluentAssertions / Shouldly in tests.
// One walk over the tree collects the candidates; the rest works on them.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { DocumentModel, ResponseFacts, StatusSite } from '../../model';
import { emptyModel } from '../../model';
import type { AdapterInput, LanguageAdapter } from '../adapter';
import { intLiteral, spanOf } from '../syntax';
import { followsValueToken, tokenAt, walkWanted } from '../typedWalk';
import { constantOf, CsUsings, importEdit, vocabularyUses } from './constants';
import { contextOf, type StatusContext } from './contexts';
import { actionHandler, mapRegistration, noteGroup, type CsHandler, type Groups } from './handlers';
import { HEADER_CALLS, headerWrite, type CsResponseInput, type HeaderWrite } from './headers';
import { HELPER_NAMES, helperOf, type HelperCall } from './helpers';
import { calleeName, callParts, enclosingFunction, lastSegment, sameNode } from './nodes';
import { helperResponse, resultObjectResponse, statusCallResponse } from './responses';
import { csharpSlotAt } from './slot';
import { assignmentResponse, plainReturn } from './statements';
import { parentOf, withAncestry } from '../ancestry';
import { nodesStartingIn } from '../sorted';
import { Enclosing } from '../enclosing';
import { placeHandlers } from '../handlerFacts';

interface Found {
  site: StatusSite;
  ctx?: StatusContext;
  helper?: HelperCall;
  call?: Node;
}

/**
 * The node types the walk looks at. Interpolated strings only to skip what they hold; constants
 * (`StatusCodes.Status404NotFound`) are found from the text instead: few member accesses are
 * statuses, and every node read from the tree is a call into wasm.
 */
const WANTED = new Set(['interpolated_string_expression', 'comment', 'using_directive', 'integer_literal', 'invocation_expression', 'assignment_expression', 'method_declaration', 'local_function_statement', 'return_statement']);

function extract(input: AdapterInput): DocumentModel {
  return input.tree ? withAncestry(input.tree, () => extractFrom(input, input.tree!)) : emptyModel(input.languageId);
}

function extractFrom(input: AdapterInput, tree: Tree): DocumentModel {
  const { text } = input;
  const model = emptyModel(input.languageId);
  const usings = new CsUsings();
  const usedForms = new Map<string, string>();
  const calls: Node[] = [];
  const returns: Node[] = [];
  const writes: HeaderWrite[] = [];
  const found: Found[] = [];
  const handlers: CsHandler[] = [];
  const groups: Groups = new Map();
  const functionsByName = new Map<string, Node>();
  const methodGroups: { name: string; facts: CsHandler['facts']; methods: string[] }[] = [];

  /** A constant at `node`, which ends at `end` (where the regex match ends: no call into wasm for it). */
  const addConstant = (node: Node, end: number) => {
    const c = constantOf(node);
    if (!c) return false;
    const ctx = contextOf(node);
    const span = { start: node.startIndex, end };
    const site: StatusSite = { code: c.code, span, kind: 'constant', vocabulary: c.vocabulary, name: c.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? c.name };
    if (ctx?.accepts) site.accepts = ctx.accepts;
    found.push({ site, ctx });
    const written = text.slice(span.start, span.end).replace(/\s+/g, '');
    if (!usedForms.has(c.vocabulary)) usedForms.set(c.vocabulary, written.slice(0, written.length - c.name.length) + 'NAME');
    return true;
  };

  walkWanted(tree, WANTED, (node) => {
    switch (node.type) {
      case 'interpolated_string_expression':
        return false;
      case 'comment':
        model.comments.push({ span: spanOf(node), text: node.text });
        return false;
      case 'using_directive':
        usings.add(node.text);
        return false;
      case 'integer_literal': {
        if (!followsValueToken(text, node.startIndex)) return false;
        const code = intLiteral(tokenAt(text, node.startIndex));
        const ctx = code === undefined ? undefined : contextOf(node, code);
        if (ctx && code !== undefined) {
          const site: StatusSite = { code, span: spanOf(node), kind: 'number', role: ctx.role, form: ctx.form };
          if (ctx.accepts) site.accepts = ctx.accepts;
          found.push({ site, ctx });
        }
        return false;
      }
      case 'invocation_expression': {
        calls.push(node);
        // Most calls are none of ours: the method name turns them away before any other reading.
        const name = calleeName(node)?.text ?? '';
        const helper = HELPER_NAMES.has(name) ? helperOf(node) : undefined;
        if (helper) found.push({ site: { code: helper.code, span: spanOf(helper.nameNode), kind: 'implicit', role: 'response', form: `${helper.owner ? `${helper.owner}.` : ''}${helper.name}()` }, helper, call: node });
        if (name === 'MapGroup') noteGroup(node, groups);
        const reg = /^Map[A-Z]/.test(name) ? mapRegistration(node, groups) : undefined;
        if (reg) {
          const facts = { span: spanOf(reg.handler), method: reg.method, route: reg.route, calls: [] as string[] };
          if (reg.handler.type === 'lambda_expression') handlers.push({ node: reg.handler, facts, methods: [reg.method], action: false });
          else methodGroups.push({ name: lastSegment(reg.handler.text), facts, methods: [reg.method] });
        }
        const w = HEADER_CALLS.test(name) ? headerWrite(node) : undefined;
        if (w) writes.push(w);
        return;
      }
      case 'assignment_expression': {
        const w = headerWrite(node);
        if (w) writes.push(w);
        return;
      }
      case 'method_declaration':
      case 'local_function_statement': {
        const name = node.childForFieldName('name')?.text;
        if (name) functionsByName.set(name, node);
        // Attributes open the declaration: without one it is no action (and reading it costs calls into wasm).
        const h = node.type === 'method_declaration' && text[node.startIndex] === '[' ? actionHandler(node) : undefined;
        if (h) handlers.push(h);
        return;
      }
      case 'return_statement':
        returns.push(node);
        return;
      default:
        return;
    }
  });

  // Constants, from the text; the tree says whether each is code (not a comment or a string) and where it stands.
  const root = tree.rootNode;
  for (const m of text.matchAll(/\b(StatusCodes|HttpStatusCode)\s*\.\s*(Status\d{3}\w*|[A-Z]\w*)/g)) {
    const id = root.descendantForIndex(m.index! + m[0].length - m[2].length);
    const access = id?.type === 'identifier' ? parentOf(id) : null;
    if (access?.type === 'member_access_expression' && sameNode(access.childForFieldName('name'), id)) addConstant(access, m.index! + m[0].length);
  }
  // `using static Microsoft.AspNetCore.Http.StatusCodes;` makes a bare `Status404NotFound` one.
  if (/using\s+static\s+[\w.]*StatusCodes\s*;/.test(text)) {
    for (const m of text.matchAll(/(?<![\w.])Status\d{3}\w*/g)) {
      const id = root.descendantForIndex(m.index!);
      if (id?.type === 'identifier' && id.startIndex === m.index && parentOf(id)?.type !== 'member_access_expression') addConstant(id, m.index! + m[0].length);
    }
  }

  // Minimal API handlers given as method groups: app.MapGet("/x", GetTodos).
  const handlerFns = new Set<number>();
  for (const g of methodGroups) {
    const fn = functionsByName.get(g.name);
    if (fn) handlers.push({ node: fn, facts: { ...g.facts, span: spanOf(fn) }, methods: g.methods, action: false });
    if (fn) handlerFns.add(fn.id);
  }
  handlers.sort((a, b) => a.facts.span.start - b.facts.span.start);
  placeHandlers(model, handlers, (start, end) => nodesStartingIn(calls, start, end).map((c) => callParts(c).name));
  const enclosing = new Enclosing(model.handlers);
  const handlerOf = (offset: number) => enclosing.innermost(offset);

  const rin: CsResponseInput = { text, writes, calls, handlerFns };
  found.sort((a, b) => a.site.span.start - b.site.span.start);
  for (const f of found) {
    const last = model.sites[model.sites.length - 1];
    if (last && f.site.span.start < last.span.end) continue;
    const index = model.sites.length;
    model.sites.push(f.site);
    const facts = f.site.role === 'response' ? responseOf(f, rin) : undefined;
    if (!facts) continue;
    facts.site = index;
    facts.handler = handlerOf(f.site.span.start);
    f.site.response = model.responses.length;
    model.responses.push(facts);
  }

  // Plain values returned by actions and minimal API lambdas: the framework answers 200.
  for (const h of handlers) {
    const body = h.node.childForFieldName('body');
    const values: Node[] = [];
    if (body && body.type !== 'block') values.push(body.type === 'arrow_expression_clause' ? body.namedChild(0)! : body);
    for (const r of nodesStartingIn(returns, h.node.startIndex, h.node.endIndex)) {
      const value = r.namedChild(0);
      if (value && enclosingFunction(r)?.id === h.node.id) values.push(value);
    }
    for (const v of values) {
      const facts = v ? plainReturn(v, h.node, h.action, rin) : undefined;
      if (!facts) continue;
      facts.handler = handlerOf(v.startIndex);
      model.responses.push(facts);
    }
  }
  model.vocabularies = vocabularyUses(usings, usedForms);
  return model;
}

function responseOf(f: Found, input: CsResponseInput): ResponseFacts | undefined {
  if (f.helper && f.call) return helperResponse(f.call, f.helper, input);
  const carrier = f.ctx?.carrier;
  if (!carrier) return undefined;
  if (carrier.type === 'invocation_expression') return statusCallResponse(carrier, f.site, input);
  if (carrier.type === 'object_creation_expression') return resultObjectResponse(carrier, f.site, input);
  // Response.StatusCode = 401 (not RejectionStatusCode = 429, which has no response of its own here).
  if (carrier.type === 'assignment_expression' && /(^|\.)StatusCode$/.test(carrier.childForFieldName('left')?.text ?? '')) {
    return assignmentResponse(carrier, f.site, input);
  }
  return undefined;
}

export const csharpAdapter: LanguageAdapter = {
  id: 'csharp',
  languageIds: ['csharp'],
  grammarFor: () => 'c-sharp',
  extract,
  slotAt: (input, offset) => (input.tree ? withAncestry(input.tree, () => csharpSlotAt(input, offset)) : csharpSlotAt(input, offset)),
  importEdit: (input, vocabulary) => importEdit(input.text, input.tree, vocabulary),
};
