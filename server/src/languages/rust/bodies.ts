// What a Rust response body looks like: an error report (Json(json!({"error": ...})), an
// ErrorResponse struct), a backtrace, or the raw message of a caught error (e.to_string(),
// format!("{e}")). Judged from the syntax and macro tokens only; doubtful shapes are left alone.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts, Span } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { calleeName, calleeText, receiverOf } from './contexts';
import { jsonPairs, macroName, namedTokenTree, tokens } from './macros';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'error_message', 'errormessage', 'errmsg']);
const ERROR_TYPES = /(Error|Err)(Response|Body|Payload|Message|Json)?$/;

/** Values that say there is nothing: `"errors": []`, `errors: Vec::new()`, `"error": null`. */
const EMPTY_VALUE = /^(null|None|\[\]|\{\}|""|0|false|(vec|json)!\[\]|(vec|json)!\(\[\]\)|Vec::new\(\)|Default::default\(\))$/;

/** The value inside Json(..) / web::Json(..) / axum::Json(..). */
function unwrapJson(n: Node): Node {
  if (n.type === 'call_expression' && /(^|::)Json$/.test(calleeText(n))) return namedArgs(n.childForFieldName('arguments'))[0] ?? n;
  return n;
}

/** Facts about a body expression. `caught` is the error variable of the enclosing error branch. */
export function bodyFacts(body: Node | undefined, caught: string | undefined): BodyFacts | undefined {
  if (!body || body.type === 'unit_expression') return undefined;
  const facts: BodyFacts = { span: spanOf(body) };
  const value = unwrapJson(body);
  const mentionsCaught = (text: string) => !!caught && new RegExp(`(^|[^\\w.])${caught}\\b|\\{${caught}(:[^}]*)?\\}`).test(text);
  const judge = (key: string, keySpan: Span, valueText: string) => {
    const k = key.toLowerCase();
    if (ERROR_KEYS.has(k) && !EMPTY_VALUE.test(valueText)) facts.errorShape ??= { span: keySpan, reason: `an "${key}" key` };
    else if ((k === 'success' || k === 'ok') && valueText === 'false') facts.errorShape ??= { span: keySpan, reason: `"${key}: false"` };
    else if (k === 'status' && /^"(error|fail|failed|failure)"$/i.test(valueText)) facts.errorShape ??= { span: keySpan, reason: `status ${valueText}` };
    else if (k === 'message' && mentionsCaught(valueText)) facts.errorShape ??= { span: keySpan, reason: 'a message taken from a caught error' };
  };
  if (value.type === 'macro_invocation' && macroName(value) === 'json') {
    for (const p of jsonPairs(value)) judge(p.key, spanOf(p.keyNode), p.value.map((t) => t.text).join(''));
  } else if (value.type === 'struct_expression') {
    const type = value.childForFieldName('name')?.text ?? '';
    if (ERROR_TYPES.test(type)) facts.errorShape = { span: spanOf(value), reason: `a ${type} value` };
    for (const f of namedArgs(value.childForFieldName('body'))) {
      const field = f.type === 'field_initializer' ? f.childForFieldName('field') : f.type === 'shorthand_field_initializer' ? f.namedChild(0) : null;
      if (field) judge(field.text, spanOf(f), f.childForFieldName('value')?.text ?? field.text);
    }
  } else if (caught && value.type === 'identifier' && value.text === caught) {
    facts.errorShape = { span: spanOf(value), reason: 'the error value itself' };
  } else if (caught && isMessageOf(value, caught)) {
    facts.errorShape = { span: spanOf(value), reason: 'the message of a caught error' };
  }
  findLeaks(value, caught, facts);
  return facts;
}

/** `e.to_string()` or `format!("{e}")` / `format!("{}", e)` of the caught error. */
function isMessageOf(n: Node, caught: string): boolean {
  if (n.type === 'call_expression' && calleeName(n) === 'to_string') return receiverOf(n)?.text === caught;
  if (n.type === 'macro_invocation' && macroName(n) === 'format') return formatMentions(namedTokenTree(n), caught);
  return false;
}

function formatMentions(tt: Node | undefined, caught: string): boolean {
  if (!tt) return false;
  return tokens(tt).some((t) => (t.type === 'identifier' && t.text === caught) || (t.type === 'string_literal' && new RegExp(`\\{${caught}(:[^}]*)?\\}`).test(t.text)));
}

/** Backtraces anywhere in the body; the caught error's message. Bounded walk, into macro tokens too. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  const stack: Node[] = [body];
  for (let visited = 0; stack.length && visited < 3000; visited++) {
    const n = stack.pop()!;
    if (n.type === 'closure_expression') continue;
    if (n.type === 'scoped_identifier' && /(^|::)Backtrace::(capture|force_capture)$/.test(n.text) && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text}() (a backtrace)` };
    if (n.type === 'call_expression' && calleeName(n) === 'backtrace' && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (a backtrace)` };
    if (caught && !facts.rawErrorMessage && isMessageOf(n, caught)) facts.rawErrorMessage = spanOf(n);
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c && c.type !== 'token_tree') stack.push(c);
      else if (c) scanTokens(c, caught, facts);
    }
  }
}

/** The same checks on macro tokens: `e.to_string()`, `format!("{e}")`, `Backtrace::capture()`. */
function scanTokens(tt: Node, caught: string | undefined, facts: BodyFacts): void {
  const toks = tokens(tt);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.type === 'token_tree') {
      scanTokens(t, caught, facts);
      continue;
    }
    if (t.text === 'Backtrace' && toks[i + 1]?.type === '::' && /^(capture|force_capture)$/.test(toks[i + 2]?.text ?? '') && !facts.leak) {
      facts.leak = { span: { start: t.startIndex, end: toks[i + 2].endIndex }, what: 'Backtrace::capture() (a backtrace)' };
    }
    if (!caught || facts.rawErrorMessage) continue;
    if (t.text === caught && toks[i + 1]?.type === '.' && toks[i + 2]?.text === 'to_string' && toks[i + 3]?.type === 'token_tree') {
      facts.rawErrorMessage = { start: t.startIndex, end: toks[i + 3].endIndex };
    } else if (t.text === 'format' && toks[i + 1]?.type === '!' && toks[i + 2]?.type === 'token_tree' && formatMentions(toks[i + 2], caught)) {
      facts.rawErrorMessage = { start: t.startIndex, end: toks[i + 2].endIndex };
    }
  }
}
