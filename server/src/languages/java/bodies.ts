// What a Java response body looks like: an error report (`Map.of("error", ...)`, `new ErrorDto(...)`,
// a ProblemDetail), a leaked stack trace or exception, the raw message of a caught exception.
// Judged from the syntax only; doubtful shapes are left alone.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { spanOf } from '../syntax';
import { callParts, lastSegment, stringValue, typeName } from './nodes';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'errorMessage', 'error_message', 'errorCode', 'error_code']);
/**
 * Types made to report an error: `ErrorResponse`, `ApiError`, `ProblemDetail`. A bare domain noun
 * (`Problem` in a quiz, `DeviceFault` in a monitoring API, `ValidationError` listed by a validator)
 * is data a success may well carry.
 */
const ERROR_TYPE = /(^|[a-z])(Error|Errors|Problem|Failure|Fault)(Response|Dto|DTO|Body|Message|Details?|Result|Info|Payload|Resource|Representation)$|^(Api|Http|Rest|Web|Service)?Errors?$/;
/** Conditions that switch on development details. */
const DEV_ONLY = /\b(dev|development|debug|isDev\w*|isDebug\w*|local|includeStack\w*|showStack\w*|verbose)\b/i;
/** Names that hold an error or its text, as opposed to a record that has an error field. */
const ERRORISH = /^(e|ex|exc|err|error|errors|exception|cause|reason|msg|message|errorMessage|problem|failure|violations?)$/i;
/** Calls that make an empty collection: an `errors` key with one says there is no error. */
const EMPTY = /^(List|Set|Map|Collections|Optional|Stream|ImmutableList|ImmutableMap|ImmutableSet)\.(of|empty\w*)\(\s*\)$|^new\s+\w+(<[^>]*>)?\s*\(\s*\)$/;

/** Facts about a body expression. `caught` is the enclosing catch variable (or @ExceptionHandler parameter). */
export function bodyFacts(body: Node | undefined, caught: string | undefined): BodyFacts | undefined {
  if (!body || body.type === 'null_literal') return undefined;
  const facts: BodyFacts = { span: spanOf(body) };
  const shape = errorShape(body, caught);
  if (shape) facts.errorShape = { span: spanOf(body), reason: shape };
  if (caught && body.type === 'identifier' && body.text === caught) {
    facts.errorShape = { span: spanOf(body), reason: 'the caught exception itself' };
    facts.leak = { span: spanOf(body), what: 'the raw exception object' };
  }
  findLeaks(body, caught, facts);
  return facts;
}

