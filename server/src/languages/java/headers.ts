// Response headers in Java: builder calls (`.header("Retry-After", 30)`, `.location(uri)`), an
// HttpHeaders object filled before it is passed (`headers.setLocation(uri)`), and servlet calls
// (`response.setHeader("WWW-Authenticate", ...)`).
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact } from '../../model';
import { spanOf } from '../syntax';
import { callParts, lastSegment, statementOf, stringValue } from './nodes';

/** Builder methods that set one well-known header (Spring's builders, JAX-RS ResponseBuilder). */
const BUILDER_HEADERS: Record<string, string> = {
  location: 'location', contentType: 'content-type', type: 'content-type', allow: 'allow', eTag: 'etag', tag: 'etag',
  lastModified: 'last-modified', cacheControl: 'cache-control', varyBy: 'vary', expires: 'expires', language: 'content-language',
  contentLocation: 'content-location', cookie: 'set-cookie', contentLength: 'content-length', encoding: 'content-encoding',
};
/** HttpHeaders setters. */
const SETTERS: Record<string, string> = {
  setLocation: 'location', setContentType: 'content-type', setAllow: 'allow', setETag: 'etag', setLastModified: 'last-modified',
  setCacheControl: 'cache-control', setVary: 'vary', setExpires: 'expires', setContentLength: 'content-length', setBearerAuth: 'authorization',
  setBasicAuth: 'authorization', setContentLanguage: 'content-language', setContentDisposition: 'content-disposition',
};

/** A header name written as a string or as a constant (`HttpHeaders.RETRY_AFTER`, `HttpHeaders.WWW_AUTHENTICATE`). */
export function headerName(arg: Node | undefined): string | undefined {
  if (!arg) return undefined;
  const s = stringValue(arg);
  if (s !== undefined) return s.toLowerCase();
  if (arg.type === 'field_access' && /^(HttpHeaders|HttpHeaderNames|Headers)$/.test(lastSegment(arg.childForFieldName('object')?.text ?? ''))) {
    return (arg.childForFieldName('field')?.text ?? '').toLowerCase().replace(/_/g, '-');
  }
  return undefined;
}

/** The header a builder call in a chain sets, if any (`headers(...)` is read separately). */
export function builderHeader(call: Node): HeaderFact | undefined {
  const { name, args } = callParts(call);
  if (!name) return undefined;
  if (name === 'header') {
    const h = headerName(args[0]);
    return h ? { name: h, span: spanOf(args[0]) } : undefined;
  }
  const fixed = Object.prototype.hasOwnProperty.call(BUILDER_HEADERS, name) ? BUILDER_HEADERS[name] : undefined;
  return fixed ? { name: fixed, span: spanOf(call.childForFieldName('name') ?? call) } : undefined;
}

/** The header one call on a headers object sets: `h.add("X", v)`, `h.set(HttpHeaders.ALLOW, v)`, `h.setLocation(uri)`. */
export function headerCall(call: Node): HeaderFact | undefined {
  const { name, args } = callParts(call);
  if (!name) return undefined;
  if (/^(add|set|put|setHeader|addHeader|addIntHeader|addDateHeader|setIntHeader|setDateHeader)$/.test(name)) {
    const h = headerName(args[0]);
    return h ? { name: h, span: spanOf(args[0]) } : undefined;
  }
  const fixed = Object.prototype.hasOwnProperty.call(SETTERS, name) ? SETTERS[name] : undefined;
  return fixed ? { name: fixed, span: spanOf(call.childForFieldName('name') ?? call) } : undefined;
}

/**
 * Headers set through calls on `receiver` (its text, e.g. `headers` or `response`) among `calls`
 * that lie inside [from, to). `calls` is every method invocation of the file in source order.
 * With `target`, only calls whose block also holds `target` count (not those of another branch).
 */
export function headersOn(receivers: string[], calls: Node[], from: number, to: number, target?: Node): HeaderFact[] {
  const out: HeaderFact[] = [];
  for (const c of callsIn(calls, from, to)) {
    const object = c.childForFieldName('object')?.text;
    if (!object || !receivers.includes(object)) continue;
    if (target) {
      const block = statementOf(c)?.parent;
      if (!block || block.startIndex > target.startIndex || block.endIndex < target.endIndex) continue;
    }
    const h = headerCall(c);
    if (h) out.push(h);
  }
  return out;
}

/** The calls of `calls` (sorted by start) that start inside [from, to): a binary search, then a slice. */
export function callsIn(calls: Node[], from: number, to: number): Node[] {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid].startIndex < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Node[] = [];
  for (let i = lo; i < calls.length && calls[i].startIndex < to; i++) out.push(calls[i]);
  return out;
}

/** Headers set on the HttpHeaders argument of `.headers(h)` / `new ResponseEntity<>(body, h, status)`. */
export function headersFromArgument(arg: Node | undefined, calls: Node[], scope: Node | undefined): HeaderFact[] {
  if (!arg) return [];
  if (arg.type === 'identifier' && scope) return headersOn([arg.text], calls, scope.startIndex, arg.startIndex);
  // .headers(h -> h.setLocation(uri))
  if (arg.type === 'lambda_expression') {
    const params = arg.childForFieldName('parameters');
    const name = params?.type === 'identifier' ? params.text : params?.namedChild(0)?.text;
    return name ? headersOn([name], calls, arg.startIndex, arg.endIndex) : [];
  }
  return [];
}
