// A response in JavaScript: the chain or statements that set its status, body and headers,
// and the edits that change it in the framework's own way.
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts, Span } from '../../model';
import { unquote } from '../syntax';
import { bodyFacts, isEmptyBody } from './bodies';
import { branchOf, classifyCondition, enclosingFunction } from './branches';
import { calleeParts } from './contexts';
import { HEADER_METHODS, headersFromCall, headersInFunction, objectHeaders, objectKeys } from './headers';
import { nestResponse } from './nest';
import { redactEdits } from './redact';
import { endOf, exactShapes, field, kids, pairKeyText, parentOf, setField, textOf, typeOf } from './nodes';
import { usesIn } from './uses';
import { reachable } from './flow';
import { handedIn, paramNames } from './params';
import { addPair, keyText, lambdaResult, lineIndent, responseInit } from './inits';
import { elysiaResponse, h3Response } from './frameworkResponses';

// Kept here for the modules that have always imported them from this file.
export { branchOf, classifyCondition, enclosingFunction, objectKeys, addPair, keyText, lineIndent, responseInit };

const BODY_METHODS = new Set(['json', 'send', 'jsonp', 'end', 'render', 'sendFile', 'write', 'download']);
/** Body methods whose argument is serialised as JSON: a generic body stays an object. */
const JSON_METHODS = new Set(['json', 'jsonp']);

/** Outer calls chained on `call`: res.status(409).set(...).json(body). */
function chainAbove(call: Node): Node[] {
  const out: Node[] = [];
  const exact = exactShapes(call);
  let n = call;
  for (;;) {
    const member = parentOf(n);
    if (typeOf(member) !== 'member_expression') break;
    const next = parentOf(member);
    if (typeOf(next) !== 'call_expression') break;
    // What the climb shows need not be asked again: the first child is the first field.
    if (exact && member!.startIndex === next!.startIndex) setField(next!, 'function', member!);
    if (exact && n.startIndex === member!.startIndex) setField(member!, 'object', n);
    n = next!;
    out.push(n);
  }
  return out;
}

/** Inner calls the status call is chained on: `res.set(...)` in res.set(...).status(405). */
function chainBelow(call: Node): Node[] {
  const out: Node[] = [];
  let n = field(field(call, 'function'), 'object');
  while (n && typeOf(n) === 'call_expression') {
    out.push(n);
    n = field(field(n, 'function'), 'object');
  }
  return out;
}

/** The root receiver of a chain: `res` in res.status(1).json(x). */
function chainRoot(call: Node): Node | undefined {
  let n: Node | null | undefined = call;
  while (n && (typeOf(n) === 'call_expression' || typeOf(n) === 'member_expression')) {
    n = typeOf(n) === 'call_expression' ? field(n, 'function') : field(n, 'object');
  }
  return n ?? undefined;
}

/**
 * The function whose parameter `name` is (`res` of the middleware around a callback that sends
 * `res.status(503)`): headers it sets on `res` before or after reach the same response. `fn`
 * itself when no function around it takes `name`.
 */
function declaringFunction(fn: Node | undefined, name: string): Node | undefined {
  for (let f = fn; f; f = enclosingFunction(f)) if (paramNames(f).includes(name)) return f;
  return fn;
}

/**
 * A response bound to a name (`const res = NextResponse.json(body, { status: 401 })`): the
 * headers the function sets on that name (`res.headers.set('WWW-Authenticate', ...)`).
 */
function headersOnBinding(fn: Node | undefined, carrier: Node, facts: ResponseFacts): void {
  let n: Node | null = parentOf(carrier);
  while (n && (typeOf(n) === 'await_expression' || typeOf(n) === 'parenthesized_expression')) n = parentOf(n);
  const name = typeOf(n) === 'variable_declarator' ? field(n, 'name') : null;
  if (name && typeOf(name) === 'identifier') headersInFunction(fn, textOf(name), carrier, facts);
}

/**
 * What the first call of a chain is made on when that is `this` or a path of names (`ctx.res`
 * in `ctx.res.status(302).end()`); undefined for anything else (a call's result, an index).
 */
