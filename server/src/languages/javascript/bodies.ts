// What a response body expression looks like: an error report, a leaked stack, the raw
// message of a caught error. Judged from the syntax only; doubtful shapes are left alone.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'errorMessage', 'error_message']);
/** Names that hold an error or its text, as opposed to a record that merely has an error field. */
const ERRORISH = /^(e|err|error|errors|ex|exc|exception|cause|reason|msg|message|errorMessage|problem|failure)$/i;

function keyName(pair: Node): string {
  return (pair.childForFieldName('key')?.text ?? '').replace(/^['"]|['"]$/g, '');
}

/**
 * True when the value of an `error` key reports an error: a message, an error object, a list of
 * errors. A field copied from a record (`job.error`, `task.lastError`) is data about that record,
 * and `null`, `false`, `[]` or `{}` say there is no error.
 */
function reportsError(value: Node | null, caught: string | undefined): boolean {
  if (!value) return true; // shorthand `{ error }`
  if (isFalsy(value) || ((value.type === 'array' || value.type === 'object') && namedArgs(value).length === 0)) return false;
  if (value.type === 'member_expression') {
    const obj = value.childForFieldName('object');
    const prop = value.childForFieldName('property')?.text ?? '';
    return (obj?.type === 'identifier' && (obj.text === caught || ERRORISH.test(obj.text))) || /^(message|stack|details)$/.test(prop);
  }
  return true;
}

/** Facts about a body expression. `caught` is the name of the enclosing catch variable, if any. */
export function bodyFacts(body: Node, caught: string | undefined): BodyFacts | undefined {
  if (isEmptyBody(body)) return undefined;
  // res.end(JSON.stringify({ error })) sends the object's shape.
  if (body.type === 'call_expression' && body.childForFieldName('function')?.text === 'JSON.stringify') {
    const inner = namedArgs(body.childForFieldName('arguments'))[0];
    if (inner) {
      const facts = bodyFacts(inner, caught);
      return facts && { ...facts, span: spanOf(body) };
    }
  }
  const facts: BodyFacts = { span: spanOf(body) };
  if (body.type === 'object') {
    const pairs = namedArgs(body);
    // GraphQL and similar envelopes: data next to errors is a partial success by design.
    const hasData = pairs.some((p) => (p.type === 'pair' && keyName(p) === 'data' && !isFalsy(p.childForFieldName('value')!)) || (p.type === 'shorthand_property_identifier' && p.text === 'data'));
    for (const p of pairs) {
      const key = p.type === 'pair' ? keyName(p) : p.type === 'shorthand_property_identifier' ? p.text : '';
      const value = p.type === 'pair' ? p.childForFieldName('value') : null;
      if (ERROR_KEYS.has(key) && !hasData && reportsError(value, caught)) {
        facts.errorShape ??= { span: spanOf(p), reason: `an "${key}" key` };
      } else if ((key === 'success' || key === 'ok') && value?.text === 'false') {
        facts.errorShape ??= { span: spanOf(p), reason: `"${key}: false"` };
      } else if (key === 'status' && value && /^['"](error|fail|failed|failure)['"]$/i.test(value.text)) {
        facts.errorShape ??= { span: spanOf(p), reason: `status ${value.text}` };
      } else if (key === 'message' && caught && value && mentionsCaught(value, caught)) {
        facts.errorShape ??= { span: spanOf(p), reason: 'a message taken from a caught error' };
      }
    }
  } else if (body.type === 'new_expression' && /Error$/.test(body.childForFieldName('constructor')?.text ?? '')) {
    facts.errorShape = { span: spanOf(body), reason: 'an Error object' };
  } else if (caught && body.type === 'identifier' && body.text === caught) {
    facts.errorShape = { span: spanOf(body), reason: 'the caught error itself' };
    facts.leak = { span: spanOf(body), what: 'the raw exception object' };
  }
  findLeaks(body, caught, facts);
  return facts;
}

export function isEmptyBody(n: Node): boolean {
  return n.type === 'null' || n.type === 'undefined' || (n.type === 'identifier' && n.text === 'undefined');
}

function isFalsy(n: Node): boolean {
  return n.type === 'null' || n.type === 'false' || /^(undefined|0|''|""|``)$/.test(n.text);
}

function mentionsCaught(n: Node, caught: string): boolean {
  return new RegExp(`(^|[^\\w$.])${caught.replace(/\$/g, '\\$')}\\b`).test(n.text);
}

/** `err.stack` anywhere in the body; `err.message` of a caught error. Bounded walk of the body only. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length && visited++ < 2000) {
    const n = stack.pop()!;
    if (n.type === 'member_expression') {
      const prop = n.childForFieldName('property')?.text;
      const obj = n.childForFieldName('object');
      // `stack` of an error-like object; a `stack` field of other data (a deck, a call stack model) is not a trace.
      if (prop === 'stack' && !facts.leak && obj && (obj.text === caught || ERRORISH.test(obj.text.split('.').pop() ?? ''))) facts.leak = { span: spanOf(n), what: `${n.text} (a stack trace)` };
      if (prop === 'message' && caught && obj?.text === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (n.type === 'call_expression' && caught && /^String$/.test(n.childForFieldName('function')?.text ?? '')) {
      const a = namedArgs(n.childForFieldName('arguments'))[0];
      if (a?.text === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (caught && !facts.leak && (n.type === 'shorthand_property_identifier' ? n.text === caught : n.type === 'pair' && n.childForFieldName('value')?.text === caught)) {
      // `{ error }` or `{ error: err }` with the caught exception: serialised with whatever it carries.
      facts.leak = { span: spanOf(n), what: 'the raw exception object' };
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}
