// What a C# response body looks like: an error report (`new { error = ... }`, `new ErrorResponse(...)`,
// ProblemDetails), a leaked stack trace or exception (`ex.StackTrace`, `ex.ToString()`, the
// exception itself), the raw message of a caught exception (`ex.Message`). Syntax only.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { stringValue, typeName } from './nodes';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'errormessage', 'error_message', 'errorcode', 'error_code']);
/**
 * Types made to report an error: `ErrorResponse`, `ApiError`, `ProblemDetails`. A bare domain noun
 * (`Problem` in a quiz, `DeviceFault` in a monitoring API) is data a success may well carry.
 */
const ERROR_TYPE = /(^|[a-z])(Error|Errors|Problem|Failure|Fault)(Response|Dto|Body|Message|Details?|Result|Info|Payload|Model)$|^(Api|Http|Rest|Web|Service)?Errors?$/;
/** Conditions that switch on development details. */
const DEV_ONLY = /\b(dev|development|debug|isDev\w*|isDebug\w*|IsDevelopment|local|includeStack\w*|showStack\w*|verbose)\b/i;
/** Names that hold an error or its text, as opposed to a record that has an error field. */
const ERRORISH = /^(e|ex|exc|err|error|errors|exception|cause|reason|msg|message|errorMessage|problem|failure)$/i;

/** Facts about a body expression. `caught` is the enclosing catch variable. */
export function bodyFacts(body: Node | undefined, caught: string | undefined): BodyFacts | undefined {
  if (!body || body.type === 'null_literal') return undefined;
  const facts: BodyFacts = { span: spanOf(body) };
  const shape = errorShape(body, caught);
  if (shape) facts.errorShape = { span: spanOf(body), reason: shape };
  if (caught && body.type === 'identifier' && body.text === caught) {
    facts.errorShape = { span: spanOf(body), reason: 'the caught exception itself' };
    facts.leak = { span: spanOf(body), what: 'the raw exception object (with its stack trace)' };
  }
  findLeaks(body, caught, facts);
  return facts;
}

/** Member names of `new { error = "x", e.Message }` with their values. */
function anonymousMembers(obj: Node): { key: string; value?: Node }[] {
  const out: { key: string; value?: Node }[] = [];
  const kids = namedArgs(obj);
  // The names followed by `=`, from the children in one call: nextSibling asks the parser for the
  // parent again (a descent from the root), per member of every body object.
  const all = obj.children;
  const assigned = new Set<number>();
  for (let i = 0; i + 1 < all.length; i++) if (all[i]?.type === 'identifier' && all[i + 1]?.type === '=') assigned.add(all[i]!.id);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    // `name = value` shows up as an identifier followed by its value; a projection `e.Message` as one node.
    if (k.type === 'identifier' && assigned.has(k.id)) {
      out.push({ key: k.text, value: kids[i + 1] });
      i++;
    } else if (k.type === 'member_access_expression') {
      out.push({ key: k.childForFieldName('name')?.text ?? '', value: k });
    } else if (k.type === 'identifier') {
      out.push({ key: k.text, value: k });
    }
  }
  return out;
}

