// Where a value in JavaScript/TypeScript is an HTTP status: the call forms of Express, Koa,
// Fastify, NestJS, Hono, Next.js, Node http, fetch Response, and the usual test assertions.
// A number counts as a status only in one of these places; everywhere else it is left alone.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { inStatusRange } from '../syntax';
import { exactShapes, field, kids, memo, pairKeyName, parentOf, propertyName, sameNode, setField, sourceOf, textOf, typeOf } from './nodes';
import { H3_STATUS_ARG, isElysiaStatusCall, type Frameworks } from './frameworks';

export interface StatusContext {
  role: SiteRole;
  form: string;
  /** The call (or assignment / new expression) that carries the status. */
  carrier: Node;
  /** A framework whose response the carrier makes in its own way (frameworks.ts). */
  framework?: 'elysia' | 'h3';
}

const STATUS_PROPS = new Set(['status', 'statusCode']);

/** `res.status`, `response.statusCode`, `r.status` ... */
export function isStatusMember(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (typeOf(node) === 'member_expression') {
    const prop = field(node, 'property');
    return !!prop && STATUS_PROPS.has(textOf(prop));
  }
  return false;
}

/** The callee's last name (`status` for `res.status`, `HttpCode` for `HttpCode`) and its receiver. */
export function calleeParts(call: Node): { name?: string; receiver?: Node; callee?: Node } {
  return memo(call, 'callee', () => readCallee(call));
}

function readCallee(call: Node): { name?: string; receiver?: Node; callee?: Node } {
  const callee = field(call, typeOf(call) === 'new_expression' ? 'constructor' : 'function');
  if (!callee) return {};
  const type = typeOf(callee);
  if (type === 'identifier') return { name: textOf(callee), callee };
  if (type === 'member_expression') return new MemberCallee(callee);
  return { callee };
}

/**
 * `a.b.name` as a callee. The name is read from the text (a member expression ends with its
 * property), and the receiver only when asked for: most callers want the name alone, and each
 * node read is a call into the parser and a new object.
 */
class MemberCallee {
  readonly name: string | undefined;
  private object: Node | null | undefined;

  constructor(readonly callee: Node) {
    this.name = propertyName(callee);
  }

  get receiver(): Node | undefined {
    if (this.object === undefined) this.object = field(this.callee, 'object');
    return this.object ?? undefined;
  }
}


/** True when a call chain starts with `expect(...)`: chai and jest assertions, not responses. */
function rootIsExpect(node: Node | undefined): boolean {
  // The chain's root is written first: unless its text starts with one of the names, no node needs reading.
  if (!node) return false;
  const source = sourceOf(node);
  if (!/^(?:expect|assert)(?![\w$])/.test(source === undefined ? node.text.slice(0, 7) : source.slice(node.startIndex, node.startIndex + 7))) return false;
  let n: Node | null | undefined = node;
  for (let i = 0; n && i < 12; i++) {
    const type = typeOf(n);
    if (type === 'call_expression') {
      const f = field(n, 'function');
      if (typeOf(f) === 'identifier') return textOf(f) === 'expect' || textOf(f) === 'assert';
      n = f;
    } else if (type === 'member_expression') {
      n = field(n, 'object');
    } else {
      return false;
    }
  }
  return false;
}

const RESPONSE_NAMES = /^(res|resp|response|reply|rep|ctx|context|c|h|w|out)$/;
/** Where an object literal is the value a function returns (`return {...}`, `() => ({...})`). */
const RETURNED = new Set(['return_statement', 'parenthesized_expression']);
const ASSERT_EQUAL = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'notEqual', 'notStrictEqual', 'is']);
const HONO_BODY = new Set(['json', 'text', 'html', 'body', 'newResponse']);
const RESPONSE_CTORS = /^(Response|NextResponse)$/;
const RESPONSE_STATICS = /^(Response|NextResponse)\.(json|redirect|rewrite|next)$/;

/**
 * The status context of a value node (a number or a constant expression), if it is in one.
 * `fw` tells which frameworks the file uses (their plain-function calls count only there).
 */
