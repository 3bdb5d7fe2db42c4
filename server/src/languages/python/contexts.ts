// Where a value in Python is an HTTP status: the call forms of Flask, FastAPI/Starlette,
// Django, DRF and aiohttp, Flask's `return body, status` tuples, status assignments, and the
// usual assertions in tests. A number counts as a status only in one of these places.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { inStatusRange } from '../syntax';
import { callArgs, calleeOf, enclosingFunction, sameNode } from './nodes';
import type { Frameworks } from './imports';
import { statusArgument, type CallShape } from './calls';
import { parentOf } from '../ancestry';

export interface PyContext {
  role: SiteRole;
  form: string;
  /** The call, tuple, assignment or dictionary that carries the status. */
  carrier: Node;
  kind: 'call' | 'tuple' | 'assign' | 'route' | 'lambda' | 'raise' | 'other';
  /** True when the context is a plain `.status` attribute: numbers must then look like statuses. */
  weak?: boolean;
}

export interface ContextEnv {
  fw: Frameworks;
  /** True for functions that handle requests (routes, view methods, error handlers). */
  isHandler(fn: Node): boolean;
}

const BODY_CALLS = /^(jsonify|make_response|render_template|render_template_string|dumps|Response|send_file|send_from_directory|render)$/;

/** `r.status_code` (strong) or `resp.status` (weak: `order.status` is common and not HTTP). */
export function statusAttr(node: Node | null | undefined): 'strong' | 'weak' | undefined {
  if (node?.type !== 'attribute') return undefined;
  const attr = node.childForFieldName('attribute')?.text;
  if (attr === 'status_code' || attr === 'status_int') return 'strong';
  return attr === 'status' ? 'weak' : undefined;
}

/** True inside an `assert` statement or an `assert*()` call. */
function inAssertion(node: Node): boolean {
  for (let n = parentOf(node), i = 0; n && i < 8; n = parentOf(n), i++) {
    if (n.type === 'assert_statement') return true;
    if (n.type === 'call' && /^assert/.test(calleeOf(n).name ?? '')) return true;
    if (n.type === 'block' || n.type === 'module') return false;
  }
  return false;
}

/** Looks through `X.value`, `int(X)`, parentheses and `A if c else B` to the node whose place matters. */
function placeOf(value: Node): Node {
  let v = value;
  for (let i = 0; i < 6; i++) {
    const p = parentOf(v);
    if (!p) break;
    if (p.type === 'attribute' && sameNode(p.childForFieldName('object'), v) && p.childForFieldName('attribute')?.text === 'value') v = p;
    else if (p.type === 'parenthesized_expression') v = p;
    else if (p.type === 'conditional_expression' && !sameNode(p.namedChild(1), v)) v = p;
    else if (p.type === 'argument_list' && parentOf(p)?.type === 'call' && calleeOf(parentOf(p)!).full === 'int' && p.namedChildCount === 1) v = parentOf(p)!;
    else break;
  }
  return v;
}

/** The status context of a number or constant node, if it is in one. */
export function contextOf(value: Node, env: ContextEnv): PyContext | undefined {
  const v = placeOf(value);
  const parent = parentOf(v);
  if (!parent) return undefined;
  switch (parent.type) {
    case 'keyword_argument':
      return sameNode(parent.childForFieldName('value'), v) ? keywordContext(parent, env) : undefined;
    case 'argument_list':
      return positionalContext(v, parent, env);
    case 'expression_list':
    case 'tuple':
    case 'list':
    case 'set':
      return sequenceContext(v, parent, env);
    case 'comparison_operator':
      return comparisonContext(v, parent);
    case 'assignment':
      return sameNode(parent.childForFieldName('right'), v) ? assignmentContext(parent, v) : undefined;
    case 'pair':
      return pairContext(v, parent);
    default:
      return undefined;
  }
}

function shapeOf(call: Node): CallShape {
  const c = calleeOf(call);
  return { name: c.name ?? '', receiver: c.receiver, full: c.full, decorator: parentOf(call)?.type === 'decorator' };
}

function keywordContext(kw: Node, env: ContextEnv): PyContext | undefined {
  const call = parentOf(parentOf(kw));
  const keyword = kw.childForFieldName('name')?.text;
  if (call?.type !== 'call' || !keyword) return undefined;
  const r = statusArgument(shapeOf(call), { keyword }, env.fw);
  return r ? { ...r, carrier: call } : undefined;
}

function positionalContext(v: Node, list: Node, env: ContextEnv): PyContext | undefined {
  const call = parentOf(list);
  if (call?.type !== 'call') return undefined;
  const args = callArgs(call);
  const index = args.positional.findIndex((a) => sameNode(a, v));
  if (index < 0) return undefined;
  const other = index <= 1 ? args.positional[1 - index] : undefined;
  const r = statusArgument(shapeOf(call), { index, other: statusAttr(other), otherText: other?.text }, env.fw);
  return r ? { ...r, carrier: call } : undefined;
}

