// One top-level statement of a JavaScript/TypeScript file into its facts: comments, status
// sites with their responses, implicit 200s, route handlers. Its text is searched for the places
// a status, a route or a response can be (candidates.ts); only those places are read from the
// tree, with the path above each, instead of walking every node of the statement.
import type { Node, Tree } from '../../parsing/treeSitter';
import type { CommentFact, HandlerFacts, ResponseFacts, StatusSite } from '../../model';
import { lookupConstant } from '../../data';
import { statusEdit } from '../edits';
import { intLiteral } from '../syntax';
import { findCandidates } from './candidates';
import type { Frameworks } from './frameworks';
import { registerCode, releaseCode } from './code';
import { enclosingFunction } from './branches';
import { calleeParts, contextOf, type StatusContext } from './contexts';
import { implicitResponse } from './implicit';
import { lex } from './lexer';
import { exported, nestHandlers, route, type HandlerAt } from './handlers';
import { methodOf } from './nest';
import { bindTree, endOf, field, kids, memoed, parentOf, releaseTree, setMemo, textOf, typeOf } from './nodes';
import { responseFor } from './responses';
import { PathSeeker } from './seek';

/**
 * The method at `at` belongs to a model SDK's namespace (`openai.chat.completions.create`,
 * `anthropic.messages.create`, `openai.embeddings.create`): it asks for generated output, and stores
 * no resource of this API.
 */
function asksAModel(text: string, at: number): boolean {
  return MODEL_NAMESPACE.test(text.slice(Math.max(0, at - 40), at));
}

// `messages` alone is also an app's own table (`db.messages.create`): only Anthropic's client by name.
const MODEL_NAMESPACE = /(?:^|[^\w$])(?:completions|embeddings|moderations|transcriptions|translations|speech|anthropic\s*\.\s*messages)\s*\??\.\s*$/;

export interface UnitEnv {
  text: string;
  uri: string;
  quote: string;
  /** The file uses restify, whose `res.send(err)` takes its status from the error. */
  restify: boolean;
  /** The frameworks the file uses (frameworks.ts). */
  fw: Frameworks;
  tree: Tree;
}

/** A response and the offset that tells which handler it belongs to. */
export interface PlacedResponse {
  facts: ResponseFacts;
  at: number;
  /** The edits' results depend on this statement's text alone (see reuse.ts). */
  local: boolean;
}

export interface UnitFacts {
  comments: CommentFact[];
  /** Sorted by start. */
  sites: StatusSite[];
  /** The responses set by sites, in site order; `facts.site` indexes `sites`. */
  siteResponses: PlacedResponse[];
  /** Implicit 200s of `res.json(x)`-like calls, then of Koa's `ctx.body = x`. */
  implicit: PlacedResponse[];
  koa: PlacedResponse[];
  /** Sorted by start; `routeMethods` is filled in for the whole file later. */
  handlers: HandlerFacts[];
  /** Methods registered for a path whose handler is defined elsewhere (for Allow). */
  routes: { route: string; method: string }[];
}

/** Where no status is read: what the lexer blanks. */
const OPAQUE = new Set(['string', 'template_string', 'regex', 'comment']);

/** The vocabulary a member expression's object names, e.g. `StatusCodes` -> http-status-codes. */
function constantOf(node: Node): { vocabulary: string; name: string; code: number } | undefined {
  const type = typeOf(node);
  if (type === 'member_expression') {
    const prop = field(node, 'property');
    const obj = field(node, 'object');
    if (!prop || !obj) return undefined;
    const name = textOf(prop);
    const objName = typeOf(obj) === 'member_expression' ? textOf(field(obj, 'property')) : textOf(obj);
    const vocabulary = objName === 'StatusCodes' ? 'http-status-codes' : objName === 'HttpStatus' ? 'nestjs' : objName === 'constants' && name.startsWith('HTTP_STATUS_') ? 'node-http2' : undefined;
    if (!vocabulary) return undefined;
    const hit = lookupConstant(vocabulary, name);
    return hit ? { vocabulary, name, code: hit.code } : undefined;
  }
  if (type === 'identifier' && textOf(node).startsWith('HTTP_STATUS_')) {
    const hit = lookupConstant('node-http2', textOf(node));
    return hit ? { vocabulary: 'node-http2', name: textOf(node), code: hit.code } : undefined;
  }
  return undefined;
}

/**
 * True when `node` sits inside a string, template, regex or comment below `root`. The answer is
 * kept for every node passed on the way up (candidates deep in one nest climb it once).
 */
