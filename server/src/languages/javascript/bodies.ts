// What a response body expression looks like: an error report, a leaked stack, the raw
// message of a caught error. Judged from the syntax only; doubtful shapes are left alone.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { endOf, field, kids, pairKeyName, sourceOf, textOf, typeOf } from './nodes';
import { devBranchIsFirst, productionBranch } from '../../devSwitch';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'errorMessage', 'error_message']);
/** Names that hold an error or its text, as opposed to a record that merely has an error field. */
const ERRORISH = /^(e|err|error|errors|ex|exc|exception|cause|reason|msg|message|errorMessage|problem|failure)$/i;

function spanOf(n: Node): { start: number; end: number } {
  return { start: n.startIndex, end: endOf(n) };
}

/**
 * True when the value of an `error` key reports an error: a message, an error object, a list of
 * errors. A field copied from a record (`job.error`, `task.lastError`) is data about that record,
 * and `null`, `false`, `[]` or `{}` say there is no error.
 */
function reportsError(value: Node | null, caught: string | undefined): boolean {
  if (!value) return true; // shorthand `{ error }`
  const type = typeOf(value);
  if (isFalsy(value) || ((type === 'array' || type === 'object') && kids(value).length === 0)) return false;
  if (type === 'member_expression') {
    const obj = field(value, 'object');
    const prop = textOf(field(value, 'property'));
    return (typeOf(obj) === 'identifier' && (textOf(obj) === caught || ERRORISH.test(textOf(obj)))) || /^(message|stack|details)$/.test(prop);
  }
  return true;
}

