// A response in Rust: an axum tuple (status, header parts, body), an actix builder chain, an
// http::Response builder, or a bare status returned. Rust's types make edits delicate: a tuple
// that gains an element changes type, so tuple edits are offered only where that is safe
// (`.into_response()`, or the single value an `impl IntoResponse` function returns).
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { ResponseFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { bodyFacts } from './bodies';
import { partKind } from './parts';
import { redactEdits } from './redact';
import { branchOf } from './branches';
import { calleeName, calleeText, isIntoResponse, returnedFrom, type StatusContext } from './contexts';
import { firstNodeFrom } from '../sorted';
import { headerNameOf, headersOfStatusMut, headersSetLater, type HeaderScope } from './headersMut';

type HeaderSink = Pick<ResponseFacts, 'headers' | 'headersUnknown'>;

/** Headers in a header part: `[(header::LOCATION, url)]`, `AppendHeaders([...])`, a `(name, value)` pair; anything unreadable makes them unknown. */
function headersIn(part: Node | undefined, out: HeaderSink): void {
  if (!part) return;
  if (part.type === 'tuple_expression') {
    const name = headerNameOf(namedArgs(part)[0]);
    if (name) out.headers.push({ name, span: spanOf(namedArgs(part)[0]) });
    else out.headersUnknown = true;
    return;
  }
  if (part.type === 'array_expression') return namedArgs(part).forEach((p) => headersIn(p, out));
  if (part.type === 'call_expression') {
    const callee = calleeText(part);
    if (/(^|::)AppendHeaders$/.test(callee)) return namedArgs(part.childForFieldName('arguments')).forEach((p) => headersIn(p, out));
    // Typed headers: header::ContentType::json(), ContentType(...)
    const typed = /(?:^|::)(ContentType|Location|RetryAfter|Allow|WwwAuthenticate|CacheControl)(?:::\w+)?$/.exec(callee);
    if (typed) return void out.headers.push({ name: typed[1].replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(), span: spanOf(part) });
  }
  out.headersUnknown = true;
}

/** Calls chained onto `call`: HttpResponse::Ok().insert_header(..).json(x) gives [insert_header, json]; turbofish calls (`.json::<T>(x)`) too. */
function chainAbove(call: Node): Node[] {
  const out: Node[] = [];
  for (let n = call; parentOf(n)?.type === 'field_expression'; ) {
    let c = parentOf(parentOf(n)!);
    if (c?.type === 'generic_function') c = parentOf(c);
    if (c?.type !== 'call_expression') break;
    n = c;
    out.push(n);
  }
  return out;
}

/** Whether a `return` (`returns` in source order) starts within [start, end): a binary search, not a scan of every return per response. */
function hasReturnWithin(returns: Node[], start: number, end: number): boolean {
  const i = firstNodeFrom(returns, start);
  return i < returns.length && returns[i].startIndex < end;
}

/**
 * True when the tuple (or value) `e` may change type: `.into_response()` is called on it, or it
 * is the one value its `impl IntoResponse` function returns (its tail, with no `return` inside).
 */
export function mayChangeType(e: Node, returns: Node[]): boolean {
  if (isIntoResponse(e)) return true;
  const fn = returnedFrom(e);
  if (fn?.type !== 'function_item') return false;
  if (!/^(Result<\s*)?impl\s+IntoResponse\b/.test(fn.childForFieldName('return_type')?.text ?? '')) return false;
  const body = fn.childForFieldName('body');
  if (hasReturnWithin(returns, fn.startIndex, fn.endIndex)) return false;
  // Only a straight tail (possibly wrapped in Ok(..)): branches would give several values.
  for (let n = parentOf(e); n && n.startIndex !== body?.startIndex; n = parentOf(n)) {
    if (n.type !== 'arguments' && !(n.type === 'call_expression' && calleeText(n) === 'Ok')) return false;
  }
  return true;
}

/** Bodies that are empty: `()`, `Body::empty()`, `Bytes::new()`, `Body::from("")`, `Full::new(Bytes::new())`. */
const EMPTY_BODY = /^(\(\)|""|(\w+::)*(Body|Empty|Full|Bytes|String|Vec)(::<[^>]*>)?::(empty|new|default)\(\)|(\w+::)*(Body|Full|Bytes)::(from|new)\(\s*(""|(\w+::)*(Bytes|String|Vec)::new\(\)|Vec::new\(\))\s*\))$/;

function q(s: string): string {
  return JSON.stringify(s);
}

export interface RustResponseInput {
  ctx: StatusContext;
  text: string;
  returns: Node[];
  /** The file's calls, for headers set later through `headers_mut()`. */
  scope: HeaderScope;
}

/** Walks out of `?` and `.unwrap()`/`.expect(..)` to the value a response expression gives. */
function valueOf(e: Node): Node {
  let n = e;
  for (let i = 0; i < 4; i++) {
    const p = parentOf(n);
    if (p?.type === 'try_expression') n = p;
    else if (p?.type === 'field_expression' && /^(unwrap|expect)$/.test(p.childForFieldName('field')?.text ?? '') && parentOf(p)?.type === 'call_expression') n = parentOf(p)!;
    else break;
  }
  return n;
}

/** `x.into_response()` for `x`, else `x`. */
function intoResponseOf(e: Node): Node {
  return isIntoResponse(e) ? parentOf(parentOf(e)!)! : e;
}

/** The methods that finish a builder into a response (actix's and http's). */
const SENDS = /^(json|body|streaming|finish|message_body)$/;

/**
 * The builder an actix or http builder chain ends as when no call in it finishes it
 * (`HttpResponse::Found()` returned from a helper whose caller adds headers and a body), else undefined.
 */
export function openBuilder(ctx: StatusContext): Node | undefined {
  if (ctx.shape !== 'actix' && ctx.shape !== 'builder') return undefined;
  const chain = chainAbove(ctx.carrier);
  return chain.some((c) => SENDS.test(calleeName(c))) ? undefined : chain[chain.length - 1] ?? ctx.carrier;
}

/** Builds the facts and edits of the response `ctx` sets. */
export function responseFor({ ctx, text, returns, scope }: RustResponseInput): ResponseFacts {
  const carrier = ctx.carrier;
  const branch = branchOf(carrier);
  const caught = branch?.errorName;
  const facts: ResponseFacts = { span: spanOf(carrier), headers: [], branch, edits: {} };
  // The raw message becomes a generic one of the same type; the error is logged instead.
  const redact = (body: Node | undefined) => {
    const raw = facts.body?.rawErrorMessage;
    if (body && raw) facts.edits.redactBody = (message) => redactEdits({ text, carrier, raw, caught }, message);
  };
  if (ctx.shape === 'tuple') {
    const parts = namedArgs(carrier);
    const last = parts[parts.length - 1];
    // The last element is the body unless it is response parts (a CookieJar, a HeaderMap...).
    const kind = parts.length > 1 ? partKind(last) : 'parts';
    const body = kind === 'body' ? last : undefined;
    for (const p of parts.slice(1)) if (p !== body) headersIn(p, facts);
    // A variable last may be a HeaderMap as well as a body.
    if (body?.type === 'identifier') facts.headersUnknown = true;
    facts.body = bodyFacts(body, caught);
    if (kind === 'parts') facts.noBody = true;
    redact(body);
    if (mayChangeType(carrier, returns)) {
      facts.edits.addHeader = (name, value) => {
        const part = `[(${q(name.toLowerCase())}, ${q(value)})]`;
        // Parts may come before the last element whatever it is; after it only when it is parts.
        return kind !== 'parts' ? [{ start: last.startIndex, end: last.startIndex, newText: `${part}, ` }] : [{ start: last.endIndex, end: last.endIndex, newText: `, ${part}` }];
      };
      if (body) {
        const prev = parts[parts.length - 2];
        facts.edits.dropBody = () => parts.length === 2 ? [{ start: carrier.startIndex, end: carrier.endIndex, newText: text.slice(prev.startIndex, prev.endIndex) }] : [{ start: prev.endIndex, end: body.endIndex, newText: '' }];
        facts.edits.replaceBody = (t) => [{ start: body.startIndex, end: body.endIndex, newText: t }];
      }
    }
    headersSetLater(intoResponseOf(carrier), scope, facts);
    return facts;
  }
  if (ctx.shape === 'bare') {
    facts.noBody = true;
    headersSetLater(intoResponseOf(carrier), scope, facts);
    if (mayChangeType(carrier, returns)) {
      facts.edits.addHeader = (name, value) => [{ start: carrier.startIndex, end: carrier.endIndex, newText: `(${text.slice(carrier.startIndex, carrier.endIndex)}, [(${q(name.toLowerCase())}, ${q(value)})])` }];
    }
    return facts;
  }
  if (ctx.shape === 'actix' || ctx.shape === 'builder') {
    const chain = chainAbove(carrier);
    if (chain.length) facts.span = { start: carrier.startIndex, end: chain[chain.length - 1].endIndex };
    headersSetLater(valueOf(chain[chain.length - 1] ?? carrier), scope, facts);
    let send: Node | undefined;
    for (const c of chain) {
      const name = calleeName(c);
      const args = namedArgs(c.childForFieldName('arguments'));
      if (name === 'insert_header' || name === 'append_header') headersIn(args[0], facts);
      else if (name === 'header' && args.length === 2) {
        const h = headerNameOf(args[0]);
        if (h) facts.headers.push({ name: h, span: spanOf(args[0]) });
        else facts.headersUnknown = true;
      } else if (name === 'headers_mut' || name === 'cookie') facts.headersUnknown = true;
      else if (name === 'content_type') facts.headers.push({ name: 'content-type', span: spanOf(c) });
      else if (SENDS.test(name)) {
        send = c;
        break;
      }
    }
    if (ctx.shape === 'builder') {
      const sendArgs = send ? namedArgs(send.childForFieldName('arguments')) : [];
      facts.body = bodyFacts(sendArgs[0], caught);
      if (!sendArgs[0] || EMPTY_BODY.test(sendArgs[0].text)) {
        facts.noBody = true;
        facts.body = undefined;
      }
      redact(sendArgs[0]);
      facts.edits.addHeader = (name, value) => [{ start: carrier.endIndex, end: carrier.endIndex, newText: `.header(${q(name)}, ${q(value)})` }];
      return facts;
    }
    // actix: the builder methods return &mut builder, so a bare builder gains .finish() to stay a response.
    facts.edits.addHeader = (name, value) => [{ start: carrier.endIndex, end: carrier.endIndex, newText: `.insert_header((${q(name)}, ${q(value)}))${chain.length ? '' : '.finish()'}` }];
    if (!send || calleeName(send) === 'finish') facts.noBody = true;
    if (send && calleeName(send) !== 'finish') {
      const sendArgs = namedArgs(send.childForFieldName('arguments'));
      facts.body = bodyFacts(sendArgs[0], caught);
      redact(sendArgs[0]);
      const fn = send.childForFieldName('function');
      const field = fn?.childForFieldName('field');
      if (field) facts.edits.dropBody = () => [{ start: field.startIndex, end: send!.endIndex, newText: 'finish()' }];
      if (sendArgs[0]) facts.edits.replaceBody = (t) => [{ start: sendArgs[0].startIndex, end: sendArgs[0].endIndex, newText: t }];
    }
    return facts;
  }
  if (ctx.form === '*status_mut() =') headersOfStatusMut(carrier, scope, facts);
  return facts;
}
