// The headers a JavaScript response sets: in its own chain, in other statements on the same
// response object in the same function, in `writeHead`/`Response` init objects. When a header
// name cannot be read (a variable, a spread), or the response object is handed to other code
// that may set headers, the response is marked `headersUnknown`.
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact, ResponseFacts } from '../../model';
import { unquote } from '../syntax';
import { calleeParts } from './contexts';
import { endOf, field, kids, parentOf, propertyName, textOf, typeOf, pairKeyText } from './nodes';
import { usesIn } from './uses';

export const HEADER_METHODS = new Set(['set', 'header', 'setHeader', 'append', 'headers', 'location', 'links', 'type', 'attachment', 'vary', 'cookie']);

type HeaderSink = Pick<ResponseFacts, 'headers' | 'headersUnknown'>;

function span(n: Node): { start: number; end: number } {
  return { start: n.startIndex, end: endOf(n) };
}

/** Header facts from one header-setting call (`res.set('Allow', 'GET')`, `res.location(url)`). */
export function headersFromCall(call: Node, out: HeaderSink): void {
  const { name } = calleeParts(call);
  const args = kids(field(call, 'arguments'));
  if (!name) return;
  if (name === 'location') out.headers.push({ name: 'location', span: span(call) });
  else if (name === 'type') out.headers.push({ name: 'content-type', span: span(call) });
  else if (name === 'links') out.headers.push({ name: 'link', span: span(call) });
  else if (name === 'vary') out.headers.push({ name: 'vary', span: span(call) });
  else if (name === 'cookie') out.headers.push({ name: 'set-cookie', span: span(call) });
  else if (name === 'attachment') out.headers.push({ name: 'content-disposition', span: span(call) });
  else if (typeOf(args[0]) === 'string') out.headers.push({ name: unquote(textOf(args[0])).toLowerCase(), span: span(args[0]) });
  else if (typeOf(args[0]) === 'object') objectHeaders(args[0], out);
  else if (args[0]) out.headersUnknown = true;
}

/** Keys of a headers object literal; a spread or a computed key makes the set unknown. */
export function objectHeaders(obj: Node | undefined, out: HeaderSink): void {
  if (!obj) return;
  if (typeOf(obj) !== 'object') {
    out.headersUnknown = true;
    return;
  }
  for (const p of kids(obj)) {
    const type = typeOf(p);
    const k = type === 'pair' ? field(p, 'key') : null;
    const kt = typeOf(k);
    if (k && (kt === 'string' || kt === 'property_identifier')) out.headers.push({ name: unquote(textOf(k)).toLowerCase(), span: span(k) });
    else if (type === 'shorthand_property_identifier') out.headers.push({ name: textOf(p).toLowerCase(), span: span(p) });
    else out.headersUnknown = true;
  }
}

/** Keys of an object literal, as header facts (kept for callers that only need the names). */
export function objectKeys(obj: Node | undefined): HeaderFact[] {
  const sink: HeaderSink = { headers: [] };
  if (obj && typeOf(obj) === 'object') objectHeaders(obj, sink);
  return sink.headers;
}

/**
 * Headers set on `receiver` anywhere in `fn` (before or after the status: both reach the same
 * response), and whether `receiver` is handed to other code that may set more.
 */
export function headersInFunction(fn: Node | undefined, receiver: string, carrier: Node, out: HeaderSink): void {
  if (!fn) return;
  const carrierStart = carrier.startIndex;
  const carrierEnd = endOf(carrier);
  const inCarrier = (c: Node) => c.startIndex >= carrierStart && endOf(c) <= carrierEnd;
  const uses = usesIn(fn, receiver);
  const headerCalls = new Set<number>();
  for (const { call, name } of uses.calls) {
    if (!HEADER_METHODS.has(name) || inCarrier(call)) continue;
    headerCalls.add(call.id);
    headersFromCall(call, out);
  }
  // `set.headers['Retry-After'] = '60'`, `set.headers.location = url`, `res.headers = { ... }`.
  for (const { assignment, prop } of uses.assigned) {
    if (prop !== 'headers') continue;
    const left = field(assignment, 'left');
    const index = typeOf(left) === 'subscript_expression' ? field(left, 'index') : null;
    if (typeOf(left) === 'subscript_expression') {
      if (typeOf(index) === 'string') out.headers.push({ name: unquote(textOf(index)).toLowerCase(), span: span(index!) });
      else out.headersUnknown = true;
    } else if (propertyName(left!) === 'headers') objectHeaders(field(assignment, 'right') ?? undefined, out);
    else out.headers.push({ name: (propertyName(left!) ?? '').toLowerCase(), span: span(left!) });
  }
  if (uses.passed.some((c) => !inCarrier(c) && !headerCalls.has(c.id))) out.headersUnknown = true;
  if (isLibraryCallback(fn)) out.headersUnknown = true;
}

/**
 * A function passed as an option to a library call (`rateLimit({ handler: (req, res) => ... })`):
 * the library prepares the response before calling it back, often with headers of its own
 * (express-rate-limit sets Retry-After itself).
 */
export function isLibraryCallback(fn: Node): boolean {
  const pair = parentOf(fn);
  // `handler: (req, res) => ...`, or the method shorthand `handler(req, res) { ... }`.
  const method = typeOf(fn) === 'method_definition' && typeOf(pair) === 'object';
  if (!method && (typeOf(pair) !== 'pair' || field(pair, 'value')?.startIndex !== fn.startIndex)) return false;
  const obj = method ? pair : parentOf(pair);
  if (typeOf(obj) !== 'object' || typeOf(parentOf(obj)) !== 'arguments') return false;
  // A route definition (Fastify's route(), Hapi's server.route()) is the application's own handler.
  const keys = kids(obj).map((p) => (typeOf(p) === 'pair' ? unquote(pairKeyText(p)) : textOf(p)));
  return !keys.some((k) => k === 'url' || k === 'path' || k === 'method');
}