/** Facts about a body expression. `caught` is the name of the enclosing catch variable, if any. */
export function bodyFacts(body: Node, caught: string | undefined): BodyFacts | undefined {
  if (isEmptyBody(body)) return undefined;
  // res.end(JSON.stringify({ error })) sends the object's shape.
  const bodyType = typeOf(body);
  if (bodyType === 'call_expression' && textOf(field(body, 'function')) === 'JSON.stringify') {
    const inner = kids(field(body, 'arguments'))[0];
    if (inner) {
      const facts = bodyFacts(inner, caught);
      return facts && { ...facts, span: spanOf(body) };
    }
  }
  const facts: BodyFacts = { span: spanOf(body) };
  if (bodyType === 'object') {
    const pairs = kids(body);
    // GraphQL and similar envelopes: data next to errors is a partial success by design.
    const hasKey = (name: string) => pairs.some((p) => (typeOf(p) === 'pair' && pairKeyName(p) === name && !isFalsy(field(p, 'value')!)) || (typeOf(p) === 'shorthand_property_identifier' && textOf(p) === name));
    const hasData = hasKey('data');
    // A batch's `{ results, errors }`: the items that failed next to those that did not (like 207).
    const hasResults = () => pairs.length > 1 && (hasKey('results') || hasKey('succeeded'));
    for (const p of pairs) {
      const pType = typeOf(p);
      const key = pType === 'pair' ? pairKeyName(p) : pType === 'shorthand_property_identifier' ? textOf(p) : '';
      const value = pType === 'pair' ? field(p, 'value') : null;
      if (ERROR_KEYS.has(key) && !hasData && !(key === 'errors' && hasResults()) && reportsError(value, caught)) {
        facts.errorShape ??= { span: spanOf(p), reason: `an "${key}" key` };
      } else if ((key === 'success' || key === 'ok') && value && textOf(value) === 'false') {
        facts.errorShape ??= { span: spanOf(p), reason: `"${key}: false"` };
      } else if (key === 'status' && value && /^['"](error|fail|failed|failure)['"]$/i.test(textOf(value))) {
        facts.errorShape ??= { span: spanOf(p), reason: `status ${textOf(value)}` };
      } else if ((key === 'status' || key === 'statusCode') && value && typeOf(value) === 'number' && /^[45]\d\d$/.test(textOf(value))) {
        // `{ status: 401, message }`: the body names the error status the response does not send.
        facts.errorShape ??= { span: spanOf(p), reason: `"${key}: ${textOf(value)}"`, code: Number(textOf(value)) };
      } else if (key === 'message' && caught && value && mentionsCaught(value, caught)) {
        facts.errorShape ??= { span: spanOf(p), reason: 'a message taken from a caught error' };
      }
    }
    // A JSON-RPC 2.0 reply carries its error in the body and answers 200 by the protocol's convention.
    if (facts.errorShape && pairs.some((p) => typeOf(p) === 'pair' && pairKeyName(p) === 'jsonrpc')) facts.errorShape = undefined;
  } else if (bodyType === 'new_expression' && /Error$/.test(textOf(field(body, 'constructor')))) {
    facts.errorShape = { span: spanOf(body), reason: 'an Error object' };
  } else if (caught && bodyType === 'identifier' && textOf(body) === caught) {
    facts.errorShape = { span: spanOf(body), reason: 'the caught error itself' };
    facts.leak = { span: spanOf(body), what: 'the raw exception object' };
  }
  findLeaks(body, caught, facts);
  return facts;
}

export function isEmptyBody(n: Node): boolean {
  const type = typeOf(n);
  return type === 'null' || type === 'undefined' || (type === 'identifier' && textOf(n) === 'undefined');
}

function isFalsy(n: Node): boolean {
  const type = typeOf(n);
  if (type === 'null' || type === 'false') return true;
  // What /^(undefined|0|''|""|``)$/ tells of the node's text, read from its first characters
  // (only a name, a number, a string or a template can be one of those).
  const source = sourceOf(n);
  if (source === undefined) return /^(undefined|0|''|""|``)$/.test(textOf(n));
  const s = n.startIndex;
  const c = source.charCodeAt(s);
  if (type === 'string' || type === 'template_string') return (c === 39 || c === 34 || c === 96) && source.charCodeAt(s + 1) === c && endOf(n) === s + 2;
  if (type === 'undefined' || type === 'identifier') return source.startsWith('undefined', s) && endOf(n) === s + 9;
  if (type === 'number') return c === 48 && endOf(n) === s + 1;
  return false;
}

function mentionsCaught(n: Node, caught: string): boolean {
  return new RegExp(`(^|[^\\w$.])${caught.replace(/\$/g, '\\$')}\\b`).test(textOf(n));
}

/** `err.stack` anywhere in the body; `err.message` of a caught error. Bounded walk of the body only. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  // Every leak names a stack or the caught error: without either, the body's nodes need no reading.
  const written = textOf(body);
  if (!written.includes('stack') && !(caught && written.includes(caught))) return;
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length && visited++ < 2000) {
    const n = stack.pop()!;
    const type = typeOf(n);
    if (type === 'member_expression') {
      const prop = textOf(field(n, 'property'));
      const obj = field(n, 'object');
      // `stack` of an error-like object; a `stack` field of other data (a deck, a call stack model) is not a trace.
      if (prop === 'stack' && !facts.leak && obj && (textOf(obj) === caught || ERRORISH.test(textOf(obj).split('.').pop() ?? ''))) facts.leak = { span: spanOf(n), what: `${textOf(n)} (a stack trace)` };
      if (prop === 'message' && caught && obj && textOf(obj) === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (type === 'call_expression' && caught && /^String$/.test(textOf(field(n, 'function')))) {
      const a = kids(field(n, 'arguments'))[0];
      if (a && textOf(a) === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (caught && !facts.leak && (type === 'shorthand_property_identifier' ? textOf(n) === caught : type === 'pair' && textOf(field(n, 'value')) === caught)) {
      // `{ error }` or `{ error: err }` with the caught exception: serialised with whatever it carries.
      facts.leak = { span: spanOf(n), what: 'the raw exception object' };
    }
    if (type === 'ternary_expression') {
      // `isDev ? err.stack : undefined`: what only development sends is shown on purpose.
      const prod = productionBranch(textOf(field(n, 'condition')), field(n, 'consequence'), field(n, 'alternative'));
      if (prod) {
        if (prod.branch) stack.push(prod.branch);
        continue;
      }
    } else if (type === 'binary_expression' && textOf(field(n, 'operator')) === '&&' && devBranchIsFirst(textOf(field(n, 'left'))) === true) {
      // `...(isDev && { stack: err.stack })`: the right side is sent only in development.
      continue;
    }
    const children = kids(n);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
