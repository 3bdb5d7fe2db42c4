// What a PHP response body looks like: an error report (`['error' => ...]`), a leaked trace
// (`$e->getTraceAsString()`), or the raw message of a caught exception (`$e->getMessage()`).
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { spanOf } from '../syntax';
import { arrayPairs, stringValue } from './syntax';
import { typeOf } from '../parents';
import { productionBranch } from '../../devSwitch';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'error_message', 'errorMessage']);
const LEAK_METHODS = new Set(['getTraceAsString', 'getTrace', '__toString']);
const WHERE_METHODS = new Set(['getFile', 'getLine']);
/** Names that hold an error, as opposed to a record that merely has an error field. */
const ERRORISH = /^(e|err|error|errors|ex|exc|exception|cause|reason|msg|message|problem|failure|validator|violations)$/i;

function isEmpty(n: Node): boolean {
  return typeOf(n) === 'null' || (typeOf(n) === 'string' && /^(''|"")$/.test(n.text));
}

/** Facts about a body expression. `caught` is the caught exception's variable (`$e`), if any. */
export function bodyFacts(body: Node | undefined, caught: string | undefined): BodyFacts | undefined {
  if (!body || isEmpty(body)) return undefined;
  const facts: BodyFacts = { span: spanOf(body) };
  const pairs = arrayPairs(body);
  // ['data' => $rows, 'errors' => $failures]: data next to errors is a partial success by design.
  const has = (name: string) => pairs.some((p) => stringValue(p.key) === name && p.value && !isFalsy(p.value));
  const hasData = has('data');
  // A batch's ['results' => $done, 'errors' => $failed]: the items that failed next to those that did not.
  const hasResults = () => pairs.length > 1 && (has('results') || has('succeeded'));
  for (const { key, value, element } of pairs) {
    const k = stringValue(key);
    if (k === undefined || !value) continue;
    if (ERROR_KEYS.has(k) && !hasData && !(k === 'errors' && hasResults()) && reportsError(value, caught)) {
      facts.errorShape ??= { span: spanOf(element), reason: `an "${k}" key` };
    } else if ((k === 'success' || k === 'ok') && /^false$/i.test(value.text)) {
      facts.errorShape ??= { span: spanOf(element), reason: `"${k}" => false` };
    } else if (k === 'status' && /^(error|fail|failed|failure)$/i.test(stringValue(value) ?? '')) {
      facts.errorShape ??= { span: spanOf(element), reason: `status ${value.text}` };
    } else if (k === 'message' && caught && mentions(value, caught)) {
      facts.errorShape ??= { span: spanOf(element), reason: 'a message taken from a caught exception' };
    }
  }
  // A JSON-RPC 2.0 reply carries its error in the body and answers 200 by the protocol's convention.
  if (facts.errorShape && pairs.some((p) => stringValue(p.key) === 'jsonrpc')) facts.errorShape = undefined;
  if (caught && typeOf(body) === 'variable_name' && body.text === caught) {
    // An error report, but no leak: json_encode() writes only public properties, and an
    // exception's message, file, line and trace are not (`response()->json($e)` sends `{}`).
    facts.errorShape = { span: spanOf(body), reason: 'the caught exception itself' };
  }
  findLeaks(body, caught, facts);
  return facts;
}

/** null, false, '' and `[]`: `'errors' => []` says there are none. */
function isFalsy(n: Node): boolean {
  if (isEmpty(n) || /^(false|''|"")$/i.test(n.text)) return true;
  return typeOf(n) === 'array_creation_expression' && arrayPairs(n).length === 0;
}

/**
 * True when the value of an `error` key reports an error. `'errors' => []` does not, and neither
 * does a property read from a record (`$job->last_error`): that is data about the record. An
 * exception's message or trace, or a validator's errors, still do.
 */
function reportsError(value: Node, caught: string | undefined): boolean {
  if (isFalsy(value)) return false;
  if (typeOf(value) !== 'member_access_expression' && typeOf(value) !== 'nullsafe_member_access_expression') return true;
  const obj = value.childForFieldName('object');
  if (!obj || typeOf(obj) !== 'variable_name' || obj.text === '$this') return true;
  return obj.text === caught || ERRORISH.test(obj.text.slice(1));
}

function mentions(n: Node, caught: string): boolean {
  return new RegExp(`\\${caught}\\b`).test(n.text);
}

/** `$e->getTraceAsString()`, `(string) $e`, `debug_backtrace()`; `$e->getMessage()` of a caught exception. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length && visited++ < 2000) {
    const n = stack.pop()!;
    if (typeOf(n) === 'member_call_expression') {
      const name = n.childForFieldName('name')?.text ?? '';
      const obj = n.childForFieldName('object')?.text;
      if (LEAK_METHODS.has(name) && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (a stack trace)` };
      if (WHERE_METHODS.has(name) && caught && obj === caught && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (where on the server the error happened)` };
      if (name === 'getMessage' && caught && obj === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (typeOf(n) === 'function_call_expression' && /^\\?debug_backtrace$/.test(n.childForFieldName('function')?.text ?? '') && !facts.leak) {
      facts.leak = { span: spanOf(n), what: 'debug_backtrace() (a stack trace)' };
    } else if (typeOf(n) === 'cast_expression' && caught && n.lastNamedChild?.text === caught && !facts.leak) {
      facts.leak = { span: spanOf(n), what: `${n.text} (the exception with its trace)` };
    }
    if (typeOf(n) === 'conditional_expression') {
      // `config('app.debug') ? $e->getTraceAsString() : 'Server error'`: shown on purpose in development.
      const prod = productionBranch(n.childForFieldName('condition')?.text ?? '', n.childForFieldName('body'), n.childForFieldName('alternative'));
      if (prod) {
        if (prod.branch) stack.push(prod.branch);
        continue;
      }
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}
