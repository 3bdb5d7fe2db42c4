// Where a value in JavaScript/TypeScript is an HTTP status: the call forms of Express, Koa,
// Fastify, NestJS, Hono, Next.js, Node http, fetch Response, and the usual test assertions.
// A number counts as a status only in one of these places; everywhere else it is left alone.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { argIndex, namedArgs } from '../syntax';

export interface StatusContext {
  role: SiteRole;
  form: string;
  /** The call (or assignment / new expression) that carries the status. */
  carrier: Node;
}

const STATUS_PROPS = new Set(['status', 'statusCode']);

/** `res.status`, `response.statusCode`, `r.status` ... */
export function isStatusMember(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'member_expression') {
    const prop = node.childForFieldName('property');
    return !!prop && STATUS_PROPS.has(prop.text);
  }
  return false;
}

/** The callee's last name (`status` for `res.status`, `HttpCode` for `HttpCode`) and its receiver. */
export function calleeParts(call: Node): { name?: string; receiver?: Node; callee?: Node } {
  const callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function');
  if (!callee) return {};
  if (callee.type === 'identifier') return { name: callee.text, callee };
  if (callee.type === 'member_expression') {
    const prop = callee.childForFieldName('property');
    return { name: prop?.text, receiver: callee.childForFieldName('object') ?? undefined, callee };
  }
  return { callee };
}

/** True when a call chain starts with `expect(...)`: chai and jest assertions, not responses. */
function rootIsExpect(node: Node | undefined): boolean {
  let n: Node | null | undefined = node;
  for (let i = 0; n && i < 12; i++) {
    if (n.type === 'call_expression') {
      const f = n.childForFieldName('function');
      if (f?.type === 'identifier') return f.text === 'expect' || f.text === 'assert';
      n = f;
    } else if (n.type === 'member_expression') {
      n = n.childForFieldName('object');
    } else {
      return false;
    }
  }
  return false;
}

const RESPONSE_NAMES = /^(res|resp|response|reply|rep|ctx|context|c|h|w|out)$/;
const ASSERT_EQUAL = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'notEqual', 'notStrictEqual', 'is']);
const HONO_BODY = new Set(['json', 'text', 'html', 'body', 'newResponse']);
const RESPONSE_CTORS = /^(Response|NextResponse)$/;
const RESPONSE_STATICS = /^(Response|NextResponse)\.(json|redirect|rewrite|next)$/;

/** The status context of a value node (a number or a constant expression), if it is in one. */
export function contextOf(value: Node): StatusContext | undefined {
  const parent = value.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'arguments':
      return argumentContext(value, parent);
    case 'pair':
      return pairContext(value, parent);
    case 'assignment_expression': {
      const left = parent.childForFieldName('left');
      if (parent.childForFieldName('right')?.startIndex === value.startIndex && isStatusMember(left)) {
        return { role: 'response', form: `${left!.text} =`, carrier: parent };
      }
      return undefined;
    }
    case 'binary_expression': {
      const op = parent.childForFieldName('operator')?.text ?? '';
      if (!['===', '==', '!==', '!='].includes(op)) return undefined;
      const left = parent.childForFieldName('left');
      const right = parent.childForFieldName('right');
      const other = left?.startIndex === value.startIndex ? right : left;
      // `.status` is also a process's exit code (spawnSync(...).status !== 0): only a value
      // in the HTTP range makes the comparison about an HTTP status.
      if (value.type === 'number' && !/^[1-5]\d\d$/.test(value.text)) return undefined;
      if (isStatusMember(other)) return { role: 'comparison', form: `${other!.text} ${op}`, carrier: parent };
      return undefined;
    }
    default:
      return undefined;
  }
}