export function contextOf(value: Node, fw?: Frameworks): StatusContext | undefined {
  const parent = parentOf(value);
  if (!parent) return undefined;
  switch (typeOf(parent)) {
    case 'arguments':
      return argumentContext(value, parent, fw);
    case 'pair':
      return pairContext(value, parent, fw);
    case 'assignment_expression': {
      const left = field(parent, 'left');
      if (field(parent, 'right')?.startIndex !== value.startIndex || !isStatusMember(left)) return undefined;
      // `this.statusCode = 0` (a parser resetting its state), `order.status = 3`: a number outside
      // the HTTP range is a status only when it is set on what is plainly a response.
      if (typeOf(value) === 'number' && !inStatusRange(textOf(value)) && !RESPONSE_NAMES.test(lastName(textOf(field(left, 'object'))))) return undefined;
      return { role: 'response', form: `${textOf(left)} =`, carrier: parent };
    }
    case 'binary_expression': {
      const op = textOf(field(parent, 'operator'));
      if (!['===', '==', '!==', '!='].includes(op)) return undefined;
      const left = field(parent, 'left');
      const right = field(parent, 'right');
      const other = left?.startIndex === value.startIndex ? right : left;
      // `.status` is also a process's exit code (spawnSync(...).status !== 0): only a value
      // in the HTTP range makes the comparison about an HTTP status.
      if (typeOf(value) === 'number' && !inStatusRange(textOf(value))) return undefined;
      if (isStatusMember(other)) return { role: 'comparison', form: `${textOf(other)} ${op}`, carrier: parent };
      return undefined;
    }
    default:
      return undefined;
  }
}

function argumentContext(value: Node, args: Node, fw: Frameworks | undefined): StatusContext | undefined {
  const call = parentOf(args);
  const callType = typeOf(call);
  if (!call || (callType !== 'call_expression' && callType !== 'new_expression')) return undefined;
  // A call has one argument list: the one the value is in.
  if (exactShapes(call)) setField(call, 'arguments', args);
  const all = kids(args);
  const index = all.findIndex((a) => sameNode(a, value));
  const { name, receiver } = calleeParts(call);
  if (!name) return undefined;
  const recv = receiver ? textOf(receiver) : '';
  const form = receiver ? `${lastName(recv)}.${name}()` : `${name}()`;
  const isNew = callType === 'new_expression';

  if (isNew) {
    if ((name === 'HttpException' || name === 'HttpError') && index === 1) return { role: 'response', form: `new ${name}()`, carrier: call };
    if (name === 'HTTPException' && index === 0) return { role: 'response', form: 'new HTTPException()', carrier: call };
    return undefined;
  }

  // Elysia: `return status(401, 'Unauthorized')` with `status` from the handler's context.
  if (fw?.elysia && index === 0 && isElysiaStatusCall(call, name, receiver, fw)) return { role: 'response', form, carrier: call, framework: 'elysia' };
  // h3: setResponseStatus(event, 201), sendRedirect(event, url, 302).
  if (fw?.h3 && !receiver && H3_STATUS_ARG[name] === index) return { role: 'response', form, carrier: call, framework: 'h3' };

  if (!receiver) {
    // Bare functions: NestJS's decorator and the http-errors family.
    if (name === 'HttpCode' && index === 0 && typeOf(parentOf(call)) === 'decorator') return { role: 'response', form: '@HttpCode()', carrier: call };
    if ((name === 'createError' || name === 'createHttpError' || name === 'httpErrors') && index === 0) return { role: 'response', form: `${name}()`, carrier: call };
    return undefined;
  }

  // Assertions: expect(res.status).toBe(409), assert.equal(res.statusCode, 409).
  if (ASSERT_EQUAL.has(name)) {
    if (typeOf(receiver) === 'call_expression') {
      const inner = calleeParts(receiver);
      const innerArgs = kids(field(receiver, 'arguments'));
      if (inner.name === 'expect' && isStatusMember(innerArgs[0]) && index === 0) return { role: 'assertion', form: `expect(${textOf(innerArgs[0])}).${name}()`, carrier: call };
    }
    if (/^(assert|t|test|chai\.assert)$/.test(recv) && all.length >= 2 && index <= 1 && isStatusMember(all[1 - index])) {
      return { role: 'assertion', form: `${recv}.${name}()`, carrier: call };
    }
    // chai: expect(res.status).to.equal(409)
    if (rootIsExpect(receiver) && index === 0 && /expect\([^)]*\.status(Code)?\)/.test(textOf(receiver))) {
      return { role: 'assertion', form: `expect().${name}()`, carrier: call };
    }
    return undefined;
  }

  switch (name) {
    case 'status':
      if (index !== 0 || all.length !== 1) return undefined;
      // chai-http: expect(res).to.have.status(409)
      if (rootIsExpect(receiver)) return { role: 'assertion', form: 'to.have.status()', carrier: call };
      // MSW 1.x mocks: res(ctx.status(401), ctx.json(x)) describes what a mock answers; a status
      // call handed to another call is no response this code sends.
      if (typeOf(parentOf(call)) === 'arguments') return { role: 'declaration', form, carrier: call };
      return { role: 'response', form, carrier: call };
    case 'sendStatus':
    case 'writeHead':
      return index === 0 ? { role: 'response', form, carrier: call } : undefined;
    case 'code':
      return index === 0 && all.length === 1 && RESPONSE_NAMES.test(lastName(recv)) ? { role: 'response', form, carrier: call } : undefined;
    case 'expect':
      // supertest: request(app).get('/').expect(409); a bare expect(409) is jest, not a status.
      return index === 0 && typeOf(receiver) === 'call_expression' ? { role: 'assertion', form: '.expect()', carrier: call } : undefined;
    case 'redirect':
      // Express: res.redirect(301, url); Hono: c.redirect(url, 301).
      if (all.length === 2 && (index === 0 || index === 1) && typeOf(all[1 - index]) !== 'number') return { role: 'response', form, carrier: call };
      return undefined;
    case 'throw':
      return /^(ctx|context)$/.test(lastName(recv)) ? { role: 'response', form: 'ctx.throw()', carrier: call } : undefined;
    case 'assert':
      return /^(ctx|context)$/.test(lastName(recv)) && index === 1 ? { role: 'response', form: 'ctx.assert()', carrier: call } : undefined;
    default:
      if (HONO_BODY.has(name) && index === 1 && /^(c|ctx|context)$/.test(lastName(recv))) return { role: 'response', form, carrier: call };
      return undefined;
  }
}

