// The responses of Elysia's `status(401, body)` and of h3's `createError({ statusCode })`,
// `setResponseStatus(event, 201)` and `sendRedirect(event, url, 302)` (frameworks.ts): their
// body and the headers the handler sets in the framework's own way.
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { unquote } from '../syntax';
import { bodyFacts, isEmptyBody } from './bodies';
import { enclosingFunction } from './branches';
import { calleeParts } from './contexts';
import { paramPatterns, shorthandNames } from './frameworks';
import { headersInFunction, objectHeaders } from './headers';
import { endOf, field, kids, parentOf, textOf, typeOf } from './nodes';
import { lineIndent } from './inits';
import { usesIn } from './uses';

function span(n: Node): { start: number; end: number } {
  return { start: n.startIndex, end: endOf(n) };
}

/** The statement `node` is part of (for an edit written before it). */
function statementOf(node: Node): Node {
  let n: Node = node;
  for (let p = parentOf(n); p && !/^(statement_block|program|switch_case|switch_default)$/.test(typeOf(p)); p = parentOf(p)) n = p;
  return n;
}

/**
 * Elysia: `status(401, body)`, `error(401, body)`, `ctx.status(401, body)`. The body is the
 * second argument; headers are what the handler writes to `set.headers` (the `set` of its
 * context, destructured or reached as `ctx.set`).
 */
export function elysiaResponse(facts: ResponseFacts, call: Node, caught: string | undefined, q: (s: string) => string, text: string): ResponseFacts {
  facts.span = span(call);
  const args = kids(field(call, 'arguments'));
  if (args[1]) {
    if (isEmptyBody(args[1])) facts.noBody = true;
    else facts.body = bodyFacts(args[1], caught);
  }
  const { receiver } = calleeParts(call);
  let setPath: string | undefined;
  let where: Node | undefined;
  for (let f = enclosingFunction(call); f && !setPath; f = enclosingFunction(f)) {
    for (const p of paramPatterns(f)) {
      if (shorthandNames(p).includes('set')) setPath = 'set';
      // `({ status, ...ctx })`: the rest of the context may be handed on, its headers unread.
      if (typeOf(p) === 'object_pattern' && kids(p).some((k) => typeOf(k) === 'rest_pattern')) facts.headersUnknown = true;
      else if (!setPath && receiver && typeOf(p) === 'identifier' && textOf(p) === textOf(receiver)) setPath = `${textOf(receiver)}.set`;
    }
    if (setPath) where = f;
  }
  if (setPath && where) {
    headersInFunction(where, setPath, call, facts);
    const stmt = statementOf(call);
    const indent = lineIndent(text, stmt.startIndex);
    const path = setPath;
    facts.edits.addHeader = (h, v) => [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${path}.headers[${q(h)}] = ${q(v)};\n${indent}` }];
  }
  return facts;
}

/** h3 calls that set headers on the event's response, with the argument that names them. */
const H3_HEADER_SETTERS = new Set(['setResponseHeader', 'setHeader', 'appendResponseHeader', 'appendHeader']);
const H3_HEADERS_SETTERS = new Set(['setResponseHeaders', 'setHeaders', 'appendResponseHeaders', 'appendHeaders']);
/** h3 calls handed the event that leave the response's headers as they are. */
const H3_READERS = new Set([
  'getQuery', 'getValidatedQuery', 'getRouterParam', 'getRouterParams', 'getValidatedRouterParams', 'readBody', 'readValidatedBody',
  'readRawBody', 'readFormData', 'readMultipartFormData', 'getHeader', 'getHeaders', 'getRequestHeader', 'getRequestHeaders',
  'getCookie', 'parseCookies', 'getMethod', 'isMethod', 'assertMethod', 'getRequestURL', 'getRequestHost', 'getRequestProtocol',
  'getRequestIP', 'getRequestPath', 'isPreflightRequest', 'setResponseStatus', 'useRuntimeConfig', 'useStorage',
]);
const EVENT_HANDLERS = /^(?:define(?:Cached)?EventHandler|eventHandler|defineNitroPlugin)$/;

/** True when `fn` is the handler passed to `defineEventHandler(...)` (directly or as `{ handler }`). */
function eventHandlerOf(fn: Node): boolean {
  let p = parentOf(fn);
  if (typeOf(p) === 'pair' && textOf(field(p, 'key')) === 'handler') p = parentOf(parentOf(p)!);
  if (typeOf(p) !== 'arguments') return false;
  const call = parentOf(p);
  return typeOf(call) === 'call_expression' && EVENT_HANDLERS.test(calleeParts(call!).name ?? '');
}

/**
 * h3 / Nuxt: the headers the handler sets on its event (`setResponseHeader(event, 'Location', url)`,
 * `setResponseHeaders(event, {...})`, `event.node.res.setHeader(...)`). A response made outside
 * the handler itself (a helper its caller runs after setting headers), or a handler that hands
 * its event to code other than h3's readers, has headers this file does not tell.
 */
export function h3Response(facts: ResponseFacts, call: Node): ResponseFacts {
  facts.span = span(call);
  const { name } = calleeParts(call);
  const args = kids(field(call, 'arguments'));
  if (name === 'sendRedirect') {
    facts.helper = 'redirect';
    facts.headers.push({ name: 'location', span: span(args[1] ?? call) });
  }
  const fn = enclosingFunction(call);
  const first = fn ? paramPatterns(fn)[0] : undefined;
  if (!fn || !eventHandlerOf(fn) || typeOf(first) !== 'identifier') {
    facts.headersUnknown = true;
    return facts;
  }
  const event = textOf(first);
  for (const c of usesIn(fn, event).passed) {
    if (c.startIndex === call.startIndex) continue;
    const n = calleeParts(c).name ?? '';
    const a = kids(field(c, 'arguments'));
    if (typeOf(a[0]) !== 'identifier' || textOf(a[0]) !== event) {
      facts.headersUnknown = true;
    } else if (H3_HEADER_SETTERS.has(n)) {
      if (typeOf(a[1]) === 'string') facts.headers.push({ name: unquote(textOf(a[1])).toLowerCase(), span: span(a[1]) });
      else facts.headersUnknown = true;
    } else if (H3_HEADERS_SETTERS.has(n)) {
      objectHeaders(a[1], facts);
    } else if (n === 'sendRedirect') {
      facts.headers.push({ name: 'location', span: span(c) });
    } else if (n === 'setCookie' || n === 'deleteCookie') {
      facts.headers.push({ name: 'set-cookie', span: span(c) });
    } else if (!H3_READERS.has(n) && n !== 'createError') {
      facts.headersUnknown = true;
    }
  }
  // Node's own response under the event: `event.node.res.setHeader('Location', url)` (read only
  // where it is used: a `{ handler }` option would count as a library's callback there).
  const node = usesIn(fn, `${event}.node.res`);
  if (node.calls.length || node.passed.length || node.assigned.length) headersInFunction(fn, `${event}.node.res`, call, facts);
  return facts;
}
