// What a PHP response body looks like: an error report (`['error' => ...]`), a leaked trace
// (`$e->getTraceAsString()`), or the raw message of a caught exception (`$e->getMessage()`).
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { spanOf } from '../syntax';
import { arrayPairs, stringValue } from './syntax';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'error_message', 'errorMessage']);
const LEAK_METHODS = new Set(['getTraceAsString', 'getTrace', '__toString']);
const WHERE_METHODS = new Set(['getFile', 'getLine']);

function isEmpty(n: Node): boolean {
  return n.type === 'null' || (n.type === 'string' && /^(''|"")$/.test(n.text));
}

/** Facts about a body expression. `caught` is the caught exception's variable (`$e`), if any. */
export function bodyFacts(body: Node | undefined, caught: string | undefined): BodyFacts | undefined {
  if (!body || isEmpty(body)) return undefined;
  const facts: BodyFacts = { span: spanOf(body) };
  for (const { key, value, element } of arrayPairs(body)) {
    const k = stringValue(key);
    if (k === undefined || !value) continue;
    if (ERROR_KEYS.has(k) && value.type !== 'null' && !/^false$/i.test(value.text)) {
      facts.errorShape ??= { span: spanOf(element), reason: `an "${k}" key` };
    } else if ((k === 'success' || k === 'ok') && /^false$/i.test(value.text)) {
      facts.errorShape ??= { span: spanOf(element), reason: `"${k}" => false` };
    } else if (k === 'status' && /^(error|fail|failed|failure)$/i.test(stringValue(value) ?? '')) {
      facts.errorShape ??= { span: spanOf(element), reason: `status ${value.text}` };
    } else if (k === 'message' && caught && mentions(value, caught)) {
      facts.errorShape ??= { span: spanOf(element), reason: 'a message taken from a caught exception' };
    }
  }
  if (caught && body.type === 'variable_name' && body.text === caught) {
    facts.errorShape = { span: spanOf(body), reason: 'the caught exception itself' };
    facts.leak = { span: spanOf(body), what: 'the raw exception object' };
  }
  findLeaks(body, caught, facts);
  return facts;
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
    if (n.type === 'member_call_expression') {
      const name = n.childForFieldName('name')?.text ?? '';
      const obj = n.childForFieldName('object')?.text;
      if (LEAK_METHODS.has(name) && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (a stack trace)` };
      if (WHERE_METHODS.has(name) && caught && obj === caught && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (where on the server the error happened)` };
      if (name === 'getMessage' && caught && obj === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (n.type === 'function_call_expression' && /^\\?debug_backtrace$/.test(n.childForFieldName('function')?.text ?? '') && !facts.leak) {
      facts.leak = { span: spanOf(n), what: 'debug_backtrace() (a stack trace)' };
    } else if (n.type === 'cast_expression' && caught && n.lastNamedChild?.text === caught && !facts.leak) {
      facts.leak = { span: spanOf(n), what: `${n.text} (the exception with its trace)` };
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}
