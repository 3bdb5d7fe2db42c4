// Responses that never write a status and so answer 200: `res.json(x)`, Hono's `c.json(x)`,
// `NextResponse.json(x)`, Koa's `ctx.body = x`. Counted only when the 200 is certain: nothing in
// the same function sets a status on the same object (with any value, even a variable), and
// for Express-style objects the function is a request handler, not a helper handed a response
// whose status its caller may already have set.
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { branchOf, enclosingFunction } from './branches';
import { calleeParts } from './contexts';
import { endOf, field, kids, parentOf, textOf, typeOf } from './nodes';
import { notAHandler, paramNames } from './params';
import { responseFor, responseInit } from './responses';
import { usesIn } from './uses';

const STATUS_CALLS = new Set(['status', 'sendStatus', 'writeHead', 'code', 'throw', 'redirect']);
/**
 * Koa's `ctx.throw(401)` and `ctx.assert(x, 401)` set no status on this context: they throw, and
 * Koa answers the error instead of this body. A body assigned on another path still answers 200.
 */
const KOA_STATUS_CALLS = new Set(['status', 'redirect']);

/** True when `fn` sets a status on `receiver` anywhere (before or after: Koa reads it at the end). */
function setsStatus(fn: Node | undefined, receiver: string, before?: number, calls: ReadonlySet<string> = STATUS_CALLS): boolean {
  if (!fn) return false;
  const end = before === undefined ? endOf(fn) : Math.min(before, endOf(fn));
  const uses = usesIn(fn, receiver);
  if (uses.calls.some((c) => c.call.startIndex < end && calls.has(c.name))) return true;
  return uses.assigned.some((a) => a.assignment.startIndex < end && /^(status|statusCode)$/.test(a.prop));
}

export interface ImplicitInput {
  text: string;
  quote: string;
  /** Start offsets of the functions registered as route handlers. */
  handlerStarts: Set<number>;
  /** The file uses restify (UnitEnv.restify). */
  restify?: boolean;
}

/** The implicit-200 response of a candidate call or Koa body assignment, or undefined when not certain. */
export function implicitResponse(node: Node, input: ImplicitInput): ResponseFacts | undefined {
  const { text, quote } = input;
  const q = (s: string) => `${quote}${s}${quote}`;
  const fn = enclosingFunction(node);
  if (typeOf(node) === 'assignment_expression') {
    // Koa: `ctx.body = x` answers 200 unless the middleware sets ctx.status.
    const obj = textOf(field(field(node, 'left'), 'object'));
    // `ctx.response.status = 201` sets the same status as `ctx.status = 201` (Koa delegates one to the other).
    if (!obj || !/^(ctx|context)$/.test(obj) || !paramNames(fn).includes(obj) || setsStatus(fn, obj, undefined, KOA_STATUS_CALLS) || setsStatus(fn, `${obj}.response`, undefined, KOA_STATUS_CALLS)) return undefined;
    const facts = responseFor({ text, carrier: node, quote, handlerStarts: input.handlerStarts });
    const parent = parentOf(node);
    const stmt = parent && typeOf(parent) === 'expression_statement' ? parent : node;
    return finish(facts, (code) => [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${obj}.status = ${code};\n${text.slice(text.lastIndexOf('\n', stmt.startIndex - 1) + 1, stmt.startIndex)}` }]);
  }
  const { receiver } = calleeParts(node);
  if (!receiver || typeOf(parentOf(node)) === 'member_expression') return undefined;
  const args = kids(field(node, 'arguments'));
  if (args.length !== 1) return undefined;
  const receiverText = textOf(receiver);
  if (/^(NextResponse|Response)$/.test(receiverText)) {
    const facts: ResponseFacts = { span: { start: node.startIndex, end: endOf(node) }, headers: [], edits: {}, branch: branchOf(node, text) };
    responseInit(facts, args, facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined, q, text, node);
    const at = endOf(args[0]);
    return finish(facts, (code) => [{ start: at, end: at, newText: `, { status: ${code} }` }]);
  }
  if (typeOf(receiver) !== 'identifier' || setsStatus(fn, receiverText, node.startIndex)) return undefined;
  if (!paramNames(fn).includes(receiverText)) return undefined;
  // restify's `res.send(err)` answers with the error's own status (and a body it formats).
  if (input.restify && isErrorValue(args[0])) return undefined;
  const express = /^(res|response)$/.test(receiverText);
  // A helper that is handed `res` may run after its caller set the status; a handler may not.
  if (express && notAHandler(fn, receiverText, input.handlerStarts)) return undefined;
  const facts = responseFor({ text, carrier: node, quote, handlerStarts: input.handlerStarts });
  const receiverEnd = endOf(receiver);
  const argEnd = endOf(args[0]);
  return finish(facts, (code) => (express ? [{ start: receiverEnd, end: receiverEnd, newText: `.status(${code})` }] : [{ start: argEnd, end: argEnd, newText: `, ${code}` }]));
}

/** `new NotFoundError(...)`, `new errors.InternalError(...)`, or a variable named like an error (`err`, `dbError`). */
function isErrorValue(node: Node): boolean {
  const type = typeOf(node);
  if (type === 'new_expression') return /Error$/.test(textOf(field(node, 'constructor')));
  return type === 'identifier' && /^(e|ex|err|error)$|Err(or)?$/.test(textOf(node));
}

function finish(facts: ResponseFacts, setStatus: (code: number) => { start: number; end: number; newText: string }[]): ResponseFacts {
  facts.implicitStatus = 200;
  facts.edits.setStatus = setStatus;
  return facts;
}
