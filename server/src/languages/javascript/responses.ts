// A response in JavaScript: the chain or statements that set its status, body and headers,
// and the edits that change it in the framework's own way.
import type { Node } from '../../parsing/treeSitter';
import type { BranchFact, HeaderFact, OffsetEdit, ResponseEdits, ResponseFacts, Span } from '../../model';
import { namedArgs, spanOf, unquote } from '../syntax';
import { bodyFacts } from './bodies';
import { calleeParts } from './contexts';

const BODY_METHODS = new Set(['json', 'send', 'jsonp', 'end', 'render', 'sendFile', 'write']);
const HEADER_METHODS = new Set(['set', 'header', 'setHeader', 'append', 'headers', 'location', 'links', 'type', 'attachment']);
const FUNCTIONS = ['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration'];

/** The enclosing function of a node, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (FUNCTIONS.includes(n.type)) return n;
  return undefined;
}

/** The catch variable or branch condition the node sits under (innermost first, within its function). */
export function branchOf(node: Node, text: string): BranchFact | undefined {
  for (let n = node.parent, child: Node = node; n; child = n, n = n.parent) {
    if (FUNCTIONS.includes(n.type)) return undefined;
    if (n.type === 'catch_clause') {
      const param = n.childForFieldName('parameter');
      return { kind: 'catch', span: spanOf(n), errorName: param?.type === 'identifier' ? param.text : undefined };
    }
    if (n.type === 'if_statement' && n.childForFieldName('consequence')?.startIndex === child.startIndex) {
      const cond = n.childForFieldName('condition');
      if (!cond) continue;
      return { kind: classifyCondition(text.slice(cond.startIndex, cond.endIndex)), span: spanOf(cond) };
    }
  }
  return undefined;
}

