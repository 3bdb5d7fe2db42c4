// Where a value in Rust is an HTTP status: http::StatusCode constants (axum, actix-web, hyper,
// reqwest all re-export them), StatusCode::from_u16(n), actix's HttpResponse::Conflict(), and
// the places they act: returned from a handler (alone, in an axum tuple, in Err(...)), passed to
// a response builder, or compared and asserted on in tests.
import { parentOf, upTo } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { argIndex, namedArgs } from '../syntax';

/** How a response-setting expression carries its body and headers, for responses.ts. */
export type RustShape =
  | 'tuple' // axum: (StatusCode::CREATED, [(header::LOCATION, url)], Json(x))
  | 'bare' // axum: a StatusCode returned alone, in Err(...), ok_or(...), map_err(|_| ...)
  | 'actix' // HttpResponse::Conflict().json(x), HttpResponse::build(code).finish()
  | 'builder' // http / hyper: Response::builder().status(code).header(..).body(..)
  | 'none';

export interface StatusContext {
  role: SiteRole;
  form: string;
  /** The expression that carries the status (the tuple, the builder call, the returned value). */
  carrier: Node;
  shape: RustShape;
}

const UNWRAP = new Set(['unwrap', 'expect', 'unwrap_or_default']);
const CONSTRUCTORS = /^(HttpResponse::build|HttpResponse::new|HttpResponse::with_body|HttpResponseBuilder::new|(\w+::)*Response::builder)$/;

/** Callee texts by call node: handlers, contexts and the visit ask about the same calls. */
const callees = new WeakMap<Node, string>();

/** The callee text of a call: `HttpResponse::build`, `.status` (methods keep their dot), `Ok`. */
export function calleeText(call: Node): string {
  let out = callees.get(call);
  if (out !== undefined) return out;
  const fn = call.childForFieldName('function');
  if (!fn) out = '';
  else if (fn.type === 'field_expression') out = `.${fn.childForFieldName('field')?.text ?? ''}`;
  else if (fn.type === 'generic_function') out = fn.childForFieldName('function')?.text ?? '';
  else out = fn.text;
  callees.set(call, out);
  return out;
}

/** The last name of a call's callee: `status`, `build`, `Conflict`, `get`. */
export function calleeName(call: Node): string {
  const t = calleeText(call);
  return t.slice(Math.max(t.lastIndexOf(':'), t.lastIndexOf('.')) + 1);
}

/** The receiver of a method call (`x` in x.status()), if it is one. */
export function receiverOf(call: Node): Node | undefined {
  const fn = call.childForFieldName('function');
  return fn?.type === 'field_expression' ? fn.childForFieldName('value') ?? undefined : undefined;
}

/** True for `resp.status()`, `res.status().as_u16()`, `response.status_code()`. */
export function isStatusRead(node: Node | null | undefined): boolean {
  if (!node || node.type !== 'call_expression') return false;
  const name = calleeName(node);
  if ((name === 'status' || name === 'status_code') && namedArgs(node.childForFieldName('arguments')).length === 0 && receiverOf(node)) return true;
  return (name === 'as_u16' || name === 'as_str') && isStatusRead(receiverOf(node));
}

/** Walks a status expression out through `.unwrap()`, `.expect(..)` and `?`. */
function outer(expr: Node): Node {
  let e = expr;
  for (let i = 0; i < 4; i++) {
    const p = parentOf(e);
    if (p?.type === 'try_expression') e = p;
    else if (p?.type === 'field_expression' && UNWRAP.has(p.childForFieldName('field')?.text ?? '') && parentOf(p)?.type === 'call_expression') e = parentOf(p)!;
    else break;
  }
  return e;
}

/** True when a block's child is its tail expression (the block's value). */
function isTail(block: Node, child: Node): boolean {
  let k = block.namedChildCount - 1;
  let tail = block.namedChild(k);
  while (tail && /comment$/.test(tail.type) && k > 0) tail = block.namedChild(--k);
  if (!tail || tail.startIndex !== child.startIndex || tail.endIndex !== child.endIndex) return false;
  return !(child.type === 'expression_statement' && child.lastChild?.type === ';');
}

/**
 * The function or closure a value is returned from, when the value is what it returns: a
 * `return`, a tail expression (through blocks, if/else, match arms), inside Ok(..)/Err(..),
 * or a closure's body. Undefined when the value is only stored or passed along.
 */
export function returnedFrom(node: Node): Node | undefined {
  let n = node;
  for (let i = 0; i < 40; i++) {
    const p = parentOf(n);
    if (!p) return undefined;
    switch (p.type) {
      case 'return_expression':
        return enclosingFn(p);
      case 'block':
        if (!isTail(p, n)) return undefined;
        break;
      case 'expression_statement':
        if (p.lastChild?.type === ';') return undefined;
        break;
      case 'if_expression':
      case 'else_clause':
      case 'match_block':
      case 'async_block':
      case 'unsafe_block':
      case 'parenthesized_expression':
        break;
      case 'match_arm':
        if (p.childForFieldName('value')?.startIndex !== n.startIndex) return undefined;
        break;
      case 'match_expression':
        if (p.childForFieldName('value')?.startIndex === n.startIndex) return undefined;
        break;
      case 'arguments': {
        const call = parentOf(p);
        if (call?.type !== 'call_expression' || !/^(Ok|Err)$/.test(calleeText(call))) return undefined;
        n = call;
        continue;
      }
      case 'closure_expression':
      case 'function_item':
        return p;
      case 'field_expression':
        // Json(x).into_response() returns what Json(x) is.
        if (!isIntoResponse(n)) return undefined;
        n = parentOf(p)!;
        continue;
      default:
        return undefined;
    }
    n = p;
  }
  return undefined;
}