function sequenceContext(v: Node, seq: Node, env: ContextEnv): PyContext | undefined {
  const holder = parentOf(seq);
  if (!holder) return undefined;
  // r.status_code in (200, 201) / self.assertIn(r.status_code, (200, 201))
  if (holder.type === 'comparison_operator' && seq.type !== 'expression_list') {
    const ops = holder.childrenForFieldName('operators').map((o) => o?.text).join(' ');
    const left = holder.namedChild(0);
    const attr = statusAttr(left);
    if (/^(in|not in)$/.test(ops) && attr && !sameNode(left, seq)) {
      return { role: inAssertion(holder) ? 'assertion' : 'comparison', form: `${left!.text} ${ops}`, carrier: holder, kind: 'other', weak: attr === 'weak' };
    }
    return undefined;
  }
  const holderCall = parentOf(holder);
  if (holder.type === 'argument_list' && holderCall?.type === 'call' && /^assert(Not)?In$/.test(calleeOf(holderCall).name ?? '')) {
    const args = callArgs(holderCall);
    const attr = statusAttr(args.positional[0]);
    if (attr && sameNode(args.positional[1], seq)) return { role: 'assertion', form: `${calleeOf(holderCall).name}()`, carrier: holderCall, kind: 'other', weak: attr === 'weak' };
    return undefined;
  }
  // Flask: return body, 409 [, headers]
  if (holder.type === 'return_statement' && (seq.type === 'expression_list' || seq.type === 'tuple') && env.fw.flask) {
    const items = seq.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if ((items.length !== 2 && items.length !== 3) || !sameNode(items[1], v)) return undefined;
    const fn = enclosingFunction(seq);
    // Outside a view, a body-like pair is a response only with a status-like number: a helper's
    // `return f"0 {status}", 0` (werkzeug's status parser) returns data.
    if ((fn && env.isHandler(fn)) || (looksLikeBody(items[0]) && !outOfRange(v))) return { role: 'response', form: 'return body, status', carrier: seq, kind: 'tuple' };
  }
  return undefined;
}

function looksLikeBody(n: Node): boolean {
  if (n.type === 'dictionary' || n.type === 'string' || n.type === 'concatenated_string') return true;
  return n.type === 'call' && BODY_CALLS.test(calleeOf(n).name ?? '');
}

function comparisonContext(v: Node, cmp: Node): PyContext | undefined {
  const operands = cmp.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const ops = cmp.childrenForFieldName('operators');
  if (operands.length !== 2 || ops.length !== 1) return undefined;
  const op = ops[0]?.text ?? '';
  if (op !== '==' && op !== '!=') return undefined;
  const other = sameNode(operands[0], v) ? operands[1] : operands[0];
  const attr = statusAttr(other);
  if (!attr) return undefined;
  return { role: inAssertion(cmp) ? 'assertion' : 'comparison', form: `${other.text} ${op}`, carrier: cmp, kind: 'other', weak: attr === 'weak' };
}

/** An integer literal that cannot be an HTTP status (outside 100-599): a placeholder where it is set. */
function outOfRange(v: Node): boolean {
  return v.type === 'integer' && !inStatusRange(v.text);
}

function assignmentContext(assign: Node, v: Node): PyContext | undefined {
  const left = assign.childForFieldName('left');
  if (!left) return undefined;
  const attr = statusAttr(left);
  if (attr) {
    const obj = left.childForFieldName('object')?.text;
    if (obj === 'self' || obj === 'cls') {
      // `self.status_code = 0` in a recorder's __init__: state (nothing recorded yet), not a status.
      if (outOfRange(v)) return undefined;
      return attr === 'strong' ? { role: 'declaration', form: `${left.text} =`, carrier: assign, kind: 'other' } : undefined;
    }
    return { role: 'response', form: `${left.text} =`, carrier: assign, kind: 'assign', weak: attr === 'weak' };
  }
  // class Conflict(HTTPException): code = 409 / class Gone(APIException): status_code = 410
  if (left.type === 'identifier' && (left.text === 'status_code' || left.text === 'code')) {
    const cls = parentOf(parentOf(parentOf(assign)));
    // A base class's `code = 0`: the default its subclasses override, not a status.
    if (parentOf(assign)?.type === 'expression_statement' && cls?.type === 'class_definition' && !outOfRange(v)) {
      const bases = cls.childForFieldName('superclasses')?.text ?? '';
      if (/(Exception|Error)\b/.test(bases)) return { role: 'declaration', form: `${left.text} =`, carrier: assign, kind: 'other' };
    }
  }
  return undefined;
}

function pairContext(v: Node, pair: Node): PyContext | undefined {
  const dict = parentOf(pair);
  if (dict?.type !== 'dictionary') return undefined;
  const key = pair.childForFieldName('key');
  // FastAPI: responses={404: {...}} documents the statuses a route answers with.
  if (sameNode(key, v)) {
    const kw = parentOf(dict);
    return kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'responses' ? { role: 'declaration', form: 'responses={}', carrier: dict, kind: 'other' } : undefined;
  }
  // AWS Lambda / API Gateway: {"statusCode": 404, "body": ...}
  const keyText = key?.text.replace(/^['"]|['"]$/g, '');
  if (keyText !== 'statusCode') return undefined;
  const keys = dict.namedChildren.map((p) => (p?.type === 'pair' ? p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') : undefined));
  if (!keys.includes('body') && !keys.includes('headers')) return undefined;
  // Returned or bound to a name: a result being built. Elsewhere (an expected value in a test) it is only named.
  const built = parentOf(dict)?.type === 'return_statement' || (parentOf(dict)?.type === 'assignment' && parentOf(parentOf(dict))?.type === 'expression_statement');
  return { role: built ? 'response' : 'reference', form: '{"statusCode": }', carrier: dict, kind: built ? 'lambda' : 'other' };
}
