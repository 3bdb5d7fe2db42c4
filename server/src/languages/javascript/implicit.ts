// Responses that never write a status and so answer 200: `res.json(x)`, Hono's `c.json(x)`,
// `NextResponse.json(x)`, Koa's `ctx.body = x`. Counted only when the 200 is certain: nothing in
// the same function sets a status on the same object (with any value, even a variable), and
// for Express-style objects the function is a request handler, not a helper handed a response
// whose status its caller may already have set.
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { branchOf, enclosingFunction } from './branches';
import { calleeParts } from './contexts';
import { responseFor, responseInit } from './responses';
import { nodesWithin } from './within';

const STATUS_CALLS = new Set(['status', 'sendStatus', 'writeHead', 'code', 'throw', 'redirect']);

/** True when `fn` sets a status on `receiver` anywhere (before or after: Koa reads it at the end). */
function setsStatus(fn: Node | undefined, receiver: string, calls: Node[], assignments: Node[], before?: number): boolean {
  if (!fn) return false;
  const end = before === undefined ? fn.endIndex : Math.min(before, fn.endIndex);
  if (nodesWithin(calls, fn.startIndex, end).some((c) => STATUS_CALLS.has(calleeParts(c).name ?? '') && calleeParts(c).receiver?.text === receiver)) return true;
  return nodesWithin(assignments, fn.startIndex, end).some((a) => {
    const l = a.childForFieldName('left');
    return l?.type === 'member_expression' && l.childForFieldName('object')?.text === receiver && /^(status|statusCode)$/.test(l.childForFieldName('property')?.text ?? '');
  });
}

function paramNames(fn: Node | undefined): string[] {
  const params = fn?.childForFieldName('parameters') ?? fn?.childForFieldName('parameter');
  if (!params) return [];
  if (params.type === 'identifier') return [params.text];
  return namedArgs(params).map((p) => (p.type === 'identifier' ? p.text : (p.childForFieldName('pattern')?.text ?? '')));
}

export interface ImplicitInput {
  text: string;
  calls: Node[];
  assignments: Node[];
  quote: string;
  /** Index of the handler around an offset, if any. */
  handlerOf(offset: number): number | undefined;
  /** Start offsets of the functions registered as route handlers. */
  handlerStarts: Set<number>;
}

/** The implicit-200 response of a candidate call or Koa body assignment, or undefined when not certain. */
export function implicitResponse(node: Node, input: ImplicitInput): ResponseFacts | undefined {
  const { text, quote } = input;
  const q = (s: string) => `${quote}${s}${quote}`;
  const fn = enclosingFunction(node);
  if (node.type === 'assignment_expression') {
    // Koa: `ctx.body = x` answers 200 unless the middleware sets ctx.status.
    const obj = node.childForFieldName('left')?.childForFieldName('object')?.text;
    if (!obj || !/^(ctx|context)$/.test(obj) || !paramNames(fn).includes(obj) || setsStatus(fn, obj, input.calls, input.assignments)) return undefined;
    const facts = responseFor({ text, carrier: node, calls: input.calls, assignments: input.assignments, quote });
    return finish(facts, node, input, (code) => {
      const stmt = node.parent?.type === 'expression_statement' ? node.parent : node;
      return [{ start: stmt.startIndex, end: stmt.startIndex, newText: `${obj}.status = ${code};\n${text.slice(text.lastIndexOf('\n', stmt.startIndex - 1) + 1, stmt.startIndex)}` }];
    });
  }
  const { receiver } = calleeParts(node);
  if (!receiver || node.parent?.type === 'member_expression') return undefined;
  const args = namedArgs(node.childForFieldName('arguments'));
  if (args.length !== 1) return undefined;
  if (/^(NextResponse|Response)$/.test(receiver.text)) {
    const facts: ResponseFacts = { span: spanOf(node), headers: [], edits: {}, branch: branchOf(node, text) };
    responseInit(facts, args, facts.branch?.kind === 'catch' ? facts.branch.errorName : undefined, q, text, node);
    return finish(facts, node, input, (code) => [{ start: args[0].endIndex, end: args[0].endIndex, newText: `, { status: ${code} }` }]);
  }
  if (receiver.type !== 'identifier' || setsStatus(fn, receiver.text, input.calls, input.assignments, node.startIndex)) return undefined;
  const params = paramNames(fn);
  if (!params.includes(receiver.text)) return undefined;
  const express = /^(res|response)$/.test(receiver.text);
  // A helper that is handed `res` may run after its caller set the status; a handler may not.
  if (express && !(fn && input.handlerStarts.has(fn.startIndex)) && !params.some((p) => /^_?(req|request)$/.test(p))) return undefined;
  const facts = responseFor({ text, carrier: node, calls: input.calls, assignments: input.assignments, quote });
  return finish(facts, node, input, (code) =>
    express ? [{ start: receiver.endIndex, end: receiver.endIndex, newText: `.status(${code})` }] : [{ start: args[0].endIndex, end: args[0].endIndex, newText: `, ${code}` }],
  );
}

function finish(facts: ResponseFacts, node: Node, input: ImplicitInput, setStatus: (code: number) => { start: number; end: number; newText: string }[]): ResponseFacts {
  facts.implicitStatus = 200;
  facts.handler = input.handlerOf(node.startIndex);
  facts.edits.setStatus = setStatus;
  return facts;
}