export function enclosingFn(node: Node): Node | undefined {
  return upTo('rs.fn', parentOf(node), (n) => (n.type === 'function_item' || n.type === 'closure_expression' ? n : undefined), undefined);
}

/** The status context of a status expression: a StatusCode constant or StatusCode::from_u16(n). */
export function contextOf(expr: Node): StatusContext | undefined {
  const e = outer(expr);
  const p = parentOf(e);
  if (!p) return undefined;
  switch (p.type) {
    case 'arguments': {
      const call = parentOf(p);
      if (call?.type !== 'call_expression') return undefined;
      const callee = calleeText(call);
      const index = argIndex(p, e);
      if (CONSTRUCTORS.test(callee) && index === 0) return { role: 'response', form: `${callee}()`, carrier: call, shape: 'actix' };
      if (callee === '.status' && namedArgs(p).length === 1) return { role: 'response', form: '.status()', carrier: call, shape: builderRoot(call) === 'actix' ? 'actix' : 'builder' };
      if (/(^|::)with_status$/.test(callee) && index === 1) return { role: 'response', form: 'reply::with_status()', carrier: call, shape: 'none' };
      if (/^\.(ok_or|ok_or_else)$/.test(callee)) return { role: 'response', form: `${callee}()`, carrier: e, shape: 'bare' };
      if (/^(Ok|Err)$/.test(callee)) return returned(e);
      return undefined;
    }
    case 'tuple_expression':
      if (namedArgs(p)[0]?.startIndex !== e.startIndex) return undefined;
      return returnedFrom(p) || isIntoResponse(p) ? { role: 'response', form: '(status, ...)', carrier: p, shape: 'tuple' } : undefined;
    case 'binary_expression': {
      const op = p.childForFieldName('operator')?.text ?? '';
      const left = p.childForFieldName('left');
      const other = left?.startIndex === e.startIndex ? p.childForFieldName('right') : left;
      return (op === '==' || op === '!=') && isStatusRead(other) ? { role: 'comparison', form: `status() ${op}`, carrier: p, shape: 'none' } : undefined;
    }
    case 'match_pattern': {
      const match = parentOf(parentOf(parentOf(p)));
      const subject = match?.type === 'match_expression' ? match.childForFieldName('value') : undefined;
      return subject && isStatusRead(subject) ? { role: 'comparison', form: 'match status()', carrier: p, shape: 'none' } : undefined;
    }
    case 'assignment_expression':
      // *res.status_mut() = StatusCode::CREATED
      return /status_mut\(\)$/.test(p.childForFieldName('left')?.text ?? '') ? { role: 'response', form: '*status_mut() =', carrier: p, shape: 'none' } : undefined;
    case 'field_expression':
      return isIntoResponse(e) ? { role: 'response', form: '.into_response()', carrier: e, shape: 'bare' } : undefined;
    default:
      return returned(e);
  }
}

function returned(e: Node): StatusContext | undefined {
  return returnedFrom(e) ? { role: 'response', form: 'return status', carrier: e, shape: 'bare' } : undefined;
}

/** `x.into_response()` is called on this expression. */
export function isIntoResponse(e: Node): boolean {
  const p = parentOf(e);
  return p?.type === 'field_expression' && p.childForFieldName('field')?.text === 'into_response' && parentOf(p)?.type === 'call_expression';
}

/** Whether a `.status(..)` call sits on an actix builder or an http/hyper builder. */
function builderRoot(call: Node): 'actix' | 'http' | undefined {
  for (let n: Node | undefined = receiverOf(call); n; ) {
    if (n.type !== 'call_expression') return undefined;
    const callee = calleeText(n);
    if (/^(HttpResponse|HttpResponseBuilder)::/.test(callee)) return 'actix';
    if (/(^|::)Response::builder$|^Builder::new$/.test(callee)) return 'http';
    n = receiverOf(n);
  }
  return undefined;
}

/** `.status(201)` with a number: only on a builder, where the number is sure to be a status. */
export function numberContext(lit: Node): StatusContext | undefined {
  const p = parentOf(lit);
  if (p?.type === 'arguments') {
    const call = parentOf(p);
    if (call?.type !== 'call_expression') return undefined;
    const callee = calleeText(call);
    if (/(^|::)StatusCode::from_u16$/.test(callee)) return contextOf(call) ?? { role: 'reference', form: 'StatusCode::from_u16()', carrier: call, shape: 'none' };
    if (callee === '.status' && namedArgs(p).length === 1 && builderRoot(call)) return { role: 'response', form: '.status()', carrier: call, shape: builderRoot(call) === 'actix' ? 'actix' : 'builder' };
    return undefined;
  }
  if (p?.type === 'binary_expression') {
    const op = p.childForFieldName('operator')?.text ?? '';
    const left = p.childForFieldName('left');
    const other = left?.startIndex === lit.startIndex ? p.childForFieldName('right') : left;
    return (op === '==' || op === '!=') && isStatusRead(other) ? { role: 'comparison', form: `status() ${op}`, carrier: p, shape: 'none' } : undefined;
  }
  if (p?.type === 'match_pattern') {
    const match = parentOf(parentOf(parentOf(p)));
    const subject = match?.type === 'match_expression' ? match.childForFieldName('value') : undefined;
    return subject && isStatusRead(subject) ? { role: 'comparison', form: 'match status()', carrier: p, shape: 'none' } : undefined;
  }
  return undefined;
}
