// Response headers in Java: builder calls (`.header("Retry-After", 30)`, `.location(uri)`), an
// HttpHeaders object filled before it is passed (`headers.setLocation(uri)`), and servlet calls
// (`response.setHeader("WWW-Authenticate", ...)`).
import type { Node } from '../../parsing/treeSitter';
import type { HeaderFact } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { callParts, lastSegment, stringValue } from './nodes';
import { nodesStartingIn } from '../sorted';
import { reachesLater, type FlowSyntax } from '../reaches';

const JAVA_FLOW: FlowSyntax = {
  blocks: new Set(['block', 'switch_block_statement_group', 'constructor_body']),
  exits: new Set(['return_statement', 'throw_statement']),
  functions: new Set(['lambda_expression', 'class_body', 'method_declaration', 'constructor_declaration']),
};

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

/** Headers a response carries as far as the code shows, and whether some may be set out of sight. */
export interface SeenHeaders {
  headers: HeaderFact[];
  /** The response (or its headers object) is handed to other code, or built elsewhere. */
  unknown: boolean;
}

/** Calls that set a header named by their first argument. */
const SETS_BY_NAME = /^(add|set|put|setHeader|addHeader|addIntHeader|addDateHeader|setIntHeader|setDateHeader)$/;

/** Calls that copy a whole header map in: what they add cannot be read here. */
const COPIES = /^(putAll|addAll|setAll|replaceAll)$/;

/**
 * Headers set through calls on `receivers` (their text, e.g. `headers` or `response`) among
 * `calls` that lie inside [from, to). `calls` is every method invocation of the file in source
 * order. With `target`, only calls whose effect still holds at `target` count: not those of a
 * branch that returns first, of another branch, or of a lambda. A call that receives one of the receivers as an argument (`challenges.write(response)`)
 * may set any header: the result is then `unknown`.
 */
export function headersOn(receivers: string[], calls: Node[], from: number, to: number, target?: Node): SeenHeaders {
  const out: SeenHeaders = { headers: [], unknown: false };
  for (const c of nodesStartingIn(calls, from, to)) {
    const object = c.childForFieldName('object')?.text;
    const onReceiver = !!object && receivers.includes(object);
    const args = onReceiver ? undefined : c.childForFieldName('arguments');
    // Only calls that touch a receiver matter; most calls are turned away by their text alone.
    // Handed on as a value or a method reference: `write(response)`, `forEach(response::setHeader)`.
    const passed = !!args && receivers.some((r) => args.text.includes(r)) && namedArgs(args).some((a) => receivers.includes(a.text) || receivers.some((r) => a.text.startsWith(`${r}::`)));
    if (!onReceiver && !passed) continue;
    // `response.setHeader(name, value)` from a loop or a lambda: some header, which one the code does not say.
    if (onReceiver && SETS_BY_NAME.test(c.childForFieldName('name')?.text ?? '') && !headerCall(c)) {
      out.unknown = true;
      continue;
    }
    if (target && !reachesLater(c, target, JAVA_FLOW)) continue;
    if (passed) {
      out.unknown = true;
      continue;
    }
    const h = headerCall(c);
    if (h) out.headers.push(h);
    else if (COPIES.test(c.childForFieldName('name')?.text ?? '')) out.unknown = true;
  }
  return out;
}

/**
 * Headers set on the HttpHeaders argument of `.headers(h)` / `new ResponseEntity<>(body, h, status)`.
 * Known only for a lambda (`h -> h.setLocation(uri)`), a fresh `new HttpHeaders()`, or a local
 * variable the method fills from a fresh one; headers made by a helper or passed in are unknown.
 */
export function headersFromArgument(arg: Node | undefined, calls: Node[], scope: Node | undefined, text: string): SeenHeaders {
  if (!arg) return { headers: [], unknown: false };
  if (arg.type === 'identifier' && scope) {
    const name = arg.text;
    const before = text.slice(scope.startIndex, arg.startIndex);
    const fresh = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*=\\s*new\\s+(HttpHeaders|LinkedMultiValueMap|MultivaluedHashMap)\\s*(<[^>]*>)?\\s*\\(\\s*\\)`).test(before);
    const seen = headersOn([name], calls, scope.startIndex, arg.startIndex);
    return { headers: seen.headers, unknown: seen.unknown || !fresh };
  }
  if (arg.type === 'lambda_expression') {
    const params = arg.childForFieldName('parameters');
    const name = params?.type === 'identifier' ? params.text : params?.namedChild(0)?.text;
    return name ? headersOn([name], calls, arg.startIndex, arg.endIndex) : { headers: [], unknown: true };
  }
  return { headers: [], unknown: arg.type !== 'object_creation_expression' };
}
