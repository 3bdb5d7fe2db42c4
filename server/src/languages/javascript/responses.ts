// A response in JavaScript: the chain or statements that set its status, body and headers,
// and the edits that change it in the framework's own way.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts, Span } from '../../model';
import { namedArgs, spanOf, unquote } from '../syntax';
import { bodyFacts, isEmptyBody } from './bodies';
import { branchOf, classifyCondition, enclosingFunction } from './branches';
import { calleeParts } from './contexts';
import { HEADER_METHODS, headersFromCall, headersInFunction, objectHeaders, objectKeys } from './headers';
import { nestResponse } from './nest';
import { redactEdits } from './redact';
import { nodesInFunction, nodesWithin } from './within';

// Kept here for the modules that have always imported them from this file.
export { branchOf, classifyCondition, enclosingFunction, objectKeys };

const BODY_METHODS = new Set(['json', 'send', 'jsonp', 'end', 'render', 'sendFile', 'write', 'download']);
/** Body methods whose argument is serialised as JSON: a generic body stays an object. */
const JSON_METHODS = new Set(['json', 'jsonp']);

/** Outer calls chained on `call`: res.status(409).set(...).json(body). */
function chainAbove(call: Node): Node[] {
  const out: Node[] = [];
  let n = call;
  while (n.parent?.type === 'member_expression' && n.parent.parent?.type === 'call_expression') {
    n = n.parent.parent;
    out.push(n);
  }
  return out;
}

/** Inner calls the status call is chained on: `res.set(...)` in res.set(...).status(405). */
function chainBelow(call: Node): Node[] {
  const out: Node[] = [];
  let n = call.childForFieldName('function')?.childForFieldName('object');
  while (n?.type === 'call_expression') {
    out.push(n);
    n = n.childForFieldName('function')?.childForFieldName('object');
  }
  return out;
}

/** The root receiver of a chain: `res` in res.status(1).json(x). */
function chainRoot(call: Node): Node | undefined {
  let n: Node | null | undefined = call;
  while (n && (n.type === 'call_expression' || n.type === 'member_expression')) {
    n = n.type === 'call_expression' ? n.childForFieldName('function') : n.childForFieldName('object');
  }
  return n ?? undefined;
}

export interface ResponseInput {
  text: string;
  /** The node the status sits in (number, constant), or undefined for an implicit 200. */
  value?: Node;
  /** The call, new expression, assignment or object that carries the status. */
  carrier: Node;
  /** All call expressions in the file, in order. */
  calls: Node[];
  /** All assignment expressions in the file (Koa's `ctx.body = x`). */
  assignments: Node[];
  quote: string;
}

/** The first body-sending call on `receiver` after `after`, within `fn`. */
function laterBodyCall(fn: Node | undefined, receiver: string, after: number, calls: Node[]): Node | undefined {
  if (!fn) return undefined;
  return nodesWithin(calls, after, fn.endIndex).find((c) => BODY_METHODS.has(calleeParts(c).name ?? '') && calleeParts(c).receiver?.text === receiver);
}