/** Names the kind of check an `if` makes, from its condition text. Unknown checks are `other`. */
export function classifyCondition(cond: string): BranchFact['kind'] {
  if (/instanceof\s+(ZodError|ValidationError|SyntaxError|Joi\.ValidationError|ValidateError)|\.success\s*===?\s*false|!\s*\w+\.success\b|\bvalidat|\.error\b|errors?\.length|isValid|isInvalid/.test(cond)) return 'validation-error';
  if (/req(uest)?\.(body|query|params)|!\s*(body|input|payload|params|data)\b|typeof\s+\w+\s*!==?\s*['"]|\bmissing\b|\.length\s*[<>=]/.test(cond)) return 'input-check';
  if (/authori[sz]ation|\btoken\b|\buser\b.*\b(role|admin|permission)|req(uest)?\.user|session|isAuth|!\s*auth/i.test(cond)) return 'auth-check';
  if (/^\s*\(?\s*!\s*[\w$.]+\s*\)?\s*$|===?\s*(null|undefined)\b|\bnotFound\b|\bnot_found\b|\.length\s*===?\s*0|!\s*(found|exists|item|record|row|user|doc|result)\b/.test(cond)) return 'not-found';
  return 'other';
}

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

/** The root receiver of a chain: `res` in res.status(1).json(x). */
function chainRoot(call: Node): Node | undefined {
  let n: Node | null | undefined = call;
  while (n && (n.type === 'call_expression' || n.type === 'member_expression')) {
    n = n.type === 'call_expression' ? n.childForFieldName('function') : n.childForFieldName('object');
  }
  return n ?? undefined;
}

function headerFromCall(call: Node): HeaderFact[] {
  const { name } = calleeParts(call);
  const args = namedArgs(call.childForFieldName('arguments'));
  if (!name) return [];
  if (name === 'location') return [{ name: 'location', span: spanOf(call) }];
  if (name === 'type') return [{ name: 'content-type', span: spanOf(call) }];
  if (name === 'links') return [{ name: 'link', span: spanOf(call) }];
  if (args[0]?.type === 'string') return [{ name: unquote(args[0].text).toLowerCase(), span: spanOf(args[0]) }];
  if (args[0]?.type === 'object') return objectKeys(args[0]);
  return [];
}

export function objectKeys(obj: Node | undefined): HeaderFact[] {
  if (!obj || obj.type !== 'object') return [];
  const out: HeaderFact[] = [];
  for (const p of namedArgs(obj)) {
    if (p.type === 'pair') {
      const k = p.childForFieldName('key');
      if (k) out.push({ name: unquote(k.text).toLowerCase(), span: spanOf(k) });
    }
  }
  return out;
}

/** Headers set with `receiver.set/header/setHeader(...)` statements in the same function before `before`. */
export function headersSetEarlier(fn: Node | undefined, receiver: string, before: number, calls: Node[]): HeaderFact[] {
  if (!fn) return [];
  const out: HeaderFact[] = [];
  for (const c of calls) {
    if (c.startIndex < fn.startIndex || c.endIndex > fn.endIndex || c.startIndex >= before) continue;
    const { name, receiver: r } = calleeParts(c);
    if (name && HEADER_METHODS.has(name) && r && r.text === receiver) out.push(...headerFromCall(c));
  }
  return out;
}

export interface ResponseInput {
  text: string;
  /** The node the status sits in (number, constant), or undefined for an implicit 200. */
  value?: Node;
  /** The call, new expression, assignment or object that carries the status. */
  carrier: Node;
  /** All call expressions in the file, in order (for headers set in earlier statements). */
  calls: Node[];
  /** All assignment expressions in the file (Koa's `ctx.body = x`). */
  assignments: Node[];
  quote: string;
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
    const chain = chainAbove(carrier);
    const root = chainRoot(carrier);
    const last = chain.length ? chain[chain.length - 1] : carrier;
    facts.span = spanOf(last);
    // Headers in the chain and in earlier statements on the same response object.
    for (const c of chain) {
      const n = calleeParts(c).name;
      if (n && HEADER_METHODS.has(n)) facts.headers.push(...headerFromCall(c));
    }
    if (root) facts.headers.push(...headersSetEarlier(fn, root.text, carrier.startIndex, input.calls));
    if (name === 'redirect') facts.helper = 'redirect';
    if (name === 'writeHead') {
      const h = args.find((a) => a.type === 'object');
      facts.headers.push(...objectKeys(h));
    }
    // Hono: c.json(body, status, headers)
    if (name && ['json', 'text', 'html', 'body', 'newResponse'].includes(name) && args.length >= 2) {
      facts.body = bodyFacts(args[0], caught);
      facts.headers.push(...objectKeys(args[2]));
      const insertAt = args[args.length - 1].endIndex;
      facts.edits.addHeader = (h, v) => args[2]?.type === 'object' ? addPair(args[2], h, v, q) : args.length === 2 ? [{ start: insertAt, end: insertAt, newText: `, { ${q(h)}: ${q(v)} }` }] : undefined;
      facts.edits.dropBody = () => [{ start: carrier.startIndex, end: carrier.endIndex, newText: `${receiver?.text ?? 'c'}.body(null, ${text.slice(args[1].startIndex, args[1].endIndex)})` }];
      return facts;
    }
    // Express / Fastify chain: body is the argument of the send-like call that ends the chain.
    const send = chain.find((c) => BODY_METHODS.has(calleeParts(c).name ?? ''));
    if (send) {
      const sendArgs = namedArgs(send.childForFieldName('arguments'));
      if (sendArgs[0]) facts.body = bodyFacts(sendArgs[0], caught);
      const sendCallee = send.childForFieldName('function');
      facts.edits.dropBody = () => sendCallee ? [{ start: sendCallee.endIndex - (calleeParts(send).name?.length ?? 0), end: send.endIndex, newText: 'end()' }] : undefined;
      facts.edits.replaceBody = (t) => sendArgs[0] ? [{ start: sendArgs[0].startIndex, end: sendArgs[0].endIndex, newText: t }] : undefined;
    }
    // Header insertion: in the chain right after the status call (express .set, fastify .header).
    const setter = /^(reply|rep)$/.test(root?.text ?? '') ? 'header' : 'set';
    if (chain.length || name === 'status' || name === 'code') {
      facts.edits.addHeader = (h, v) => [{ start: carrier.endIndex, end: carrier.endIndex, newText: `.${setter}(${q(h)}, ${q(v)})` }];
    } else if (name === 'writeHead') {
      const h = args.find((a) => a.type === 'object');
      facts.edits.addHeader = (hn, v) => h ? addPair(h, hn, v, q) : [{ start: args[0].endIndex, end: args[0].endIndex, newText: `, { ${q(hn)}: ${q(v)} }` }];
    }
    if (name === 'sendStatus' && root) {
      facts.edits.addHeader = (h, v) => [{ start: root.endIndex, end: root.endIndex, newText: `.set(${q(h)}, ${q(v)})` }];
    }
    return facts;
  }

  if (carrier.type === 'new_expression') {
    const args = namedArgs(carrier.childForFieldName('arguments'));
    const ctor = carrier.childForFieldName('constructor')?.text ?? '';
    if (/Response$/.test(ctor)) {
      responseInit(facts, args, caught, q);
    } else if (args[0]) {
      // HttpException(body, status): the first argument is what the client receives.
      facts.body = bodyFacts(args[0], caught);
    }
    return facts;
  }

  if (carrier.type === 'call_expression' || carrier.type === 'object') return facts;

  if (carrier.type === 'assignment_expression') {
    // Koa: ctx.status = 401; ctx.body = {...}; ctx.set('WWW-Authenticate', ...)
    const left = carrier.childForFieldName('left');
    const obj = left?.childForFieldName('object')?.text;
    if (obj) {
      const block = carrier.parent?.parent;
      for (const a of input.assignments) {
        if (!block || a.startIndex < block.startIndex || a.endIndex > block.endIndex) continue;
        const l = a.childForFieldName('left');
        if (l?.type === 'member_expression' && l.childForFieldName('object')?.text === obj && l.childForFieldName('property')?.text === 'body') {
          const v = a.childForFieldName('right');
          if (v) {
            facts.body = bodyFacts(v, caught);
            const stmt = a.parent?.type === 'expression_statement' ? a.parent : a;
            facts.edits.dropBody = () => [{ start: stmt.startIndex, end: stmt.endIndex, newText: '' }];
          }
        }
      }
      facts.headers.push(...headersSetEarlier(fn, obj, carrier.endIndex + 10_000, input.calls));
      const stmt = carrier.parent?.type === 'expression_statement' ? carrier.parent : carrier;
      const indent = lineIndent(text, stmt.startIndex);
      facts.edits.addHeader = (h, v) => [{ start: stmt.endIndex, end: stmt.endIndex, newText: `\n${indent}${obj}.set(${q(h)}, ${q(v)});` }];
    }
  }
  return facts;
}

/** new Response(body, { status, headers }) and NextResponse.json(body, init). */
export function responseInit(facts: ResponseFacts, args: Node[], caught: string | undefined, q: (s: string) => string): void {
  if (args[0]) facts.body = bodyFacts(args[0], caught);
  const init = args[1]?.type === 'object' ? args[1] : undefined;
  const headersPair = init ? namedArgs(init).find((p) => p.type === 'pair' && unquote(p.childForFieldName('key')?.text ?? '') === 'headers') : undefined;
  const headersObj = headersPair?.childForFieldName('value') ?? undefined;
  facts.headers.push(...objectKeys(headersObj ?? undefined));
  facts.edits.addHeader = (h, v) => {
    if (headersObj?.type === 'object') return addPair(headersObj, h, v, q);
    if (init && !headersPair) return addPair(init, 'headers', `{ ${q(h)}: ${q(v)} }`, q, true);
    return undefined;
  };
  if (args[0]) facts.edits.dropBody = () => [{ start: args[0].startIndex, end: args[0].endIndex, newText: 'null' }];
}

/** Adds `key: value` to an object literal, after its last property. */
export function addPair(obj: Node, key: string, value: string, q: (s: string) => string, rawValue = false): OffsetEdit[] {
  const props = namedArgs(obj);
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : q(key);
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
