// Where a value in C# is an HTTP status: ASP.NET Core controllers and minimal APIs, middleware
// writing `context.Response.StatusCode`, the attributes that document responses, and the test
// libraries (xUnit, NUnit, MSTest, FluentAssertions, Shouldly). A number counts as a status only
// in one of these places; everywhere else it is left alone.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { isControllerClass } from './helpers';
import { attributeName, callParts, enclosingClass, enclosingFunction, lastSegment, sameNode } from './nodes';
import { parentOf } from '../ancestry';

export interface StatusContext {
  role: SiteRole;
  form: string;
  /** The invocation, object creation, assignment or attribute that carries the status. */
  carrier: Node;
  /** `number` where the value's own place is an int (`StatusCode(int)`, `Response.StatusCode = `). */
  accepts?: 'number' | 'constant';
}

const RESULT_OWNERS = new Set(['Results', 'TypedResults']);
const EQUAL_ASSERTS = new Set(['Equal', 'NotEqual', 'AreEqual', 'AreNotEqual', 'StrictEqual']);
const FLUENT = new Set(['Be', 'NotBe', 'ShouldBe', 'ShouldNotBe', 'HaveStatusCode', 'HaveHttpStatusCode']);
const DOC_ATTRIBUTES = new Set(['ProducesResponseType', 'SwaggerResponse', 'ProducesDefaultResponseType']);
const RESULT_TYPES = new Set(['ObjectResult', 'JsonResult', 'ContentResult', 'StatusCodeResult']);

