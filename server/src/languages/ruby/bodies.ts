// What a Ruby response body looks like: an error report (`{ error: ... }`, a model's
// `errors`), a leaked backtrace, or the raw message of a rescued exception.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { callArgs, callName, pairKey, receiverOf } from './syntax';
import { typeOf } from '../parents';
import { productionBranch } from '../../devSwitch';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'error_message', 'errorMessage']);
const LEAK_METHODS = new Set(['backtrace', 'full_message', 'backtrace_locations']);
const MESSAGE_METHODS = new Set(['message', 'to_s', 'inspect']);
/** Names that hold an error, as opposed to a record that merely has an error field. */
const ERRORISH = /^(e|err|error|errors|ex|exc|exception|cause|reason|msg|message|problem|failure)$/i;

/** Facts about a body expression. `caught` is the rescued exception's variable, if any. */
export function bodyFacts(body: Node | undefined, caught: string | undefined): BodyFacts | undefined {
  if (!body || typeOf(body) === 'nil') return undefined;
  // `{ error: 'x' }.to_json` is the hash it serialises.
  if (typeOf(body) === 'call' && (callName(body) === 'to_json' || callName(body) === 'to_s') && receiverOf(body)?.type === 'hash') body = receiverOf(body)!;
  // sinatra/json: `json(x)` sends x; `json error: 'x', code: 3` sends its pairs as one hash.
  const jsonArgs = typeOf(body) === 'call' && callName(body) === 'json' && !receiverOf(body) ? callArgs(body) : [];
  const pairList = jsonArgs.length && jsonArgs.every((a) => typeOf(a) === 'pair') ? body.childForFieldName('arguments') : null;
  if (jsonArgs.length === 1 && !pairList) body = jsonArgs[0];
  const facts: BodyFacts = { span: spanOf(body) };
  if (typeOf(body) === 'hash' || pairList) {
    const pairs = namedArgs(pairList ?? body);
    // `{ data: rows, errors: failures }`: data next to errors is a partial success by design.
    const hasData = pairs.some((p) => typeOf(p) === 'pair' && pairKey(p) === 'data' && !isEmpty(p.childForFieldName('value')));
    for (const p of pairs) {
      if (typeOf(p) !== 'pair') continue;
      const key = pairKey(p) ?? '';
      const value = p.childForFieldName('value');
      if (ERROR_KEYS.has(key) && !hasData && reportsError(value, caught)) {
        facts.errorShape ??= { span: spanOf(p), reason: `an "${key}" key` };
      } else if ((key === 'success' || key === 'ok') && typeOf(value) === 'false') {
        facts.errorShape ??= { span: spanOf(p), reason: `"${key}: false"` };
      } else if (key === 'status' && value && /^['"](error|fail|failed|failure)['"]$/i.test(value.text)) {
        facts.errorShape ??= { span: spanOf(p), reason: `status ${value.text}` };
      } else if (key === 'message' && caught && value && mentions(value, caught)) {
        facts.errorShape ??= { span: spanOf(p), reason: 'a message taken from a rescued exception' };
      }
    }
    // A JSON-RPC 2.0 reply carries its error in the body and answers 200 by the protocol's convention.
    if (facts.errorShape && pairs.some((p) => typeOf(p) === 'pair' && pairKey(p) === 'jsonrpc')) facts.errorShape = undefined;
  } else if (typeOf(body) === 'call' && (callName(body) === 'errors' || /\.errors(\.full_messages|\.messages|\.to_hash|\.as_json)?$/.test(body.text))) {
    facts.errorShape = { span: spanOf(body), reason: "a model's validation errors" };
  } else if (caught && typeOf(body) === 'identifier' && body.text === caught) {
    facts.errorShape = { span: spanOf(body), reason: 'the rescued exception itself' };
    facts.leak = { span: spanOf(body), what: 'the raw exception object' };
  }
  findLeaks(body, caught, facts);
  return facts;
}

/** nil, false, '' and empty literals: `errors: []` says there are none. */
function isEmpty(n: Node | null): boolean {
  if (!n || typeOf(n) === 'nil' || typeOf(n) === 'false') return true;
  if (typeOf(n) === 'string') return /^(''|"")$/.test(n.text);
  return (typeOf(n) === 'array' || typeOf(n) === 'hash') && namedArgs(n).length === 0;
}

/**
 * True when the value of an `error` key reports an error. `errors: []` does not, and neither
 * does a field read from a record (`error: job.last_error`): that is data about the record.
 * An exception's message, backtrace or a model's `errors` still do.
 */
function reportsError(value: Node | null, caught: string | undefined): boolean {
  if (!value || isEmpty(value)) return false;
  if (typeOf(value) !== 'call') return true;
  const recv = receiverOf(value);
  if (!recv || !/^@?[a-z_]\w*$/.test(recv.text)) return true;
  const name = callName(value) ?? '';
  if (recv.text === caught || ERRORISH.test(recv.text.replace(/^@/, ''))) return true;
  return /^(errors|message|full_message|full_messages|messages|backtrace|details|to_s|inspect)$/.test(name);
}

function mentions(n: Node, caught: string): boolean {
  return new RegExp(`(^|[^\\w@$.])${caught}\\b`).test(n.text);
}

/** `e.backtrace`, `e.full_message` anywhere in the body; `e.message` of a rescued exception. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length && visited++ < 2000) {
    const n = stack.pop()!;
    if (typeOf(n) === 'call') {
      const name = callName(n) ?? '';
      const recv = receiverOf(n);
      if (LEAK_METHODS.has(name) && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (a backtrace)` };
      if (MESSAGE_METHODS.has(name) && caught && recv?.text === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (typeOf(n) === 'interpolation' && caught && n.namedChild(0)?.text === caught && !facts.rawErrorMessage) {
      facts.rawErrorMessage = spanOf(n);
    } else if (typeOf(n) === 'global_variable' && (n.text === '$@' || n.text === '$!') && !facts.leak) {
      facts.leak = { span: spanOf(n), what: `${n.text} (the current exception)` };
    } else if (typeOf(n) === 'conditional') {
      // `Rails.env.development? ? e.backtrace : 'Server error'`: shown on purpose in development.
      const prod = productionBranch(n.childForFieldName('condition')?.text ?? '', n.childForFieldName('consequence'), n.childForFieldName('alternative'));
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
