// What a Python response body looks like: an error report (an "error" key, `success: False`,
// a form's or serializer's `.errors`), a leaked traceback or exception, or the raw message of
// a caught exception (`str(e)`, `f"{e}"`). Judged from syntax only; doubtful shapes are left alone.
import type { Node } from '../../parsing/treeSitter';
import type { BodyFacts } from '../../model';
import { spanOf } from '../syntax';
import { callArgs, calleeOf, sameNode, stringValue } from './nodes';
import { parentOf } from '../ancestry';
import { productionBranch } from '../../devSwitch';

const ERROR_KEYS = new Set(['error', 'errors', 'err', 'error_message', 'errorMessage', 'error_code', 'exception']);
/** Calls whose arguments are the body's keys: jsonify(error=...), dict(error=...). */
const KEYWORD_BODIES = new Set(['jsonify', 'dict']);
/** Names that hold an error or its text, as opposed to a record that merely has an error field. */
const ERRORISH = /^(e|err|error|errors|ex|exc|exception|cause|reason|msg|message|error_message|problem|failure)$/i;

/**
 * The JSON encoder a response hands its body to: `json` for those built on json.dumps (Flask's
 * jsonify and dict returns, Django's JsonResponse, DRF, Starlette's JSONResponse, aiohttp), which
 * raise TypeError on an exception object; `fastapi` for a value a FastAPI path operation returns,
 * which goes through jsonable_encoder (that sends an object's attributes, `vars(e)`).
 */
export type JsonEncoder = 'json' | 'fastapi';

/**
 * Facts about a body expression. `caught` is the name of the enclosing except variable, if any;
 * `encoder` the JSON encoder the response passes the body to, when it is known.
 */