function errorShape(body: Node, caught: string | undefined): string | undefined {
  if (body.type === 'anonymous_object_creation_expression') {
    const members = anonymousMembers(body);
    // GraphQL-style envelopes: data next to errors is a partial success by design.
    const hasData = members.some((m) => m.key.toLowerCase() === 'data' && m.value?.type !== 'null_literal');
    // A batch's `new { results = ok, errors = failed }`: the items that failed next to those that did not.
    const batch = members.some((m) => /^(results|succeeded)$/i.test(m.key) && m.value?.type !== 'null_literal');
    let reason: string | undefined;
    for (const { key, value } of members) {
      reason ??= keyReason(key, value, caught, hasData || (batch && key.toLowerCase() === 'errors'));
      // A JSON-RPC 2.0 reply carries its error in the body and answers 200 by the protocol's convention.
      if (key.toLowerCase() === 'jsonrpc') return undefined;
    }
    return reason;
  }
  if (body.type === 'object_creation_expression') {
    const type = typeName(body.childForFieldName('type')) ?? '';
    if (ERROR_TYPE.test(type)) return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type} object`;
    if (/(Exception)$/.test(type)) return 'an exception object';
    // new Dictionary<string, string> { ["error"] = ... } or { { "error", ... } }
    const init = body.childForFieldName('initializer');
    if (init && /^\{\s*(\[\s*|\{\s*)"(error|errors|errorMessage)"/.test(init.text)) return 'an "error" key';
    return undefined;
  }
  if (body.type === 'invocation_expression' && /^(Problem|ValidationProblem)$/.test(body.childForFieldName('function')?.text.replace(/^.*\./, '') ?? '')) {
    return 'problem details';
  }
  if (body.type === 'string_literal' || body.type === 'verbatim_string_literal' || body.type === 'raw_string_literal') {
    const m = /^\s*\{\s*\\?"(\w+)\\?"\s*:/.exec(stringValue(body) ?? body.text.replace(/^"+/, ''));
    return m && ERROR_KEYS.has(m[1].toLowerCase()) ? `an "${m[1]}" key` : undefined;
  }
  return undefined;
}

/**
 * True when the value of an `error` member reports an error. `null` (also `(string?)null`, the way
 * C# types a null member), `false`, `default` and an empty collection say there is none; a
 * record's own member (`job.Error`) is data about it.
 */
function reportsError(value: Node | undefined, caught: string | undefined): boolean {
  if (!value) return true;
  while (value.type === 'cast_expression' || value.type === 'parenthesized_expression') {
    const inner: Node | null = value.type === 'cast_expression' ? value.childForFieldName('value') : value.namedChild(0);
    if (!inner) return true;
    value = inner;
  }
  if (/^(null_literal|boolean_literal|default_expression)$/.test(value.type)) return false;
  if (/^(Array\.Empty|Enumerable\.Empty)\s*<[^>]*>\s*\(\s*\)$|^new\s+[\w.]+\s*(<[^>]*>)?\s*\(\s*\)$|^\[\s*\]$|^new\s+\w+\s*\[\s*0\s*\]$/.test(value.text)) return false;
  if (value.type === 'member_access_expression') {
    const object = value.childForFieldName('expression');
    const name = value.childForFieldName('name')?.text ?? '';
    return (object?.type === 'identifier' && (object.text === caught || ERRORISH.test(object.text))) || /^(Message|StackTrace|Details?)$/.test(name);
  }
  return true;
}

/** Why `key = value` reports an error, if it does; `envelope`: the key is the errors list of a data or batch envelope. */
function keyReason(key: string, value: Node | undefined, caught: string | undefined, envelope: boolean): string | undefined {
  const k = key.toLowerCase();
  if (ERROR_KEYS.has(k) && !envelope && reportsError(value, caught)) return `an "${key}" member`;
  if ((k === 'success' || k === 'ok') && value?.text === 'false') return `"${key} = false"`;
  if (k === 'status' && value && /^"(error|fail|failed|failure)"$/i.test(value.text)) return `status ${value.text}`;
  if (k === 'message' && caught && value && new RegExp(`(^|[^\\w.])${caught}\\b`).test(value.text)) return 'a message taken from a caught exception';
  return undefined;
}

/** Stack traces and raw exceptions anywhere in the body; the caught exception's message. Bounded. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length && visited++ < 2000) {
    const n = stack.pop()!;
    if (n.type === 'member_access_expression') {
      const name = n.childForFieldName('name')?.text;
      const object = n.childForFieldName('expression')?.text ?? '';
      const onCaught = !!caught && (object === caught || object.startsWith(`${caught}.`));
      if (name === 'StackTrace' && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (a stack trace)` };
      if (name === 'Message' && onCaught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (n.type === 'invocation_expression' && caught) {
      // ex.ToString() includes the stack trace in .NET.
      const fn = n.childForFieldName('function');
      if (fn?.type === 'member_access_expression' && fn.childForFieldName('name')?.text === 'ToString' && fn.childForFieldName('expression')?.text === caught && !facts.leak) {
        facts.leak = { span: spanOf(n), what: `${n.text} (the exception with its stack trace)` };
      }
    } else if (n.type === 'string_literal' || n.type === 'verbatim_string_literal') {
      continue;
    } else if (n.type === 'conditional_expression' && DEV_ONLY.test(n.childForFieldName('condition')?.text ?? '')) {
      // `env.IsDevelopment() ? ex.ToString() : null`: details shown on purpose in development only.
      const other = n.childForFieldName('alternative');
      if (other) stack.push(other);
      continue;
    } else if (n.type === 'interpolation' && caught && n.text === `{${caught}}` && !facts.leak) {
      facts.leak = { span: spanOf(n), what: `${caught} formatted into text (with its stack trace)` };
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}