/** Body facts and body edits from a send-like call (`.json(x)`, `.end()`). */
function fromSendCall(facts: ResponseFacts, send: Node, caught: string | undefined, q: (s: string) => string, text: string, carrier: Node): void {
  const name = calleeParts(send).name ?? '';
  const arg = namedArgs(send.childForFieldName('arguments'))[0];
  if (!arg || isEmptyBody(arg)) {
    facts.noBody = true;
    return;
  }
  facts.body = bodyFacts(arg, caught);
  const callee = send.childForFieldName('function');
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
  const facts: ResponseFacts = { span: spanOf(carrier), headers: [], branch, edits: {} };
  const q = (s: string) => `${quote}${s.replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;

  if (carrier.type === 'call_expression') {
    const { name, receiver } = calleeParts(carrier);
    const args = namedArgs(carrier.childForFieldName('arguments'));
    if (name === 'HttpCode' && carrier.parent?.type === 'decorator') return nestResponse(facts, carrier, q, text);
    if (receiver && /^(NextResponse|Response)$/.test(receiver.text)) {
      // Next.js / fetch statics: json(body, init), redirect(url, status), rewrite(url, init).
      if (name === 'json') responseInit(facts, args, caught, q, text, carrier);
      else facts.helper = name === 'redirect' ? 'redirect' : undefined;
      return facts;
    }
    const chain = chainAbove(carrier);
    const root = chainRoot(carrier);
    const last = chain.length ? chain[chain.length - 1] : carrier;
    facts.span = spanOf(last);
    for (const c of [...chainBelow(carrier), ...chain]) if (HEADER_METHODS.has(calleeParts(c).name ?? '')) headersFromCall(c, facts);
    if (root?.type === 'identifier') {
      headersInFunction(fn, root.text, last, input.calls, facts);
      if (fn && nodesInFunction(input.calls, fn).some((c) => calleeParts(c).name === 'redirect' && calleeParts(c).receiver?.text === root.text)) facts.helper = 'redirect';
    }
    if (name === 'redirect' || chain.some((c) => calleeParts(c).name === 'redirect')) facts.helper = 'redirect';
    if (name === 'sendStatus') facts.noBody = true;
    if (name === 'writeHead') args.slice(1).forEach((a) => (a.type === 'string' ? undefined : objectHeaders(a, facts)));
    // Node http2: stream.respond({ ':status': 401, 'www-authenticate': ... }).
    if (name === 'respond' && args[0]) objectHeaders(args[0], facts);
    if ((name === 'throw' || name === 'assert') && args.some((a) => a.type === 'object')) {
      // Koa: ctx.throw(401, 'msg', { headers: {...} }) puts the headers on the response.
      const props = args.find((a) => a.type === 'object')!;
      const h = namedArgs(props).find((p) => p.type === 'pair' && unquote(p.childForFieldName('key')?.text ?? '') === 'headers');
      if (h) objectHeaders(h.childForFieldName('value') ?? undefined, facts);
    }
    // Hono: c.json(body, status, headers), c.body(null, 204).
    if (name && ['json', 'text', 'html', 'body', 'newResponse'].includes(name) && args.length >= 2) {
      if (isEmptyBody(args[0])) facts.noBody = true;
      else facts.body = bodyFacts(args[0], caught);
      if (args[2]) objectHeaders(args[2], facts);
      const insertAt = args[args.length - 1].endIndex;
      facts.edits.addHeader = (h, v) => (args[2]?.type === 'object' ? addPair(args[2], h, v, q) : args.length === 2 ? [{ start: insertAt, end: insertAt, newText: `, { ${keyText(h, q)}: ${q(v)} }` }] : undefined);
      facts.edits.dropBody = () => [{ start: carrier.startIndex, end: carrier.endIndex, newText: `${receiver?.text ?? 'c'}.body(null, ${text.slice(args[1].startIndex, args[1].endIndex)})` }];
      facts.edits.redactBody = (message) => redactEdits(args[0], carrier, message, name === 'json', caught, q, text);
      return facts;
    }
    // Express / Fastify: the body is the argument of the send-like call ending the chain, or of
    // the next send-like call on the same object (`res.status(400); res.json(x)`).
    const send =
      chain.find((c) => BODY_METHODS.has(calleeParts(c).name ?? '')) ??
      (BODY_METHODS.has(name ?? '') ? carrier : root?.type === 'identifier' && name !== 'sendStatus' ? laterBodyCall(fn, root.text, last.endIndex, input.calls) : undefined);
    if (send) fromSendCall(facts, send, caught, q, text, send === last || chain.includes(send) ? last : send);
    const setter = /^(reply|rep)$/.test(root?.text ?? '') ? 'header' : 'set';
    if (chain.length || name === 'status' || name === 'code') {
      facts.edits.addHeader = (h, v) => [{ start: carrier.endIndex, end: carrier.endIndex, newText: `.${setter}(${q(h)}, ${q(v)})` }];
    } else if (name === 'writeHead') {
      const h = args.find((a) => a.type === 'object');
      facts.edits.addHeader = (hn, v) => (h ? addPair(h, hn, v, q) : args.length === 1 ? [{ start: args[0].endIndex, end: args[0].endIndex, newText: `, { ${keyText(hn, q)}: ${q(v)} }` }] : undefined);
    } else if (name === 'respond' && args[0]?.type === 'object') {
      facts.edits.addHeader = (h, v) => addPair(args[0], h.toLowerCase(), v, q);
    } else if (name === 'sendStatus' && root) {
      facts.edits.addHeader = (h, v) => [{ start: root.endIndex, end: root.endIndex, newText: `.${setter}(${q(h)}, ${q(v)})` }];
    }
    return facts;
  }

  if (carrier.type === 'new_expression') {
    const args = namedArgs(carrier.childForFieldName('arguments'));
    const ctor = carrier.childForFieldName('constructor')?.text ?? '';
    if (/Response$/.test(ctor)) responseInit(facts, args, caught, q, text, carrier);
    else if (args[0]) facts.body = bodyFacts(args[0], caught); // HttpException(body, status): what the client receives.
    return facts;
  }

  if (carrier.type === 'object') return lambdaResult(facts, carrier, caught, q);

  if (carrier.type === 'assignment_expression') {
    // Koa: ctx.status = 401; ctx.body = {...}. Node: res.statusCode = 404; res.end('x').
    const left = carrier.childForFieldName('left');
    const obj = left?.childForFieldName('object')?.text;
    if (!obj) return facts;
    // The body assignment that follows the status (or, failing that, the last one before it).
    const bodies = (fn ? nodesInFunction(input.assignments, fn) : []).filter((a) => {
      const l = a.childForFieldName('left');
      return l?.type === 'member_expression' && l.childForFieldName('object')?.text === obj && l.childForFieldName('property')?.text === 'body';
    });
    const bodyAssignment = carrier.childForFieldName('left')?.childForFieldName('property')?.text === 'body' ? carrier : (bodies.find((a) => a.startIndex > carrier.startIndex) ?? bodies.filter((a) => a.startIndex < carrier.startIndex).pop());
    for (const a of bodyAssignment ? [bodyAssignment] : []) {
      const v = a.childForFieldName('right');
      if (!v) continue;
      if (isEmptyBody(v)) facts.noBody = true;
      else facts.body = bodyFacts(v, caught);
      const stmt = a.parent?.type === 'expression_statement' ? a.parent : a;
      facts.edits.dropBody = () => [{ start: stmt.startIndex, end: stmt.endIndex, newText: '' }];
      facts.edits.redactBody = (message) => redactEdits(v, stmt, message, true, caught, q, text);
    }
    const send = laterBodyCall(fn, obj, carrier.endIndex, input.calls);
    if (send && !facts.body) fromSendCall(facts, send, caught, q, text, send);
    headersInFunction(fn, obj, carrier, input.calls, facts);
    if (fn && nodesInFunction(input.calls, fn).some((c) => calleeParts(c).name === 'redirect' && calleeParts(c).receiver?.text === obj)) facts.helper = 'redirect';
    const stmt = carrier.parent?.type === 'expression_statement' ? carrier.parent : carrier;
    const indent = lineIndent(text, stmt.startIndex);
    const setter = /^(res|response)$/.test(obj) ? 'setHeader' : 'set';
    facts.edits.addHeader = (h, v) => [{ start: stmt.endIndex, end: stmt.endIndex, newText: `\n${indent}${obj}.${setter}(${q(h)}, ${q(v)});` }];
  }
  return facts;
}

/** A Lambda-style result: { statusCode, headers, body: JSON.stringify(x) }. */
function lambdaResult(facts: ResponseFacts, obj: Node, caught: string | undefined, q: (s: string) => string): ResponseFacts {
  const pairs = namedArgs(obj);
  const get = (k: string) => pairs.find((p) => p.type === 'pair' && unquote(p.childForFieldName('key')?.text ?? '') === k);
  if (pairs.some((p) => p.type === 'spread_element')) facts.headersUnknown = true;
  const headers = get('headers')?.childForFieldName('value') ?? undefined;
  if (headers) objectHeaders(headers, facts);
  let body = get('body')?.childForFieldName('value') ?? undefined;
  if (body?.type === 'call_expression' && body.childForFieldName('function')?.text === 'JSON.stringify') body = namedArgs(body.childForFieldName('arguments'))[0];
  if (!body || isEmptyBody(body) || body.text === "''" || body.text === '""') facts.noBody = true;
  else facts.body = bodyFacts(body, caught);
  facts.edits.addHeader = (h, v) => (headers?.type === 'object' ? addPair(headers, h, v, q) : headers ? undefined : addPair(obj, 'headers', `{ ${keyText(h, q)}: ${q(v)} }`, q, true));
  return facts;
}

/** new Response(body, { status, headers }) and NextResponse.json(body, init). */
export function responseInit(facts: ResponseFacts, args: Node[], caught: string | undefined, q: (s: string) => string, text = '', carrier?: Node): void {
  if (!args[0] || isEmptyBody(args[0])) facts.noBody = true;
  else facts.body = bodyFacts(args[0], caught);
  const init = args[1];
  if (init && init.type !== 'object') facts.headersUnknown = true;
  const initObj = init?.type === 'object' ? init : undefined;
  const headersPair = initObj ? namedArgs(initObj).find((p) => p.type === 'pair' && unquote(p.childForFieldName('key')?.text ?? '') === 'headers') : undefined;
  if (initObj && namedArgs(initObj).some((p) => p.type === 'spread_element')) facts.headersUnknown = true;
  const headersObj = headersPair?.childForFieldName('value') ?? undefined;
  if (headersObj) objectHeaders(headersObj, facts);
  facts.edits.addHeader = (h, v) => {
    if (headersObj?.type === 'object') return addPair(headersObj, h, v, q);
    if (initObj && !headersPair) return addPair(initObj, 'headers', `{ ${keyText(h, q)}: ${q(v)} }`, q, true);
    return undefined;
  };
  const body = args[0];
  if (body && !facts.noBody) {
    facts.edits.dropBody = () => [{ start: body.startIndex, end: body.endIndex, newText: 'null' }];
    const isJson = carrier?.type === 'call_expression' && calleeParts(carrier).name === 'json';
    if (carrier) facts.edits.redactBody = (message) => redactEdits(body, carrier, message, isJson, caught, q, text);
  }
}

/** A property key as written in an object literal: bare when it is an identifier. */
export function keyText(key: string, q: (s: string) => string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : q(key);
}

/** Adds `key: value` to an object literal, after its last property. */
export function addPair(obj: Node, key: string, value: string, q: (s: string) => string, rawValue = false): OffsetEdit[] {
  const props = namedArgs(obj);
  const k = keyText(key, q);
  const v = rawValue ? value : q(value);
  if (!props.length) return [{ start: obj.startIndex, end: obj.endIndex, newText: `{ ${k}: ${v} }` }];
  const last = props[props.length - 1];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${k}: ${v}` }];
}

export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

export type { Span };