export function bodyFacts(body: Node | undefined, caught: string | undefined, encoder?: JsonEncoder): BodyFacts | undefined {
  if (!body || isEmpty(body)) return undefined;
  const facts: BodyFacts = { span: spanOf(body) };
  // jsonify({...}) and json.dumps({...}) carry the dict they are given.
  const wrapper = body.type === 'call' ? calleeOf(body).name : undefined;
  const inner = (wrapper === 'jsonify' || wrapper === 'dumps') && callArgs(body).positional.length === 1 ? callArgs(body).positional[0] : body;
  if (inner.type === 'dictionary') {
    const entries: [string | undefined, Node | null, Node][] = [];
    for (const p of inner.namedChildren) {
      if (p?.type === 'pair') entries.push([stringValue(p.childForFieldName('key')), p.childForFieldName('value'), p]);
    }
    judgeKeys(facts, entries, caught);
  } else if (inner.type === 'call' && KEYWORD_BODIES.has(calleeOf(inner).name ?? '')) {
    judgeKeys(facts, [...callArgs(inner).keywordNodes].map(([key, node]) => [key, node.childForFieldName('value'), node]), caught);
  } else if (inner.type === 'attribute' && inner.childForFieldName('attribute')?.text === 'errors') {
    facts.errorShape = { span: spanOf(inner), reason: `validation errors (${inner.text})` };
  } else if (caught && inner.type === 'identifier' && inner.text === caught) {
    facts.errorShape = { span: spanOf(inner), reason: 'the caught exception itself' };
  }
  // A JSON-RPC 2.0 reply carries its error in the body and answers 200 by the protocol's convention.
  if (facts.errorShape && /(^|[{,(]\s*)['"]?jsonrpc['"]?\s*[:=]/.test(inner.text)) facts.errorShape = undefined;
  findLeaks(body, caught, facts, encoder);
  return facts;
}

/** The keys of a dict or keyword body, each `[key, value, where]`. */
function judgeKeys(facts: BodyFacts, entries: [string | undefined, Node | null, Node][], caught: string | undefined): void {
  // GraphQL and similar envelopes: data next to errors is a partial success by design (asked only when an error key is there).
  let data: boolean | undefined;
  const has = (name: string) => entries.some(([key, value]) => key === name && !!value && !isFalsy(value));
  // A batch's {"results": ..., "errors": [...]}: the items that failed next to those that did not.
  const envelope = (key: string) => (data ??= has('data')) || (key === 'errors' && entries.length > 1 && (has('results') || has('succeeded')));
  for (const [key, value, at] of entries) judgeKey(facts, key, value, at, caught, envelope);
}

/**
 * True when the value of an `error` key reports an error: a message, an exception, a list of
 * errors. A field copied from a record (`job.error`, `task.last_error`) is data about that record;
 * a form's or serializer's `.errors`, and what an exception carries (`e.args`), are not.
 */
function reportsError(value: Node, caught: string | undefined): boolean {
  if (isFalsy(value)) return false;
  if (value.type !== 'attribute') return true;
  const obj = value.childForFieldName('object');
  const attr = value.childForFieldName('attribute')?.text ?? '';
  if (obj?.type !== 'identifier') return true;
  return obj.text === caught || ERRORISH.test(obj.text) || /^(errors|message|msg|args|detail|details|messages|non_field_errors)$/.test(attr);
}

function judgeKey(facts: BodyFacts, key: string | undefined, value: Node | null, at: Node, caught: string | undefined, envelope: (key: string) => boolean): void {
  if (!key || !value) return;
  if (ERROR_KEYS.has(key)) {
    if (!facts.errorShape && reportsError(value, caught) && !envelope(key)) facts.errorShape = { span: spanOf(at), reason: `an "${key}" key` };
  } else if ((key === 'success' || key === 'ok') && value.type === 'false') {
    facts.errorShape ??= { span: spanOf(at), reason: `"${key}": False` };
  } else if (key === 'status' && /^(error|fail|failed|failure)$/i.test(stringValue(value) ?? '')) {
    facts.errorShape ??= { span: spanOf(at), reason: `status "${stringValue(value)}"` };
  } else if ((key === 'message' || key === 'detail') && caught && mentions(value, caught)) {
    facts.errorShape ??= { span: spanOf(at), reason: 'a message taken from a caught exception' };
  }
}

function isEmpty(n: Node): boolean {
  return n.type === 'none' || (n.type === 'string' && stringValue(n) === '');
}

/** None, False, 0, "" and empty literals: `"errors": []` reports that there are none. */
function isFalsy(n: Node): boolean {
  if (n.type === 'none' || n.type === 'false' || isEmpty(n)) return true;
  if (n.type === 'integer') return /^0+$/.test(n.text);
  return /^(list|dictionary|tuple|set)$/.test(n.type) && n.namedChildCount === 0;
}

function mentions(n: Node, name: string): boolean {
  return new RegExp(`(^|[^\\w.])${name}\\b`).test(n.text);
}

/**
 * `traceback.format_exc()` and friends anywhere in the body; `str(e)`, `repr(e)`, `f"{e}"`,
 * `e.args` and the bare exception of a caught error. A bounded walk of the body only.
 */
function findLeaks(body: Node, caught: string | undefined, facts: BodyFacts, encoder: JsonEncoder | undefined): void {
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length && visited++ < 2000) {
    const n = stack.pop()!;
    if (n.type === 'call') {
      const { name, receiver, full } = calleeOf(n);
      const arg = callArgs(n).positional[0];
      if (!facts.leak && (/^(format_exc|format_exception|format_tb|format_stack|extract_tb|print_exc)$/.test(name ?? '') && (receiver === 'traceback' || !receiver))) {
        facts.leak = { span: spanOf(n), what: `${full}() (a stack trace)` };
      } else if (!facts.leak && full === 'sys.exc_info') {
        facts.leak = { span: spanOf(n), what: 'sys.exc_info() (the raw exception)' };
      } else if (caught && !facts.rawErrorMessage && /^(str|repr)$/.test(full) && arg?.type === 'identifier' && arg.text === caught) {
        facts.rawErrorMessage = spanOf(n);
      }
    } else if (n.type === 'attribute') {
      const attr = n.childForFieldName('attribute')?.text;
      const obj = n.childForFieldName('object')?.text;
      if (attr === '__traceback__' && !facts.leak) facts.leak = { span: spanOf(n), what: `${n.text} (a traceback)` };
      if (caught && obj === caught && (attr === 'args' || attr === 'message' || attr === 'msg') && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (n.type === 'interpolation' && caught) {
      const expr = n.namedChild(0);
      if (expr?.type === 'identifier' && expr.text === caught && !facts.rawErrorMessage) facts.rawErrorMessage = spanOf(n);
    } else if (caught && n.type === 'identifier' && n.text === caught && /^(pair|keyword_argument)$/.test(parentOf(n)?.type ?? '') && sameNode(parentOf(n)?.childForFieldName('value'), n) && !facts.leak) {
      // {"error": e} puts the exception object itself in the body.
      facts.leak = { span: spanOf(n), what: 'the raw exception object' };
      const serialized = serializedAs(n, body, encoder);
      if (serialized) facts.leak.serialized = serialized;
    }
    if (n.type === 'conditional_expression' && n.namedChildCount === 3) {
      // `traceback.format_exc() if settings.DEBUG else 'Internal Server Error'`: what only
      // development sends is shown on purpose.
      const prod = productionBranch(n.namedChild(1)?.text ?? '', n.namedChild(0), n.namedChild(2));
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

/**
 * What becomes of the exception object `n` in the body: the innermost call around it that
 * serialises decides (`jsonify`, `json.dumps`, `jsonable_encoder`); with none, the response's
 * own encoder. `json.dumps(..., default=str)` or a `cls=` encoder, and any other call (a template
 * given `error=e` renders its message), leave it unknown.
 */
function serializedAs(n: Node, body: Node, encoder: JsonEncoder | undefined): 'fails' | 'fields' | undefined {
  let p: Node | null = n;
  for (let depth = 0; p && depth < 64; depth++) {
    p = parentOf(p);
    if (!p) break;
    if (p.type === 'call') {
      const { name } = calleeOf(p);
      if (name === 'jsonable_encoder') return 'fields';
      if (name === 'jsonify') return 'fails';
      if (name === 'dumps') {
        const kw = callArgs(p).keywords;
        return kw.has('default') || kw.has('cls') ? undefined : 'fails';
      }
      // dict(error=e) is the dict the encoder is given.
      if (name !== 'dict') return undefined;
    }
    if (sameNode(p, body)) break;
  }
  return encoder === 'json' ? 'fails' : encoder === 'fastapi' ? 'fields' : undefined;
}
