// What a Go response body looks like: an error report (gin.H{"error": ...}, an ErrorResponse
// struct), a stack trace (debug.Stack()), or the raw message of an error (err.Error()).
// Judged from the syntax only; doubtful shapes are left alone.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { parentOf } from '../ancestry';
import { namedArgs, spanOf } from '../syntax';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'errormessage', 'error_message', 'errmsg']);
/** Struct types that are error reports by name: ErrorResponse, APIError, HTTPError, ErrResponse. */
const ERROR_TYPES = /(^|[.\]*&])(\w*Error|Err(?:[A-Z_]\w*)?|\w*Error(Response|Body|Payload|Result|Message))$/;
/** Names that hold an error or its text, as opposed to a record that merely has an error field. */
const ERRORISH = /^(e|err|error|errors|ex|exc|exception|cause|reason|msg|message|errmsg|problem|failure)$/i;

/** Facts about a body expression. `caught` is the error variable of the enclosing error branch. */
export function bodyFacts(body: Node | undefined, caught: string | undefined): BodyFacts | undefined {
  if (!body || body.type === 'nil') return undefined;
  const facts: BodyFacts = { span: spanOf(body) };
  const value = body.type === 'unary_expression' && body.childForFieldName('operator')?.text === '&' ? body.childForFieldName('operand') ?? body : body;
  if (value.type === 'composite_literal') {
    const type = value.childForFieldName('type')?.text ?? '';
    if (ERROR_TYPES.test(type) && !/^(gin\.H|fiber\.Map|echo\.Map|map\[)/.test(type)) facts.errorShape = { span: spanOf(value), reason: `a ${type} value` };
    let rpc = false;
    // GraphQL and similar envelopes (`gin.H{"data": res.Data, "errors": res.Errors}`, a struct with
    // Data next to Errors): data next to errors is a partial success by design. The keys are read
    // once, so an error key waits for the end of the literal to know.
    let hasData = false;
    // A batch's results next to its errors (`gin.H{"results": done, "errors": failed}`).
    let hasResults = false;
    let errorsList = false;
    let errorKey: BodyFacts['errorShape'];
    for (const el of namedArgs(value.childForFieldName('body'))) {
      if (el.type !== 'keyed_element') continue;
      const keyNode = el.childForFieldName('key');
      const valNode = el.childForFieldName('value');
      const key = keyName(keyNode);
      const lower = key.toLowerCase();
      const v = valNode?.text ?? '';
      if (ERROR_KEYS.has(lower)) {
        if (!errorKey && !facts.errorShape && !isZero(valNode) && reportsError(valNode, caught)) {
          errorKey = { span: spanOf(el), reason: `an "${key}" key` };
          errorsList = lower === 'errors';
        }
      } else if ((key === 'success' || key === 'ok' || key === 'Success' || key === 'OK') && v === 'false') {
        facts.errorShape ??= { span: spanOf(el), reason: `"${key}: false"` };
      } else if (lower === 'status' && /^"(error|fail|failed|failure)"$/i.test(v)) {
        facts.errorShape ??= { span: spanOf(el), reason: `status ${v}` };
      } else if (lower === 'message' && caught && mentions(v, caught)) {
        facts.errorShape ??= { span: spanOf(el), reason: 'a message taken from a caught error' };
      } else if (lower === 'data' && !isZero(valNode)) {
        hasData = true;
      } else if ((lower === 'results' || lower === 'succeeded') && !isZero(valNode)) {
        hasResults = true;
      }
      // A JSON-RPC 2.0 reply carries its error in the body and answers 200 by the protocol's convention.
      if (lower === 'jsonrpc') rpc = true;
    }
    // The first error report in source order wins, as it did when each key was judged on sight.
    const batch = hasResults && errorsList;
    if (errorKey && !hasData && !batch && (!facts.errorShape || facts.errorShape.span.start > errorKey.span.start)) facts.errorShape = errorKey;
    if (rpc) facts.errorShape = undefined;
  } else if (caught && value.type === 'identifier' && value.text === caught) {
    facts.errorShape = { span: spanOf(value), reason: 'the error value itself' };
    facts.leak = { span: spanOf(value), what: 'the raw error value' };
  } else if (caught && isErrorMessage(value, caught)) {
    facts.errorShape = { span: spanOf(value), reason: 'the message of a caught error' };
  }
  findLeaks(value, caught, facts);
  if (caught && !facts.leak && !facts.rawErrorMessage) heldLeak(value, caught, facts);
  return facts;
}

/**
 * A message built from the caught error a few statements before and then written
 * (`msg := fmt.Sprintf("failed: %s", err.Error())` ... `w.Write([]byte(msg))`): the name sent is
 * reported as the raw message, or the stack, it holds.
 */
function heldLeak(value: Node, caught: string, facts: BodyFacts): void {
  for (const id of sentNames(value)) {
    if (id.text === caught) continue;
    const held = heldValue(id);
    if (!held) continue;
    const inner: BodyFacts = { span: spanOf(held.value) };
    findLeaks(held.value, caught, inner);
    if (inner.leak) facts.leak = { span: spanOf(id), what: `${inner.leak.what}, through ${id.text}` };
    else if (inner.rawErrorMessage) facts.rawErrorMessage = spanOf(id);
    if (facts.leak || facts.rawErrorMessage) return;
  }
}

/** The names a body sends as they are: `msg`, []byte(msg), string(msg) (a call to the parser), and the values fmt.Fprint(w, ...) / io.WriteString(w, ...) write. */
function sentNames(value: Node): Node[] {
  if (value.type === 'identifier') return [value];
  if (value.type === 'type_conversion_expression') return sentNames(value.childForFieldName('operand') ?? value);
  if (value.type !== 'call_expression') return [];
  const callee = value.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
  const args = namedArgs(value.childForFieldName('arguments'));
  const values = callee === 'string' ? args : /^(fmt\.Fprint|fmt\.Fprintf|fmt\.Fprintln|io\.WriteString)$/.test(callee) ? args.slice(1) : [];
  return values.filter((a) => a.type === 'identifier');
}

/**
 * The value last given to the local `id` names, in one of the 12 statements before the one `id`
 * is used in, in the same block: `msg := ...`, `msg = ...`, `var msg = ...`. Undefined when
 * none of them assigns it, or assigns it more than one value.
 */
export function heldValue(id: Node): { stmt: Node; value: Node } | undefined {
  let stmt: Node | null = id;
  while (stmt && parentOf(stmt)?.type !== 'statement_list') {
    stmt = parentOf(stmt);
    if (stmt && /^(func_literal|function_declaration|method_declaration|block)$/.test(stmt.type)) return undefined;
  }
  let prev = stmt?.previousNamedSibling ?? null;
  for (let i = 0; prev && i < 12; i++, prev = prev.previousNamedSibling) {
    const decl = prev.type === 'var_declaration' ? prev.namedChild(0) : prev;
    if (decl?.type === 'var_spec') {
      const names = decl.childrenForFieldName('name').filter((n): n is Node => !!n);
      if (!names.some((n) => n.text === id.text)) continue;
      const values = namedArgs(decl.childForFieldName('value'));
      return names.length === 1 && values.length === 1 ? { stmt: prev, value: values[0] } : undefined;
    }
    if (prev.type !== 'short_var_declaration' && prev.type !== 'assignment_statement') continue;
    const left = namedArgs(prev.childForFieldName('left'));
    if (!left.some((l) => l.text === id.text)) continue;
    const right = namedArgs(prev.childForFieldName('right'));
    return left.length === 1 && right.length === 1 ? { stmt: prev, value: right[0] } : undefined;
  }
  return undefined;
}

/** nil, "", 0, false and empty literals (`[]string{}`): `"errors": []string{}` reports none. */
function isZero(n: Node | null): boolean {
  const v = n?.type === 'literal_element' ? n.namedChild(0) : n;
  if (!v) return true;
  if (/^(nil|""|``|0|false)$/.test(v.text)) return true;
  if (v.type === 'composite_literal') return namedArgs(v.childForFieldName('body')).length === 0;
  return false;
}

/**
 * True when the value of an `error` key reports an error. A field read from a record
 * (`job.Error`, `task.Err`, `run.LastError`) is data about that record; the field of an error
 * (`err.Msg`), a sentinel error (`store.ErrNotFound`), a message and a call (`err.Error()`) report one.
 */
function reportsError(n: Node | null, caught: string | undefined): boolean {
  const v = n?.type === 'literal_element' ? n.namedChild(0) : n;
  if (v?.type !== 'selector_expression') return true;
  const operand = v.childForFieldName('operand');
  const field = v.childForFieldName('field')?.text ?? '';
  if (operand?.type !== 'identifier') return /^(message|msg|stack|details?)$/i.test(field);
  return operand.text === caught || ERRORISH.test(operand.text) || /^Err[A-Z_]/.test(field) || /^(message|msg|stack|details?)$/i.test(field);
}

/** The key of a keyed element: a map key string or a struct field name. */
function keyName(key: Node | null): string {
  const inner = key?.type === 'literal_element' ? key.namedChild(0) : key;
  if (!inner) return '';
  if (inner.type === 'interpreted_string_literal' || inner.type === 'raw_string_literal') return inner.text.slice(1, -1);
  return inner.type === 'identifier' || inner.type === 'field_identifier' ? inner.text : '';
}

function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w.])${name}\\b`).test(text);
}

/** `err.Error()` of the caught error. */
function isErrorMessage(n: Node, caught: string): boolean {
  if (n.type !== 'call_expression' || namedArgs(n.childForFieldName('arguments')).length) return false;
  const fn = n.childForFieldName('function');
  return fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Error' && fn.childForFieldName('operand')?.text === caught;
}

/** debug.Stack() anywhere in the body; err.Error() or fmt.Sprint(err) of the caught error. Bounded walk. */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts): void {
  // Only calls matter, outside function literals: the parser lists them (visiting every node of
  // the body from here would be a call into it per node).
  const found = callsIn(body);
  let skipUntil = -1;
  for (let visited = 0; visited < found.length && visited < 2000; visited++) {
    const n = found[visited];
    if (n.startIndex < skipUntil) continue;
    if (n.type === 'func_literal') {
      skipUntil = n.endIndex;
      continue;
    }
    const fn = n.childForFieldName('function');
    const callee = fn?.text ?? '';
    if (/^(debug\.Stack|runtime\.Stack)$/.test(callee) && !facts.leak) facts.leak = { span: spanOf(n), what: `${callee}() (a stack trace)` };
    if (caught && !facts.rawErrorMessage) {
      if (isErrorMessage(n, caught)) facts.rawErrorMessage = spanOf(n);
      // fmt.Fprint(w, err) writes the error's message as the body.
      else if (/^fmt\.(Sprint|Sprintf|Sprintln|Errorf|Fprint|Fprintf|Fprintln)$/.test(callee) && namedArgs(n.childForFieldName('arguments')).some((a) => a.type === 'identifier' && a.text === caught)) facts.rawErrorMessage = spanOf(n);
    }
  }
}

/** The calls and function literals of an expression, itself included (descendantsOfType lists it), in source order. */
function callsIn(body: Node): Node[] {
  return body.descendantsOfType(['call_expression', 'func_literal']).filter((n): n is Node => !!n);
}