function insideOpaque(node: Node, root: Node): boolean {
  const passed: Node[] = [];
  let inside = false;
  for (let n = parentOf(node); n && n.id !== root.id; n = parentOf(n)) {
    const known = memoed(n, 'opaque');
    if (known.has) {
      inside = known.value as boolean;
      break;
    }
    if (OPAQUE.has(typeOf(n))) {
      inside = true;
      break;
    }
    passed.push(n);
  }
  for (const n of passed) setMemo(n, 'opaque', inside);
  return inside;
}

/** Nodes of `types` under `root` in source order, not looking inside strings, templates, regexes, comments. */
function collect(root: Node, types: ReadonlySet<string>): Node[] {
  const out: Node[] = [];
  const cursor = root.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (types.has(type)) out.push(cursor.currentNode);
      if (!(OPAQUE.has(type) && cursor.currentNode.id !== root.id) && cursor.gotoFirstChild()) continue;
      for (;;) {
        if (cursor.gotoNextSibling()) break;
        if (!cursor.gotoParent()) return out;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * The facts of one top-level statement of `env.tree` (ending at `end` when the caller knows).
 * What is read from the tree is kept only while the statement is analysed: short-lived, so the
 * garbage collector has little to carry.
 */
export function extractUnit(env: UnitEnv, unit: Node, end?: number): UnitFacts {
  return extractUnitAt(env, unit.startIndex, end ?? unit.endIndex, () => unit, false);
}

/**
 * The facts of the top-level statement spanning [start, end), whose node `nodeOf` gives: asked
 * for only when the statement's text holds a place to look at (most statements hold none).
 * `exact` when the file has no syntax error.
 */
export function extractUnitAt(env: UnitEnv, start: number, end: number, nodeOf: () => Node, exact: boolean): UnitFacts {
  let node: Node | undefined;
  const unit = () => {
    if (!node) {
      node = nodeOf();
      bindTree(env.tree, env.text, node, end, true, exact);
    }
    return node;
  };
  try {
    return analyse(env, start, end, unit);
  } finally {
    if (node) releaseTree(env.tree);
    releaseCode(env.tree);
  }
}

function analyse(env: UnitEnv, start: number, end: number, unitNode: () => Node): UnitFacts {
  const { text, quote } = env;
  const facts: UnitFacts = { comments: [], sites: [], siteResponses: [], implicit: [], koa: [], handlers: [], routes: [] };
  const lexed = lex(text, start, end);
  // JSX text is no JavaScript: there the tree finds the comments and every place is checked.
  const jsx = lexed.jsx;
  if (jsx) {
    for (const c of collect(unitNode(), new Set(['comment']))) facts.comments.push({ span: { start: c.startIndex, end: endOf(c) }, text: textOf(c) });
  } else {
    registerCode(env.tree, start, end, lexed.code);
    for (const c of lexed.comments) facts.comments.push({ span: c, text: text.slice(c.start, c.end) });
  }
  const candidates = findCandidates(jsx ? text.slice(start, end) : lexed.code, text, start);
  if (!candidates.length) return facts;

  const unit = unitNode();
  const seeker = new PathSeeker(unit);
  const found: { site: StatusSite; ctx?: StatusContext; value: Node }[] = [];
  const seen = new Set<number>();
  const implicitCalls: Node[] = [];
  const koaBodies: Node[] = [];
  const methods: Node[] = [];
  const handlerFns: HandlerAt[] = [];

  for (const c of candidates) {
    let node = seeker.at(c.start, c.end);
    if (!node || seen.has(node.id) || (jsx && insideOpaque(node, unit))) continue;
    switch (c.kind) {
      case 'number': {
        if (node.startIndex !== c.start || typeOf(node) !== 'number') break;
        // The candidate is the whole number (nothing of a name or a number follows it).
        const code = intLiteral(text.slice(c.start, c.end));
        const ctx = code === undefined ? undefined : contextOf(node, env.fw);
        if (ctx) found.push({ site: { code: code!, span: { start: c.start, end: c.end }, kind: 'number', role: ctx.role, form: ctx.form }, ctx, value: node });
        break;
      }
      case 'constant':
      case 'http2': {
        if (typeOf(node) === 'property_identifier') node = parentOf(node) ?? node;
        const k = constantOf(node);
        if (!k || seen.has(node.id)) break;
        seen.add(node.id);
        const ctx = contextOf(node, env.fw);
        found.push({ site: { code: k.code, span: { start: node.startIndex, end: endOf(node) }, kind: 'constant', vocabulary: k.vocabulary, name: k.name, role: ctx?.role ?? 'reference', form: ctx?.form ?? k.name }, ctx, value: node });
        break;
      }
      case 'route':
      case 'implicit': {
        const call = typeOf(node) === 'arguments' ? parentOf(node) : undefined;
        if (!call || typeOf(call) !== 'call_expression') break;
        if (c.kind === 'route') route(call, handlerFns, facts.routes);
        else if (isImplicitCandidate(call)) implicitCalls.push(call);
        break;
      }
      case 'koa': {
        const assignment = parentOf(node);
        if (typeOf(node) === 'member_expression' && typeOf(assignment) === 'assignment_expression' && field(assignment, 'left')?.id === node.id && /^(ctx|context)\.body$/.test(textOf(node))) koaBodies.push(assignment!);
        break;
      }
      case 'nest': {
        const method = typeOf(node) === 'decorator' ? methodOf(node).method : undefined;
        if (method && !methods.some((m) => m.id === method.id)) methods.push(method);
        break;
      }
      case 'export':
        exported(node, env.uri, handlerFns);
        break;
    }
  }
  for (const m of methods) nestHandlers(m, handlerFns);

  // Handlers: sorted (stable), with the names they call.
  handlerFns.sort((a, b) => a.facts.span.start - b.facts.span.start);
  for (const h of handlerFns) {
    const { start: hs, end: he } = h.facts.span;
    if (jsx) {
      for (const call of collect(h.fn, new Set(['call_expression']))) {
        const n = calleeParts(call).name;
        const callee = field(call, 'function');
        if (n && callee && !(n === 'create' && asksAModel(text, endOf(callee) - n.length))) h.facts.calls.push(n);
      }
    } else {
      for (const k of lexed.calls) if (k.at >= hs && k.at < he && !(k.name === 'create' && asksAModel(text, k.at))) h.facts.calls.push(k.name);
    }
    facts.handlers.push(h.facts);
  }

  // Status sites in source order; each response-setting site gets its response.
  const handlerStarts = new Set(handlerFns.map((h) => h.fn.startIndex));
  found.sort((a, b) => a.site.span.start - b.site.span.start);
  for (const f of found) {
    const index = facts.sites.length;
    facts.sites.push(f.site);
    if (f.site.role !== 'response' || !f.ctx) continue;
    const r = responseFor({ text, value: f.value, carrier: f.ctx.carrier, quote, handlerStarts, framework: f.ctx.framework });
    r.site = index;
    const site = f.site;
    r.edits.setStatus = (code) => statusEdit(site, code, text);
    facts.siteResponses.push({ facts: withoutIdleRedact(r), at: site.span.start, local: editsAreLocal(f.ctx.carrier) });
  }

  // Implicit 200s (implicit.ts): res.json(x), c.json(x), NextResponse.json(x), Koa's ctx.body = x.
  const implicitInput = { text, quote, handlerStarts, restify: env.restify };
  implicitCalls.sort((a, b) => a.startIndex - b.startIndex);
  for (const node of implicitCalls) {
    const r = implicitResponse(node, implicitInput);
    if (r) facts.implicit.push({ facts: withoutIdleRedact(r), at: node.startIndex, local: editsAreLocal(node) });
  }
  for (const node of koaBodies) {
    const r = implicitResponse(node, implicitInput);
    if (r) facts.koa.push({ facts: withoutIdleRedact(r), at: node.startIndex, local: editsAreLocal(node) });
  }
  return facts;
}

/**
 * Whether the edits of a response read only its own statement: not so for NestJS's @HttpCode
 * (adding @Header extends the file's import) or outside any function (the redaction looks at
 * the statements around it for a log call).
 */
function editsAreLocal(carrier: Node): boolean {
  return typeOf(parentOf(carrier)) !== 'decorator' && enclosingFunction(carrier) !== undefined;
}

/** A body that leaks nothing has nothing to redact: no edit to offer (or to compute). */
function withoutIdleRedact(r: ResponseFacts): ResponseFacts {
  if (!r.body?.leak && !r.body?.rawErrorMessage && 'redactBody' in r.edits) {
    // A copy without it (`delete` would turn the object into a slow dictionary).
    const { redactBody: _, ...edits } = r.edits;
    r.edits = edits;
  }
  return r;
}

/** `res.json(x)` and the like: one argument, a receiver that is a response object. */
function isImplicitCandidate(call: Node): boolean {
  const { name, receiver } = calleeParts(call);
  if (!receiver || kids(field(call, 'arguments')).length !== 1) return false;
  const r = textOf(receiver);
  if ((name === 'json' || name === 'send') && typeOf(receiver) === 'identifier' && /^(res|response)$/.test(r)) return true;
  return name === 'json' && /^(c|ctx|context|NextResponse|Response)$/.test(r);
}