function unwrap(node: Node): Node {
  let n = node;
  for (let i = 0; i < 4 && (n.type === 'parenthesized_expression' || n.type === 'cast_expression'); i++) {
    const inner = n.type === 'cast_expression' ? n.childForFieldName('value') : n.namedChild(0);
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** An expression that reads a received or current status: `response.StatusCode`, `(int)res.StatusCode`, `statusCode`. */
export function isStatusRead(node: Node | null | undefined, code?: number): boolean {
  if (!node) return false;
  // Small numbers next to a StatusCode are a domain object's own codes (`order.StatusCode == 2`).
  if (code !== undefined && (code < 100 || code > 999)) return false;
  const n = unwrap(node);
  if (n.type === 'member_access_expression') return n.childForFieldName('name')?.text === 'StatusCode';
  if (n.type === 'conditional_access_expression') return /\.StatusCode$/.test(n.text);
  const plausible = code === undefined || (code >= 100 && code <= 599);
  return n.type === 'identifier' && /^(statusCode|status|httpStatus|responseCode)$/i.test(n.text) && plausible;
}

/** Lifts a value through parentheses, casts and the arms of `cond ? 201 : 200`; says whether a cast was crossed. */
function lift(value: Node): { node: Node; cast: boolean } {
  let n = value;
  let cast = false;
  for (let i = 0; i < 6; i++) {
    const p = parentOf(n);
    if (!p) break;
    if (p.type === 'parenthesized_expression' || p.type === 'cast_expression') {
      cast ||= p.type === 'cast_expression';
      n = p;
    } else if (p.type === 'conditional_expression' && !sameNode(p.childForFieldName('condition'), n)) n = p;
    else break;
  }
  return { node: n, cast };
}

/** The status context of a value node (a number or a constant expression), if it is in one. */
export function contextOf(value: Node, code?: number): StatusContext | undefined {
  const { node, cast } = lift(value);
  const ctx = placeContext(node, code);
  // `(int)HttpStatusCode.Conflict`: the value's own place is the cast's operand, which takes either.
  if (ctx && cast) delete ctx.accepts;
  return ctx;
}

function placeContext(node: Node, code: number | undefined): StatusContext | undefined {
  const parent = parentOf(node);
  if (!parent) return undefined;
  switch (parent.type) {
    case 'argument':
      return argumentContext(parent, code);
    case 'attribute_argument':
      return attributeContext(parent);
    case 'assignment_expression':
      return assignmentContext(node, parent);
    case 'binary_expression': {
      const op = parent.childForFieldName('operator')?.text ?? '';
      if (op !== '==' && op !== '!=') return undefined;
      const left = parent.childForFieldName('left');
      const other = sameNode(left, node) ? parent.childForFieldName('right') : left;
      return isStatusRead(other, code) ? { role: 'comparison', form: `${other!.text} ${op}`, carrier: parent } : undefined;
    }
    case 'constant_pattern':
      return patternContext(parent, code);
    default:
      return undefined;
  }
}

/** `x.StatusCode is HttpStatusCode.NotFound`, `case 404:` in a switch on a status, switch-expression arms. */
function patternContext(pattern: Node, code: number | undefined): StatusContext | undefined {
  const holder = parentOf(pattern);
  if (!holder) return undefined;
  let subject: Node | null | undefined;
  if (holder.type === 'is_pattern_expression') subject = holder.childForFieldName('expression');
  else if (holder.type === 'switch_section') subject = parentOf(parentOf(holder))?.childForFieldName('value');
  else if (holder.type === 'switch_expression_arm') subject = parentOf(holder)?.namedChild(0);
  return isStatusRead(subject, code) ? { role: 'comparison', form: holder.type === 'is_pattern_expression' ? 'is' : 'switch', carrier: holder } : undefined;
}

function argumentContext(arg: Node, code: number | undefined): StatusContext | undefined {
  const list = parentOf(arg);
  const call = parentOf(list);
  if (!list || !call) return undefined;
  const { name, receiver, args } = callParts(call);
  if (!name) return undefined;
  const index = args.findIndex((a) => sameNode(a.node, arg));
  const argName = args[index]?.name;
  const owner = receiver ? lastSegment(receiver.text) : '';

  if (call.type === 'object_creation_expression') {
    return name === 'StatusCodeResult' && index === 0 ? { role: 'response', form: 'new StatusCodeResult()', carrier: call, accepts: 'number' } : undefined;
  }
  if (call.type !== 'invocation_expression') return undefined;

  // Responses: StatusCode(409), Results.StatusCode(418), Results.Json(x, statusCode: 409), Problem(statusCode: 409).
  // Bare calls are ControllerBase's methods only inside a controller.
  const ours = receiver ? RESULT_OWNERS.has(owner) : (argName === 'statusCode' || name === 'StatusCode') && isControllerClass(enclosingClass(call));
  // ASP.NET Core takes statuses as ints (`int statusCode`, `int? statusCode`) everywhere.
  if (argName === 'statusCode' && ours) return { role: 'response', form: `${receiver ? `${owner}.` : ''}${name}(statusCode:)`, carrier: call, accepts: 'number' };
  if (name === 'StatusCode' && index === 0 && !argName && ours) return { role: 'response', form: `${receiver ? `${owner}.` : ''}StatusCode()`, carrier: call, accepts: 'number' };
  // Minimal API metadata: app.MapPost(...).Produces(201), .ProducesProblem(409)
  if (/^Produces(Problem)?$/.test(name) && index === 0 && receiver?.type === 'invocation_expression') return { role: 'declaration', form: `.${name}()`, carrier: call, accepts: 'number' };

  // Assertions.
  if (EQUAL_ASSERTS.has(name) && /^(Assert|ClassicAssert)$/.test(owner) && index <= 1 && args.length >= 2 && isStatusRead(args[1 - index].value, code)) {
    return { role: 'assertion', form: `Assert.${name}()`, carrier: call };
  }
  if (FLUENT.has(name) && index === 0 && receiver) {
    // response.StatusCode.Should().Be(...), response.Should().HaveStatusCode(...), response.StatusCode.ShouldBe(...)
    const subject = receiver.type === 'invocation_expression' && callParts(receiver).name === 'Should' ? callParts(receiver).receiver : receiver;
    if (name.startsWith('Have') || isStatusRead(subject, code)) return { role: 'assertion', form: `.${name}()`, carrier: call };
  }
  // NUnit: Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK))
  if (name === 'EqualTo' && owner === 'Is' && index === 0) {
    const holder = parentOf(call)?.type === 'argument' ? parentOf(parentOf(parentOf(call))) : undefined;
    const h = holder ? callParts(holder) : undefined;
    if (h?.name === 'That' && isStatusRead(h.args[0]?.value, code)) return { role: 'assertion', form: 'Assert.That(…, Is.EqualTo())', carrier: holder! };
  }
  return undefined;
}

function attributeContext(attrArg: Node): StatusContext | undefined {
  const attribute = parentOf(parentOf(attrArg));
  if (attribute?.type !== 'attribute') return undefined;
  const name = attributeName(attribute);
  return DOC_ATTRIBUTES.has(name) ? { role: 'declaration', form: `[${name}]`, carrier: attribute, accepts: 'number' } : undefined;
}

/** Types whose StatusCode is the status of an HTTP response. */
const RESPONSE_TYPES = /^(HttpResponse|HttpResponseMessage|var)$/;

/**
 * A variable the function declares with another type (`var response = new ApiResponse<T>()`,
 * `ServiceResult response`) is a DTO with a StatusCode of its own, not the HTTP response.
 */
function declaredAsResponse(target: Node, at: Node): boolean {
  if (target.type !== 'identifier') return true;
  const fn = enclosingFunction(at);
  if (!fn) return true;
  const name = target.text;
  const text = fn.text;
  const created = new RegExp(`\\bvar\\s+${name}\\s*=\\s*new\\s+([\\w.]+)`).exec(text);
  if (created) return RESPONSE_TYPES.test(lastSegment(created[1]));
  const typed = new RegExp(`([A-Za-z_][\\w.]*)(?:<[^<>]*>)?\\??\\s+${name}\\s*[,)=;]`).exec(text);
  return !typed || /^(return|new|throw|else|case|await|yield|in|out|ref)$/.test(typed[1]) || RESPONSE_TYPES.test(lastSegment(typed[1]));
}

/** HttpResponseMessage.StatusCode is an HttpStatusCode, HttpResponse.StatusCode an int: an enum constant written there says which. */
function enumWritten(value: Node): boolean {
  return value.type === 'member_access_expression' && lastSegment(value.childForFieldName('expression')?.text ?? '') === 'HttpStatusCode';
}

/** `Response.StatusCode = 403`, `new ObjectResult(x) { StatusCode = 409 }`, `[ProducesResponseType(StatusCode = 409)]`. */
function assignmentContext(value: Node, assignment: Node): StatusContext | undefined {
  if (!sameNode(assignment.childForFieldName('right'), value)) return undefined;
  const left = assignment.childForFieldName('left');
  if (!left) return undefined;
  // Rate limiter options: the status of every rejected request.
  if (/(^|\.)RejectionStatusCode$/.test(left.text)) return { role: 'response', form: 'RejectionStatusCode =', carrier: assignment, accepts: 'number' };
  if (left.type === 'member_access_expression' && left.childForFieldName('name')?.text === 'StatusCode') {
    const target = left.childForFieldName('expression');
    if (target && /(^|\.)([Rr]esponse|res|resp|httpResponse)$/.test(target.text) && declaredAsResponse(target, assignment)) return { role: 'response', form: `${lastSegment(target.text)}.StatusCode =`, carrier: assignment, accepts: enumWritten(value) ? 'constant' : 'number' };
    return undefined;
  }
  if (left.type !== 'identifier' || left.text !== 'StatusCode') return undefined;
  const holder = parentOf(assignment);
  const creation = parentOf(holder);
  if (holder?.type === 'initializer_expression' && creation?.type === 'object_creation_expression') {
    const type = callParts(creation).name ?? '';
    // MVC's result types only: `new ServiceResult { StatusCode = 1 }` is a DTO of the application's own.
    return RESULT_TYPES.has(type) || /(ObjectResult|StatusCodeResult|ContentResult|JsonResult|ViewResult)$/.test(type) ? { role: 'response', form: `new ${type} { StatusCode }`, carrier: creation, accepts: 'number' } : undefined;
  }
  if (holder?.type === 'attribute_argument') return attributeContext(holder);
  return undefined;
}