function responsePath(call: Node): string | undefined {
  let n: Node | null | undefined = call;
  while (typeOf(n) === 'call_expression') {
    const callee = field(n, 'function');
    if (typeOf(callee) !== 'member_expression') return undefined;
    const object = field(callee, 'object');
    if (typeOf(object) !== 'call_expression') {
      const t = textOf(object);
      return /^[\w$]+(\.[\w$]+)*$/.test(t) ? t : undefined;
    }
    n = object;
  }
  return undefined;
}

export interface ResponseInput {
  text: string;
  /** The node the status sits in (number, constant), or undefined for an implicit 200. */
  value?: Node;
  /** The call, new expression, assignment or object that carries the status. */
  carrier: Node;
  quote: string;
  /** Start offsets of the functions registered as route handlers in this statement. */
  handlerStarts?: ReadonlySet<number>;
  /** The framework whose call carries the status (StatusContext.framework). */
  framework?: 'elysia' | 'h3';
}

/** The first body-sending call on `receiver` after `from` within `fn`, when no return or throw lies between. */
function laterBodyCall(fn: Node | undefined, receiver: string, from: Node): Node | undefined {
  if (!fn) return undefined;
  const after = endOf(from);
  const call = usesIn(fn, receiver).calls.find((c) => c.call.startIndex >= after && BODY_METHODS.has(c.name))?.call;
  return call && reachable(from, call, fn) ? call : undefined;
}

/** True when `fn` redirects with `receiver` anywhere. */
function redirects(fn: Node | undefined, receiver: string): boolean {
  return !!fn && usesIn(fn, receiver).calls.some((c) => c.name === 'redirect');
}

function span(n: Node): Span {
  return { start: n.startIndex, end: endOf(n) };
}

/** Body facts and body edits from a send-like call (`.json(x)`, `.end()`). */
function fromSendCall(facts: ResponseFacts, send: Node, caught: string | undefined, q: (s: string) => string, text: string, carrier: Node): void {
  const name = calleeParts(send).name ?? '';
  const arg = kids(field(send, 'arguments'))[0];
  // `res.end('')` and `res.send('')` write nothing (`res.json('')` writes `""`).
  if (!arg || isEmptyBody(arg) || (name !== 'json' && /^(''|""|``)$/.test(textOf(arg)))) {
    facts.noBody = true;
    return;
  }
  facts.body = bodyFacts(arg, caught);
  const callee = field(send, 'function');
  facts.edits.dropBody = () => (callee ? [{ start: callee.endIndex - name.length, end: send.endIndex, newText: 'end()' }] : undefined);
  facts.edits.replaceBody = (t) => [{ start: arg.startIndex, end: arg.endIndex, newText: t }];
  facts.edits.redactBody = (message) => redactEdits(arg, carrier, message, JSON_METHODS.has(name), caught, q, text);
}