function errorShape(body: Node, caught: string | undefined): string | undefined {
  // A JSON text written by hand: "{\"error\": ...}", maybe concatenated with values.
  while (body.type === 'binary_expression' && body.childForFieldName('left')) body = body.childForFieldName('left')!;
  if (body.type === 'string_literal') {
    const m = /^"\s*\{\s*\\"(\w+)\\"\s*:/.exec(body.text);
    return m && ERROR_KEYS.has(m[1]) ? `an "${m[1]}" key` : undefined;
  }
  if (body.type === 'object_creation_expression') {
    const type = typeName(body.childForFieldName('type')) ?? '';
    if (ERROR_TYPE.test(type)) return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type} object`;
    if (/(Exception|Throwable)$/.test(type)) return 'an exception object';
    return undefined;
  }
  if (body.type !== 'method_invocation') return undefined;
  const { name, object, args } = callParts(body);
  const owner = object ? lastSegment(object.text) : '';
  if (owner === 'ProblemDetail' && /^forStatus/.test(name ?? '')) return 'a ProblemDetail';
  // Map.of("error", x), Map.ofEntries(entry("error", x)), Collections.singletonMap("error", x)
  const pairs: [string | undefined, Node][] = [];
  if ((owner === 'Map' && name === 'of') || (owner === 'Collections' && name === 'singletonMap') || (owner === 'ImmutableMap' && name === 'of')) {
    for (let i = 0; i + 1 < args.length; i += 2) pairs.push([stringValue(args[i]), args[i + 1]]);
  } else if (owner === 'Map' && name === 'ofEntries') {
    for (const e of args) {
      const entry = e.type === 'method_invocation' ? callParts(e) : undefined;
      if (entry?.name === 'entry' && entry.args.length === 2) pairs.push([stringValue(entry.args[0]), entry.args[1]]);
    }
  }
  if (pairs.length) {
    // GraphQL-style envelopes: data next to errors is a partial success by design.
    const hasData = pairs.some(([k, v]) => k === 'data' && v.type !== 'null_literal');
    // A batch's `Map.of("results", ok, "errors", failed)`: the items that failed next to those that did not.
    const batch = pairs.some(([k, v]) => (k === 'results' || k === 'succeeded') && v.type !== 'null_literal');
    // A JSON-RPC 2.0 reply carries its error in the body and answers 200 by the protocol's convention.
    if (pairs.some(([k]) => k === 'jsonrpc')) return undefined;
    for (const [key, value] of pairs) {
      const reason = keyReason(key, value, caught, hasData || (batch && key === 'errors'));
      if (reason) return reason;
    }
    return undefined;
  }
  // ErrorResponse.builder()...build()
  let root: Node | undefined = body;
  while (root?.type === 'method_invocation') root = callParts(root).object;
  const rootName = root ? lastSegment(root.text) : '';
  // `Problem.builder()` / `Problem.valueOf(...)`: Zalando's problem type, made only to report one.
  if (root?.type === 'identifier' && (ERROR_TYPE.test(rootName) || rootName === 'Problem') && /^[A-Z]/.test(rootName)) return `a ${rootName}`;
  return undefined;
}

/**
 * True when the value of an `error` key reports an error. `null`, `false` and an empty collection
 * say there is none; a record's own field (`job.getError()`, `task.lastError`) is data about it.
 */
function reportsError(value: Node, caught: string | undefined): boolean {
  if (value.type === 'null_literal' || value.type === 'false' || EMPTY.test(value.text)) return false;
  if (value.type === 'method_invocation' || value.type === 'field_access') {
    const member = value.childForFieldName(value.type === 'field_access' ? 'field' : 'name')?.text ?? '';
    const object = value.childForFieldName('object');
    if (object?.type === 'identifier' && object.text !== caught && !ERRORISH.test(object.text) && /^(get)?(last)?(error|errors|errorMessage|failure|failureReason)$/i.test(member)) return false;
  }
  return true;
}

/** Why `key: value` reports an error, if it does; `envelope`: the key is the errors list of a data or batch envelope. */
function keyReason(key: string | undefined, value: Node, caught: string | undefined, envelope: boolean): string | undefined {
  if (!key) return undefined;
  if (ERROR_KEYS.has(key) && !envelope && reportsError(value, caught)) return `an "${key}" key`;
  if ((key === 'success' || key === 'ok') && value.type === 'false') return `"${key}": false`;
  if (key === 'status' && /^"(error|fail|failed|failure)"$/i.test(value.text)) return `status ${value.text}`;
  if (key === 'message' && caught && new RegExp(`(^|[^\\w$.])${caught.replace(/\$/g, '\\$')}\\b`).test(value.text)) return 'a message taken from a caught exception';
  return undefined;
}

/** Stack traces anywhere in the body; the caught exception's message. A bounded walk of the body only. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length && visited++ < 2000) {
    const n = stack.pop()!;
    if (n.type === 'method_invocation') {
      const { name, object, args } = callParts(n);
      const owner = object ? lastSegment(object.text) : '';
      const onCaught = !!caught && object?.text === caught;
      if (!facts.leak && (name === 'getStackTrace' || name === 'printStackTrace' || (/^(getStackTrace|getStackTraceAsString|getFullStackTrace)$/.test(name ?? '') && /^(ExceptionUtils|Throwables)$/.test(owner) && args.length === 1))) {
        facts.leak = { span: spanOf(n), what: `${n.text} (a stack trace)` };
      }
      if (!facts.rawErrorMessage && caught && /^(getMessage|getLocalizedMessage|toString)$/.test(name ?? '') && (onCaught || object?.text.startsWith(`${caught}.`))) {
        facts.rawErrorMessage = spanOf(n);
      }
    } else if (n.type === 'string_literal') {
      continue;
    } else if (n.type === 'ternary_expression' && DEV_ONLY.test(n.childForFieldName('condition')?.text ?? '')) {
      // `debug ? getStackTrace(ex) : ""`: details shown on purpose behind a development switch.
      const other = n.childForFieldName('alternative');
      if (other) stack.push(other);
      continue;
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}
