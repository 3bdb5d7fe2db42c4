// Where a value in Java is an HTTP status: Spring MVC / WebFlux, JAX-RS, the servlet API, and
// the test libraries (MockMvc, WebTestClient, RestAssured, JUnit, AssertJ, Hamcrest). A number
// counts as a status only in one of these places; everywhere else it is left alone.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { argIndex } from '../syntax';
import { annotationName, callParts, lastSegment, outerMethod, sameNode } from './nodes';
import { parentOf } from '../ancestry';

export interface StatusContext {
  role: SiteRole;
  form: string;
  /** The call, object creation or annotation that carries the status. */
  carrier: Node;
  /** What the value's own place takes when it is narrower than both (an int or an enum parameter). */
  accepts?: 'number' | 'constant';
}

/** Classes whose static `status(...)` starts a response builder. */
export const BUILDERS = new Set(['ResponseEntity', 'Response', 'ServerResponse']);
const STATUS_GETTERS = new Set(['getStatusCode', 'getStatusCodeValue', 'getRawStatusCode', 'statusCode', 'getResponseCode']);
/** Getters that other objects have too (`order.getStatus()`): statuses only for numbers in 100-599. */
const WEAK_GETTERS = new Set(['getStatus', 'status']);
const STATUS_VARS = /^(status|statusCode|httpStatus|responseCode|httpStatusCode)$/;
const EQUALS_ASSERTS = new Set(['assertEquals', 'assertNotEquals']);
const FLUENT_EQUALS = new Set(['isEqualTo', 'isNotEqualTo']);
const MATCHERS = new Set(['is', 'equalTo']);

/** Types whose `setStatus(int)` answers an HTTP request (servlet, WebFlux, Vert.x, their wrappers). */
const RESPONSE_TYPES = /^(HttpServletResponse|ServletResponse|HttpServletResponseWrapper|ServletResponseWrapper|ContentCachingResponseWrapper|ServerHttpResponse|ServletServerHttpResponse|ServerHttpResponseDecorator|HttpServerResponse|HttpResponse|var)$/;
const NOT_TYPES = new Set(['return', 'new', 'throw', 'else', 'case', 'yield', 'assert']);

/**
 * A receiver that is an HTTP response object: `response`, `httpResponse`, `res`,
 * `exchange.getResponse()`. A variable the method declares with another type (`LoginResponse
 * response`, a DTO with a status field) is not one.
 */
export function isResponseObject(node: Node | undefined, at?: Node): boolean {
  if (!node) return false;
  if (node.type === 'method_invocation') return callParts(node).name === 'getResponse';
  const last = lastSegment(node.text);
  const named = /^(res|resp)$/.test(last) || /response$/i.test(last);
  if (node.type !== 'identifier' || !at) return named;
  // The declared type decides when the method writes one: `HttpServletResponse http` is a response.
  const type = declaredType(at, node.text);
  return type === undefined || type === 'var' ? named : RESPONSE_TYPES.test(type);
}

/** The simple type `name` is declared with in the method around `at` (a parameter or a local), if written there. */
function declaredType(at: Node, name: string): string | undefined {
  const method = outerMethod(at);
  if (!method) return undefined;
  const re = new RegExp(`([A-Za-z_][\\w.]*)(?:<[^<>]*(?:<[^<>]*>[^<>]*)*>)?(?:\\[\\])?\\s+${name.replace(/\$/g, '\\$')}\\s*[,)=;:]`, 'g');
  for (const m of method.text.matchAll(re)) {
    if (!NOT_TYPES.has(m[1])) return lastSegment(m[1]);
  }
  return undefined;
}

/** Unwraps parentheses, casts and `.value()` around an expression. */
function unwrap(node: Node): Node {
  let n = node;
  for (let i = 0; i < 6; i++) {
    if (n.type === 'parenthesized_expression' || n.type === 'cast_expression') {
      const inner = n.type === 'cast_expression' ? n.childForFieldName('value') : n.namedChild(0);
      if (!inner) break;
      n = inner;
    } else if (n.type === 'method_invocation' && callParts(n).name === 'value' && callParts(n).args.length === 0 && n.childForFieldName('object')) {
      n = n.childForFieldName('object')!;
    } else {
      break;
    }
  }
  return n;
}

/** An expression that reads a received status: `response.getStatusCode()`, `resp.statusCode()`, `status`. */
export function isStatusRead(node: Node | null | undefined, code?: number): boolean {
  if (!node) return false;
  const n = unwrap(node);
  const plausible = code === undefined || (code >= 100 && code <= 599);
  // Small numbers next to a status getter are a domain object's own codes (`order.getStatusCode() == 2`).
  if (code !== undefined && (code < 100 || code > 999)) return false;
  if (n.type === 'method_invocation') {
    const { name, object, args } = callParts(n);
    if (!object || !name || args.length) return false;
    return STATUS_GETTERS.has(name) || (WEAK_GETTERS.has(name) && plausible);
  }
  if (n.type === 'field_access') return /^(status|statusCode)$/.test(n.childForFieldName('field')?.text ?? '') && plausible;
  // A bare variable only for numbers that can be statuses: `status == 404`, never `status == 1`.
  return n.type === 'identifier' && STATUS_VARS.test(n.text) && plausible;
}