function argumentContext(value: Node, args: Node): StatusContext | undefined {
  const call = args.parent;
  if (!call || (call.type !== 'call_expression' && call.type !== 'new_expression')) return undefined;
  const index = argIndex(args, value);
  const all = namedArgs(args);
  const { name, receiver } = calleeParts(call);
  if (!name) return undefined;
  const recv = receiver?.text ?? '';
  const form = receiver ? `${lastName(recv)}.${name}()` : `${name}()`;
  const isNew = call.type === 'new_expression';

  if (isNew) {
    if ((name === 'HttpException' || name === 'HttpError') && index === 1) return { role: 'response', form: `new ${name}()`, carrier: call };
    if (name === 'HTTPException' && index === 0) return { role: 'response', form: 'new HTTPException()', carrier: call };
    return undefined;
  }

  if (!receiver) {
    // Bare functions: NestJS's decorator and the http-errors family.
    if (name === 'HttpCode' && index === 0 && call.parent?.type === 'decorator') return { role: 'response', form: '@HttpCode()', carrier: call };
    if ((name === 'createError' || name === 'createHttpError' || name === 'httpErrors') && index === 0) return { role: 'response', form: `${name}()`, carrier: call };
    return undefined;
  }

  // Assertions: expect(res.status).toBe(409), assert.equal(res.statusCode, 409).
  if (ASSERT_EQUAL.has(name)) {
    if (receiver.type === 'call_expression') {
      const inner = calleeParts(receiver);
      const innerArgs = namedArgs(receiver.childForFieldName('arguments'));
      if (inner.name === 'expect' && isStatusMember(innerArgs[0]) && index === 0) return { role: 'assertion', form: `expect(${innerArgs[0].text}).${name}()`, carrier: call };
    }
    if (/^(assert|t|test|chai\.assert)$/.test(recv) && all.length >= 2 && index <= 1 && isStatusMember(all[1 - index])) {
      return { role: 'assertion', form: `${recv}.${name}()`, carrier: call };
    }
    // chai: expect(res.status).to.equal(409)
    if (rootIsExpect(receiver) && index === 0 && /expect\([^)]*\.status(Code)?\)/.test(receiver.text)) {
      return { role: 'assertion', form: `expect().${name}()`, carrier: call };
    }
    return undefined;
  }

  switch (name) {
    case 'status':
      if (index !== 0 || all.length !== 1) return undefined;
      // chai-http: expect(res).to.have.status(409)
      if (rootIsExpect(receiver)) return { role: 'assertion', form: 'to.have.status()', carrier: call };
      return { role: 'response', form, carrier: call };
    case 'sendStatus':
    case 'writeHead':
      return index === 0 ? { role: 'response', form, carrier: call } : undefined;
    case 'code':
      return index === 0 && all.length === 1 && RESPONSE_NAMES.test(lastName(recv)) ? { role: 'response', form, carrier: call } : undefined;
    case 'expect':
      // supertest: request(app).get('/').expect(409); a bare expect(409) is jest, not a status.
      return index === 0 && receiver.type === 'call_expression' ? { role: 'assertion', form: '.expect()', carrier: call } : undefined;
    case 'redirect':
      // Express: res.redirect(301, url); Hono: c.redirect(url, 301).
      if (all.length === 2 && (index === 0 || index === 1) && all[1 - index].type !== 'number') return { role: 'response', form, carrier: call };
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

function pairContext(value: Node, pair: Node): StatusContext | undefined {
  if (pair.childForFieldName('value')?.startIndex !== value.startIndex) return undefined;
  const key = pair.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
  if (key !== 'status' && key !== 'statusCode' && key !== ':status') return undefined;
  const object = pair.parent;
  const args = object?.parent;
  if (object?.type !== 'object') return undefined;
  // Node http2: stream.respond({ ':status': 409 })
  if (key === ':status') return args?.type === 'arguments' && args.parent ? { role: 'response', form: 'stream.respond()', carrier: args.parent } : undefined;
  if (args?.type === 'arguments') {
    const call = args.parent;
    if (!call) return undefined;
    const callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function')?.text ?? '';
    if ((call.type === 'new_expression' && RESPONSE_CTORS.test(callee)) || (call.type === 'call_expression' && RESPONSE_STATICS.test(callee))) {
      return { role: 'response', form: call.type === 'new_expression' ? `new ${callee}()` : `${callee}()`, carrier: call };
    }
    return undefined;
  }
  // A Lambda-style result: { statusCode: 404, body: ... }.
  if (key === 'statusCode' && hasKey(object, ['body', 'headers'])) return { role: 'response', form: '{ statusCode }', carrier: object };
  return undefined;
}

function hasKey(object: Node, keys: string[]): boolean {
  for (const p of namedArgs(object)) {
    if (p.type === 'pair' && keys.includes(p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') ?? '')) return true;
    if (p.type === 'shorthand_property_identifier' && keys.includes(p.text)) return true;
  }
  return false;
}

function lastName(text: string): string {
  const i = text.lastIndexOf('.');
  return i < 0 ? text : text.slice(i + 1);
}
