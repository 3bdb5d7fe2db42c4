// Responses described by an object: `new Response(body, { status, headers })`,
// `NextResponse.json(body, init)`, a Lambda-style `{ statusCode, headers, body }` result; and the
// edits that add a key to such an object.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, ResponseFacts } from '../../model';
import { namedArgs, unquote } from '../syntax';
import { bodyFacts, isEmptyBody } from './bodies';
import { calleeParts } from './contexts';
import { objectHeaders } from './headers';
import { field, kids, textOf, typeOf, pairKeyText } from './nodes';
import { redactEdits } from './redact';

/** `headers` written as a shorthand property (`{ status: 302, headers }`): a variable made elsewhere. */
function isHeadersShorthand(p: Node): boolean {
  return typeOf(p) === 'shorthand_property_identifier' && textOf(p) === 'headers';
}

/** A Lambda-style result: { statusCode, headers, body: JSON.stringify(x) }. */
export function lambdaResult(facts: ResponseFacts, obj: Node, caught: string | undefined, q: (s: string) => string): ResponseFacts {
  const pairs = kids(obj);
  const get = (k: string) => pairs.find((p) => typeOf(p) === 'pair' && unquote(pairKeyText(p)) === k);
  // `...rest` or `{ statusCode, headers }` with the headers made elsewhere: not known from here.
  if (pairs.some((p) => typeOf(p) === 'spread_element' || isHeadersShorthand(p))) facts.headersUnknown = true;
  const headers = field(get('headers'), 'value') ?? undefined;
  if (headers) objectHeaders(headers, facts);
  let body = field(get('body'), 'value') ?? undefined;
  if (body && typeOf(body) === 'call_expression' && textOf(field(body, 'function')) === 'JSON.stringify') body = kids(field(body, 'arguments'))[0];
  if (!body || isEmptyBody(body) || textOf(body) === "''" || textOf(body) === '""') facts.noBody = true;
  else facts.body = bodyFacts(body, caught);
  facts.edits.addHeader = (h, v) => (headers?.type === 'object' ? addPair(headers, h, v, q) : headers || pairs.some(isHeadersShorthand) ? undefined : addPair(obj, 'headers', `{ ${keyText(h, q)}: ${q(v)} }`, q, true));
  return facts;
}

/** new Response(body, { status, headers }) and NextResponse.json(body, init). */
export function responseInit(facts: ResponseFacts, args: Node[], caught: string | undefined, q: (s: string) => string, text = '', carrier?: Node): void {
  if (!args[0] || isEmptyBody(args[0])) facts.noBody = true;
  else facts.body = bodyFacts(args[0], caught);
  const init = args[1];
  if (init && typeOf(init) !== 'object') facts.headersUnknown = true;
  const initObj = init && typeOf(init) === 'object' ? init : undefined;
  const headersPair = initObj ? kids(initObj).find((p) => typeOf(p) === 'pair' && unquote(pairKeyText(p)) === 'headers') : undefined;
  const shorthand = !!initObj && kids(initObj).some(isHeadersShorthand);
  if (initObj && kids(initObj).some((p) => typeOf(p) === 'spread_element' || isHeadersShorthand(p))) facts.headersUnknown = true;
  const headersObj = field(headersPair, 'value') ?? undefined;
  if (headersObj) objectHeaders(headersObj, facts);
  facts.edits.addHeader = (h, v) => {
    if (headersObj?.type === 'object') return addPair(headersObj, h, v, q);
    if (initObj && !headersPair && !shorthand) return addPair(initObj, 'headers', `{ ${keyText(h, q)}: ${q(v)} }`, q, true);
    return undefined;
  };
  const body = args[0];
  if (body && !facts.noBody) {
    facts.edits.dropBody = () => [{ start: body.startIndex, end: body.endIndex, newText: 'null' }];
    const isJson = !!carrier && typeOf(carrier) === 'call_expression' && calleeParts(carrier).name === 'json';
    if (carrier) facts.edits.redactBody = (message) => redactEdits(body, carrier, message, isJson, caught, q, text);
  }
}

/** A property key as written in an object literal: bare when it is an identifier. */
export function keyText(key: string, q: (s: string) => string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : q(key);
}

/** Adds `key: value` to an object literal, after its last property. */
export function addPair(obj: Node, key: string, value: string, q: (s: string) => string, rawValue = false): OffsetEdit[] {
  const props = namedArgs(obj);
  const k = keyText(key, q);
  const v = rawValue ? value : q(value);
  if (!props.length) return [{ start: obj.startIndex, end: obj.endIndex, newText: `{ ${k}: ${v} }` }];
  const last = props[props.length - 1];
  return [{ start: last.endIndex, end: last.endIndex, newText: `, ${k}: ${v}` }];
}

export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