/**
 * The expression a status value stands in: lifts through parentheses, casts, `.value()` and
 * `valueOf(...)`. `accepts` says what the value's own place takes when the first call lifted
 * through decides it: the receiver of `.value()` is an enum constant, `valueOf(`'s argument an int.
 */
function lift(value: Node): { node: Node; via?: string; accepts?: 'number' | 'constant' } {
  let n = value;
  let via: string | undefined;
  let accepts: 'number' | 'constant' | undefined;
  for (let i = 0; i < 6; i++) {
    const p = parentOf(n);
    if (!p) break;
    if (p.type === 'parenthesized_expression' || p.type === 'cast_expression') {
      n = p;
    } else if (p.type === 'ternary_expression' && !sameNode(p.childForFieldName('condition'), n)) {
      // status(created ? 201 : 200): each branch is a status of the same call.
      n = p;
    } else if (p.type === 'method_invocation' && sameNode(p.childForFieldName('object'), n) && /^(value|getStatusCode)$/.test(callParts(p).name ?? '')) {
      accepts ??= 'constant';
      n = p;
    } else if (p.type === 'argument_list' && parentOf(p)?.type === 'method_invocation') {
      const call = parentOf(p)!;
      const { name, object, args } = callParts(call);
      const owner = lastSegment(object?.text ?? '');
      if (args.length !== 1 || !((name === 'valueOf' && /^(HttpStatus|HttpStatusCode)$/.test(owner)) || (name === 'fromStatusCode' && owner === 'Status'))) break;
      via = `${owner}.${name}()`;
      accepts ??= 'number';
      n = call;
    } else {
      break;
    }
  }
  return { node: n, via, accepts };
}

/** The status context of a value node (a number or a constant expression), if it is in one. */
export function contextOf(value: Node, code?: number): StatusContext | undefined {
  const { node, via, accepts } = lift(value);
  const ctx = directContext(node, code) ?? (via ? { role: 'reference', form: via, carrier: node } : undefined);
  // The call lifted through decides what the value's own place takes, not the outer call.
  if (ctx && accepts) ctx.accepts = accepts;
  return ctx;
}

function directContext(value: Node, code: number | undefined): StatusContext | undefined {
  const parent = parentOf(value);
  if (!parent) return undefined;
  switch (parent.type) {
    case 'argument_list':
      return argumentContext(value, parent, code);
    case 'annotation_argument_list':
    case 'element_value_pair':
      return annotationContext(value, parent);
    case 'binary_expression': {
      const op = parent.childForFieldName('operator')?.text ?? '';
      if (op !== '==' && op !== '!=') return undefined;
      const left = parent.childForFieldName('left');
      const other = sameNode(left, value) ? parent.childForFieldName('right') : left;
      return isStatusRead(other, code) ? { role: 'comparison', form: `${other!.text} ${op}`, carrier: parent } : undefined;
    }
    case 'method_invocation': {
      // HttpStatus.OK.equals(response.getStatusCode())
      const { name, object, args } = callParts(parent);
      if (name === 'equals' && sameNode(object, value) && isStatusRead(args[0], code)) return { role: 'comparison', form: '.equals()', carrier: parent };
      return undefined;
    }
    case 'switch_label': {
      const sw = parentOf(parentOf(parent));
      const cond = sw?.childForFieldName('condition');
      return cond && isStatusRead(cond.namedChild(0) ?? cond, code) ? { role: 'comparison', form: 'switch case', carrier: parent } : undefined;
    }
    default:
      return undefined;
  }
}