/** Builds the facts and edits of the response that `carrier` belongs to. */
export function responseFor(input: ResponseInput): ResponseFacts {
  const { carrier, text, quote } = input;
  const fn = enclosingFunction(carrier);
  const branch = branchOf(carrier, text);
  const caught = branch?.kind === 'catch' ? branch.errorName : undefined;
  const carrierType = typeOf(carrier);
  // A chained call's span is its chain's (set below): the carrier's own is read only when it is the span.
  const facts: ResponseFacts = { span: carrierType === 'call_expression' ? { start: carrier.startIndex, end: carrier.startIndex } : span(carrier), headers: [], branch, edits: {} };
  const q = (s: string) => `${quote}${s.replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;

  if (carrierType === 'call_expression' && input.framework === 'elysia') return elysiaResponse(facts, carrier, caught, q, text);
  if (carrierType === 'call_expression' && input.framework === 'h3') return h3Response(facts, carrier);
  if (carrierType === 'call_expression') {
    const { name, receiver } = calleeParts(carrier);
    const args = kids(field(carrier, 'arguments'));
    if (name === 'HttpCode' && typeOf(parentOf(carrier)) === 'decorator') {
      facts.span = span(carrier);
      return nestResponse(facts, carrier, q, text);
    }
    if (receiver && /^(NextResponse|Response)$/.test(textOf(receiver))) {
      facts.span = span(carrier);
      // Next.js / fetch statics: json(body, init), redirect(url, status), rewrite(url, init).
      if (name === 'json') responseInit(facts, args, caught, q, text, carrier);
      else facts.helper = name === 'redirect' ? 'redirect' : undefined;
      headersOnBinding(fn, carrier, facts);
      return facts;
    }
    const chain = chainAbove(carrier);
    const root = chainRoot(carrier);
    const last = chain.length ? chain[chain.length - 1] : carrier;
    facts.span = span(last);
    for (const c of [...chainBelow(carrier), ...chain]) if (HEADER_METHODS.has(calleeParts(c).name ?? '')) headersFromCall(c, facts);
    const rootName = root && typeOf(root) === 'identifier' ? textOf(root) : undefined;
    if (rootName) {
      headersInFunction(declaringFunction(fn, rootName), rootName, last, facts);
      if (redirects(fn, rootName)) facts.helper = 'redirect';
      if (handedIn(fn, rootName, input.handlerStarts)) facts.headersUnknown = true;
    }
    // A response reached through a property (`ctx.res.status(302)`, `this.res.status(301)`): its
    // header calls are written on the same path (`ctx.res.location(url)`).
    const path = responsePath(carrier);
    if (path !== undefined && path !== rootName) {
      headersInFunction(fn, path, last, facts);
      if (redirects(fn, path)) facts.helper = 'redirect';
    }
    // A response class's own method (`this.status(307)`): its headers are set by other methods.
    if (path === 'this') facts.headersUnknown = true;
    if (name === 'redirect' || chain.some((c) => calleeParts(c).name === 'redirect')) facts.helper = 'redirect';
    if (name === 'sendStatus') facts.noBody = true;
    if (name === 'writeHead') args.slice(1).forEach((a) => (typeOf(a) === 'string' ? undefined : objectHeaders(a, facts)));
    // Node http2: stream.respond({ ':status': 401, 'www-authenticate': ... }).
    if (name === 'respond' && args[0]) objectHeaders(args[0], facts);
    if ((name === 'throw' || name === 'assert') && args.some((a) => typeOf(a) === 'object')) {
      // Koa: ctx.throw(401, 'msg', { headers: {...} }) puts the headers on the response.
      const props = args.find((a) => typeOf(a) === 'object')!;
      const h = kids(props).find((p) => typeOf(p) === 'pair' && unquote(pairKeyText(p)) === 'headers');
      if (h) objectHeaders(field(h, 'value') ?? undefined, facts);
    }
    // Hono: c.json(body, status, headers), c.body(null, 204).
    if (name && ['json', 'text', 'html', 'body', 'newResponse'].includes(name) && args.length >= 2) {
      if (isEmptyBody(args[0])) facts.noBody = true;
      else facts.body = bodyFacts(args[0], caught);
      if (args[2]) objectHeaders(args[2], facts);
      const insertAt = endOf(args[args.length - 1]);
      facts.edits.addHeader = (h, v) => (args[2]?.type === 'object' ? addPair(args[2], h, v, q) : args.length === 2 ? [{ start: insertAt, end: insertAt, newText: `, { ${keyText(h, q)}: ${q(v)} }` }] : undefined);
      const receiverText = receiver ? textOf(receiver) : 'c';
      facts.edits.dropBody = () => [{ start: carrier.startIndex, end: carrier.endIndex, newText: `${receiverText}.body(null, ${text.slice(args[1].startIndex, args[1].endIndex)})` }];
      facts.edits.redactBody = (message) => redactEdits(args[0], carrier, message, name === 'json', caught, q, text);
      return facts;
    }
    // Express / Fastify: the body is the argument of the send-like call ending the chain, or of
    // the next send-like call on the same object (`res.status(400); res.json(x)`).
    const send =
      chain.find((c) => BODY_METHODS.has(calleeParts(c).name ?? '')) ??
      (BODY_METHODS.has(name ?? '') ? carrier : rootName && name !== 'sendStatus' ? laterBodyCall(fn, rootName, last) : undefined);
    if (send) fromSendCall(facts, send, caught, q, text, send === last || chain.includes(send) ? last : send);
    const setter = /^(reply|rep)$/.test(root ? textOf(root) : '') ? 'header' : 'set';
    if (chain.length || name === 'status' || name === 'code') {
      facts.edits.addHeader = (h, v) => [{ start: carrier.endIndex, end: carrier.endIndex, newText: `.${setter}(${q(h)}, ${q(v)})` }];
    } else if (name === 'writeHead') {
      const h = args.find((a) => typeOf(a) === 'object');
      facts.edits.addHeader = (hn, v) => (h ? addPair(h, hn, v, q) : args.length === 1 ? [{ start: args[0].endIndex, end: args[0].endIndex, newText: `, { ${keyText(hn, q)}: ${q(v)} }` }] : undefined);
    } else if (name === 'respond' && args[0] && typeOf(args[0]) === 'object') {
      facts.edits.addHeader = (h, v) => addPair(args[0], h.toLowerCase(), v, q);
    } else if (name === 'sendStatus' && root) {
      facts.edits.addHeader = (h, v) => [{ start: root.endIndex, end: root.endIndex, newText: `.${setter}(${q(h)}, ${q(v)})` }];
    }
    return facts;
  }

  if (carrierType === 'new_expression') {
    const args = kids(field(carrier, 'arguments'));
    const ctor = textOf(field(carrier, 'constructor'));
    if (/Response$/.test(ctor)) {
      responseInit(facts, args, caught, q, text, carrier);
      headersOnBinding(fn, carrier, facts);
    } else if (args[0]) facts.body = bodyFacts(args[0], caught); // HttpException(body, status): what the client receives.
    // Hono: `new HTTPException(401, { res })` sends the response it is given, with its headers.
    const options = args.find((a) => typeOf(a) === 'object');
    if (options && kids(options).some((p) => (typeOf(p) === 'pair' ? unquote(pairKeyText(p)) : textOf(p)) === 'res')) facts.headersUnknown = true;
    return facts;
  }

  if (carrierType === 'object') return lambdaResult(facts, carrier, caught, q);

  if (carrierType === 'assignment_expression') {
    // Koa: ctx.status = 401; ctx.body = {...}. Node: res.statusCode = 404; res.end('x').
    const left = field(carrier, 'left');
    const objNode = field(left, 'object');
    const obj = objNode ? textOf(objNode) : '';
    if (!obj) return facts;
    // The body assignment that follows the status (or, failing that, the last one before it).
    const bodies = fn ? usesIn(fn, obj).assigned.filter((a) => a.prop === 'body').map((a) => a.assignment) : [];
    const bodyAssignment = textOf(field(left, 'property')) === 'body' ? carrier : (bodies.find((a) => a.startIndex > carrier.startIndex) ?? bodies.filter((a) => a.startIndex < carrier.startIndex).pop());
    for (const a of bodyAssignment ? [bodyAssignment] : []) {
      const v = field(a, 'right');
      if (!v) continue;
      if (isEmptyBody(v)) facts.noBody = true;
      else facts.body = bodyFacts(v, caught);
      const parent = parentOf(a);
      const stmt = parent && typeOf(parent) === 'expression_statement' ? parent : a;
      facts.edits.dropBody = () => [{ start: stmt.startIndex, end: stmt.endIndex, newText: '' }];
      facts.edits.redactBody = (message) => redactEdits(v, stmt, message, true, caught, q, text);
    }
    const send = laterBodyCall(fn, obj, carrier);
    if (send && !facts.body) fromSendCall(facts, send, caught, q, text, send);
    headersInFunction(declaringFunction(fn, obj), obj, carrier, facts);
    if (redirects(fn, obj)) facts.helper = 'redirect';
    if (handedIn(fn, obj, input.handlerStarts)) facts.headersUnknown = true;
    // A response class's own method (`this.statusCode = 307`): its headers are set by other methods.
    if (obj === 'this') facts.headersUnknown = true;
    const parent = parentOf(carrier);
    const stmt = parent && typeOf(parent) === 'expression_statement' ? parent : carrier;
    const indent = lineIndent(text, stmt.startIndex);
    const setter = /^(res|response)$/.test(obj) ? 'setHeader' : 'set';
    facts.edits.addHeader = (h, v) => [{ start: stmt.endIndex, end: stmt.endIndex, newText: `\n${indent}${obj}.${setter}(${q(h)}, ${q(v)});` }];
  }
  return facts;
}

export type { Span };