function pairContext(value: Node, pair: Node, fw: Frameworks | undefined): StatusContext | undefined {
  if (field(pair, 'value')?.startIndex !== value.startIndex) return undefined;
  const key = pairKeyName(pair);
  if (key !== 'status' && key !== 'statusCode' && key !== ':status') return undefined;
  const object = parentOf(pair);
  const args = parentOf(object);
  if (typeOf(object) !== 'object') return undefined;
  const argsType = typeOf(args);
  // Node http2: stream.respond({ ':status': 409 })
  if (key === ':status') return argsType === 'arguments' && parentOf(args) ? { role: 'response', form: 'stream.respond()', carrier: parentOf(args)! } : undefined;
  if (argsType === 'arguments') {
    const call = parentOf(args);
    if (!call) return undefined;
    const callType = typeOf(call);
    const callee = textOf(field(call, callType === 'new_expression' ? 'constructor' : 'function'));
    if ((callType === 'new_expression' && RESPONSE_CTORS.test(callee)) || (callType === 'call_expression' && RESPONSE_STATICS.test(callee))) {
      return { role: 'response', form: callType === 'new_expression' ? `new ${callee}()` : `${callee}()`, carrier: call };
    }
    // h3 / Nuxt: throw createError({ statusCode: 401, statusMessage: '...' }) (`status` in newer h3).
    if (fw?.h3 && callType === 'call_expression' && callee === 'createError' && kids(args)[0]?.startIndex === object!.startIndex) {
      return { role: 'response', form: 'createError()', carrier: call, framework: 'h3' };
    }
    return undefined;
  }
  // A Lambda-style result: { statusCode: 404, body: ... }.
  if (key !== 'statusCode' || !hasKey(object!, ['body', 'headers'])) return undefined;
  // `const result = { statusCode: 0, body: '' }`, filled in later: a number outside the HTTP range
  // is a status only in a result that is returned as it is written.
  if (typeOf(value) === 'number' && !inStatusRange(textOf(value)) && !RETURNED.has(typeOf(args) ?? '')) return undefined;
  return { role: 'response', form: '{ statusCode }', carrier: object! };
}

function hasKey(object: Node, keys: string[]): boolean {
  for (const p of kids(object)) {
    const type = typeOf(p);
    if (type === 'pair' && keys.includes(pairKeyName(p))) return true;
    if (type === 'shorthand_property_identifier' && keys.includes(textOf(p))) return true;
  }
  return false;
}

function lastName(text: string): string {
  const i = text.lastIndexOf('.');
  return i < 0 ? text : text.slice(i + 1);
}
