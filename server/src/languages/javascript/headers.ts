// The headers a JavaScript response sets: in its own chain, in other statements on the same
// response object in the same function, in `writeHead`/`Response` init objects. When a header
// name cannot be read (a variable, a spread), or the response object is handed to other code
// that may set headers, the response is marked `headersUnknown`.
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact, ResponseFacts } from '../../model';
import { namedArgs, spanOf, unquote } from '../syntax';
import { calleeParts } from './contexts';
import { nodesInFunction } from './within';

export const HEADER_METHODS = new Set(['set', 'header', 'setHeader', 'append', 'headers', 'location', 'links', 'type', 'attachment', 'vary', 'cookie']);

type HeaderSink = Pick<ResponseFacts, 'headers' | 'headersUnknown'>;

/** Header facts from one header-setting call (`res.set('Allow', 'GET')`, `res.location(url)`). */
export function headersFromCall(call: Node, out: HeaderSink): void {
  const { name } = calleeParts(call);
  const args = namedArgs(call.childForFieldName('arguments'));
  if (!name) return;
  if (name === 'location') out.headers.push({ name: 'location', span: spanOf(call) });
  else if (name === 'type') out.headers.push({ name: 'content-type', span: spanOf(call) });
  else if (name === 'links') out.headers.push({ name: 'link', span: spanOf(call) });
  else if (name === 'vary') out.headers.push({ name: 'vary', span: spanOf(call) });
  else if (name === 'cookie') out.headers.push({ name: 'set-cookie', span: spanOf(call) });
  else if (name === 'attachment') out.headers.push({ name: 'content-disposition', span: spanOf(call) });
  else if (args[0]?.type === 'string') out.headers.push({ name: unquote(args[0].text).toLowerCase(), span: spanOf(args[0]) });
  else if (args[0]?.type === 'object') objectHeaders(args[0], out);
  else if (args[0]) out.headersUnknown = true;
}

/** Keys of a headers object literal; a spread or a computed key makes the set unknown. */
export function objectHeaders(obj: Node | undefined, out: HeaderSink): void {
  if (!obj) return;
  if (obj.type !== 'object') {
    out.headersUnknown = true;
    return;
  }
  for (const p of namedArgs(obj)) {
    const k = p.type === 'pair' ? p.childForFieldName('key') : null;
    if (k && (k.type === 'string' || k.type === 'property_identifier')) out.headers.push({ name: unquote(k.text).toLowerCase(), span: spanOf(k) });
    else if (p.type === 'shorthand_property_identifier') out.headers.push({ name: p.text.toLowerCase(), span: spanOf(p) });
    else out.headersUnknown = true;
  }
}

/** Keys of an object literal, as header facts (kept for callers that only need the names). */
export function objectKeys(obj: Node | undefined): HeaderFact[] {
  const sink: HeaderSink = { headers: [] };
  if (obj?.type === 'object') objectHeaders(obj, sink);
  return sink.headers;
}

/**
 * Headers set on `receiver` anywhere in `fn` (before or after the status: both reach the same
 * response), and whether `receiver` is handed to other code that may set more.
 */
export function headersInFunction(fn: Node | undefined, receiver: string, carrier: Node, calls: Node[], out: HeaderSink): void {
  if (!fn) return;
  const carrierStart = carrier.startIndex;
  const carrierEnd = carrier.endIndex;
  for (const c of nodesInFunction(calls, fn)) {
    if (c.startIndex >= carrierStart && c.endIndex <= carrierEnd) continue;
    const { name, receiver: r } = calleeParts(c);
    if (name && HEADER_METHODS.has(name) && r?.text === receiver) headersFromCall(c, out);
    else if (namedArgs(c.childForFieldName('arguments')).some((a) => a.type === 'identifier' && a.text === receiver)) out.headersUnknown = true;
  }
  if (isLibraryCallback(fn)) out.headersUnknown = true;
}

/**
 * A function passed as an option to a library call (`rateLimit({ handler: (req, res) => ... })`):
 * the library prepares the response before calling it back, often with headers of its own
 * (express-rate-limit sets Retry-After itself).
 */
export function isLibraryCallback(fn: Node): boolean {
  const pair = fn.parent;
  if (pair?.type !== 'pair' || pair.childForFieldName('value')?.startIndex !== fn.startIndex) return false;
  const obj = pair.parent;
  if (obj?.type !== 'object' || obj.parent?.type !== 'arguments') return false;
  // A route definition (Fastify's route(), Hapi's server.route()) is the application's own handler.
  const keys = namedArgs(obj).map((p) => (p.type === 'pair' ? unquote(p.childForFieldName('key')?.text ?? '') : p.text));
  return !keys.some((k) => k === 'url' || k === 'path' || k === 'method');
}
