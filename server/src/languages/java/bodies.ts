// What a Java response body looks like: an error report (`Map.of("error", ...)`, `new ErrorDto(...)`,
// a ProblemDetail), a leaked stack trace or exception, the raw message of a caught exception.
// Judged from the syntax only; doubtful shapes are left alone.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { spanOf } from '../syntax';
import { callParts, lastSegment, stringValue, typeName } from './nodes';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'errorMessage', 'error_message', 'errorCode', 'error_code']);
const ERROR_TYPE = /(^|[a-z])(Error|Errors|Problem|ProblemDetails?|Failure|Fault)(Response|Dto|DTO|Body|Message|Details?|Result|Info|Payload|Resource|Representation)?$/;

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
    if (/(Exception|Error)$/.test(type)) return 'an exception object';
    return undefined;
  }
  if (body.type !== 'method_invocation') return undefined;
  const { name, object, args } = callParts(body);
  const owner = object ? lastSegment(object.text) : '';
  if (owner === 'ProblemDetail' && /^forStatus/.test(name ?? '')) return 'a ProblemDetail';
  // Map.of("error", x), Map.ofEntries(entry("error", x)), Collections.singletonMap("error", x)
  if ((owner === 'Map' && name === 'of') || (owner === 'Collections' && name === 'singletonMap') || (owner === 'ImmutableMap' && name === 'of')) {
    for (let i = 0; i + 1 < args.length; i += 2) {
      const reason = keyReason(stringValue(args[i]), args[i + 1], caught);
      if (reason) return reason;
    }
    return undefined;
  }
  if (owner === 'Map' && name === 'ofEntries') {
    for (const e of args) {
      const entry = e.type === 'method_invocation' ? callParts(e) : undefined;
      const reason = entry?.name === 'entry' && entry.args.length === 2 ? keyReason(stringValue(entry.args[0]), entry.args[1], caught) : undefined;
      if (reason) return reason;
    }
    return undefined;
  }
  // ErrorResponse.builder()...build()
  let root: Node | undefined = body;
  while (root?.type === 'method_invocation') root = callParts(root).object;
  const rootName = root ? lastSegment(root.text) : '';
  if (root?.type === 'identifier' && ERROR_TYPE.test(rootName) && /^[A-Z]/.test(rootName)) return `a ${rootName}`;
  return undefined;
}

function keyReason(key: string | undefined, value: Node, caught: string | undefined): string | undefined {
  if (!key) return undefined;
  if (ERROR_KEYS.has(key) && value.type !== 'null_literal' && value.type !== 'false') return `an "${key}" key`;
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
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}