function argumentContext(value: Node, args: Node, code: number | undefined): StatusContext | undefined {
  const call = parentOf(args);
  if (!call) return undefined;
  const { name, object, args: all } = callParts(call);
  if (!name) return undefined;
  const index = argIndex(args, value);
  const owner = object ? lastSegment(object.text) : '';

  if (call.type === 'object_creation_expression') {
    // Spring's constructors take an HttpStatusCode; only the three-argument forms also take an int.
    const enumOnly = all.length < 3 ? 'constant' : undefined;
    if (name === 'ResponseEntity' && index === all.length - 1 && all.length >= 1) return { role: 'response', form: 'new ResponseEntity<>()', carrier: call, accepts: enumOnly };
    if (name === 'ResponseStatusException' && index === 0) return { role: 'response', form: `new ${name}()`, carrier: call, accepts: enumOnly };
    if (name === 'ErrorResponseException' && index === 0) return { role: 'response', form: `new ${name}()`, carrier: call, accepts: 'constant' };
    if (name === 'WebApplicationException' && index === all.length - 1) return { role: 'response', form: 'new WebApplicationException()', carrier: call };
    return undefined;
  }

  if (EQUALS_ASSERTS.has(name) && all.length >= 2 && index <= 1 && isStatusRead(all[1 - index], code)) return { role: 'assertion', form: `${name}()`, carrier: call };
  if (FLUENT_EQUALS.has(name) && index === 0 && object?.type === 'method_invocation') {
    const inner = callParts(object);
    if (inner.name === 'assertThat' && isStatusRead(inner.args[0], code)) return { role: 'assertion', form: `assertThat().${name}()`, carrier: call };
    if (inner.name === 'expectStatus') return { role: 'assertion', form: `expectStatus().${name}()`, carrier: call };
  }
  // Hamcrest: assertThat(response.getStatus(), is(409)); RestAssured: .statusCode(equalTo(409)).
  if (MATCHERS.has(name) && !object && index === 0) {
    let outer = call;
    for (let up = parentOf(parentOf(outer)); parentOf(outer)?.type === 'argument_list' && up && MATCHERS.has(callParts(up).name ?? ''); up = parentOf(parentOf(outer))) outer = up;
    const holder = parentOf(outer)?.type === 'argument_list' ? parentOf(parentOf(outer)) : undefined;
    const h = holder ? callParts(holder) : undefined;
    if (h?.name === 'assertThat' && isStatusRead(h.args[0], code)) return { role: 'assertion', form: `assertThat(…, ${name}())`, carrier: holder! };
    if (h?.name === 'statusCode' && h.object?.type === 'method_invocation' && /\b(then|expect)\(\)/.test(h.object.text)) return { role: 'assertion', form: '.statusCode()', carrier: holder! };
    return undefined;
  }

  switch (name) {
    case 'status':
      if (index === 0 && BUILDERS.has(owner)) return { role: 'response', form: `${owner}.status()`, carrier: call };
      return undefined;
    case 'setStatus':
    case 'sendError':
      // The servlet API: an int.
      return index === 0 && isResponseObject(object, call) ? { role: 'response', form: `${owner || 'response'}.${name}()`, carrier: call, accepts: 'number' } : undefined;
    case 'setStatusCode':
      // WebFlux's takes an HttpStatusCode, Vert.x's an int: what compiles there is what is written.
      return index === 0 && isResponseObject(object, call) ? { role: 'response', form: `${owner || 'response'}.${name}()`, carrier: call, accepts: writtenKind(value) } : undefined;
    case 'is':
      // MockMvc: status().is(409)
      return index === 0 && object?.type === 'method_invocation' && callParts(object).name === 'status' ? { role: 'assertion', form: 'status().is()', carrier: call, accepts: 'number' } : undefined;
    case 'statusCode':
      // RestAssured: given()...then().statusCode(409); not a builder's `Order.builder().statusCode(3)`.
      return index === 0 && all.length === 1 && object?.type === 'method_invocation' && /\b(then|expect)\(\)/.test(object.text) ? { role: 'assertion', form: '.statusCode()', carrier: call, accepts: 'number' } : undefined;
    case 'forStatus':
    case 'forStatusAndDetail':
      if (owner !== 'ProblemDetail' || index !== 0) return undefined;
      // forStatus takes an int or an HttpStatusCode, forStatusAndDetail only the latter.
      return { role: parentOf(call)?.type === 'return_statement' ? 'response' : 'reference', form: `ProblemDetail.${name}()`, carrier: call, accepts: name === 'forStatusAndDetail' ? 'constant' : undefined };
    default:
      return undefined;
  }
}

/** A number literal proves an int place, a Spring HttpStatus constant an enum one; anything else says nothing. */
function writtenKind(value: Node): StatusContext['accepts'] {
  if (value.type === 'decimal_integer_literal') return 'number';
  return value.type === 'field_access' && lastSegment(value.childForFieldName('object')?.text ?? '') === 'HttpStatus' ? 'constant' : undefined;
}

/** `@ResponseStatus(HttpStatus.CREATED)`, `@ResponseStatus(code = ...)`, Swagger 2's `@ApiResponse(code = 409)`. */
function annotationContext(value: Node, parent: Node): StatusContext | undefined {
  let key = 'value';
  let list = parent;
  if (parent.type === 'element_value_pair') {
    if (!sameNode(parent.childForFieldName('value'), value)) return undefined;
    key = parent.childForFieldName('key')?.text ?? '';
    list = parentOf(parent)!;
  }
  const annotation = parentOf(list);
  if (!annotation || annotation.type !== 'annotation') return undefined;
  const name = annotationName(annotation);
  // An annotation element is typed: HttpStatus for @ResponseStatus, int for Swagger 2's code.
  if (name === 'ResponseStatus' && (key === 'value' || key === 'code')) return { role: 'response', form: '@ResponseStatus', carrier: annotation, accepts: 'constant' };
  if (name === 'ApiResponse' && key === 'code') return { role: 'declaration', form: '@ApiResponse(code)', carrier: annotation, accepts: 'number' };
  return undefined;
}

/** `@ApiResponse(responseCode = "409")` (OpenAPI 3 annotations): a status written as a string. */
export function isResponseCodeString(str: Node): boolean {
  const pair = parentOf(str);
  if (pair?.type !== 'element_value_pair' || pair.childForFieldName('key')?.text !== 'responseCode') return false;
  const annotation = parentOf(parentOf(pair));
  return annotation?.type === 'annotation' && annotationName(annotation) === 'ApiResponse' && /^"[1-5]\d\d"$/.test(str.text);
}
