// Where a value in Ruby is an HTTP status: Rails (`render status:`, `head`, `redirect_to`,
// `response.status =`), Sinatra (`status`, `halt`, `redirect`, `error`), Rack triples, and the
// Minitest / RSpec assertions. An integer or a symbol counts only in one of these places, so
// `sleep 5`, `200.times`, `limit(500)` or `validates :name, length: { maximum: 255 }` stay quiet.
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { argIndex, inStatusRange } from '../syntax';
import { callArgs, callName, isResponseObject, isStatusReader, pairKey, receiverOf } from './syntax';
import { parentOf, typeOf } from '../parents';

/** `returned`: a value a Sinatra route block answers with, its status implied. */
export type CarrierKind = 'render' | 'redirect_to' | 'head' | 'helper' | 'status' | 'halt' | 'error' | 'redirect' | 'assign' | 'triple' | 'rack_new' | 'returned';

export interface StatusContext {
  role: SiteRole;
  form: string;
  /** The call, assignment or array that carries the status. */
  carrier: Node;
  /** For responses: which shape the carrier has, so the response reader knows its parts. */
  kind?: CarrierKind;
}

/** Rails methods whose `status:` option sets the response status. */
const STATUS_OPTION_METHODS = new Set(['render', 'redirect_to', 'redirect_back', 'redirect_back_or_to', 'respond_with', 'send_data', 'send_file', 'render_to_string']);
/** An app's own render helpers (`render_error(msg, status: :not_found)`, `json_response(x, status: 201)`). */
const HELPER_NAME = /^(render_\w+|respond_with_\w+|\w+_response|json_error|render_json)$/;
const ASSERT_EQ = new Set(['eq', 'eql', 'equal', 'be']);
const EXPECT_TO = new Set(['to', 'not_to', 'to_not']);

/** The status context of an integer, symbol or string node, if it is in one. */
export function contextOf(value: Node): StatusContext | undefined {
  const parent = parentOf(value);
  if (!parent) return undefined;
  switch (typeOf(parent)) {
    case 'pair':
      return pairContext(value, parent);
    case 'argument_list':
      return argumentContext(value, parent);
    case 'assignment': {
      const left = parent.childForFieldName('left');
      if (parent.childForFieldName('right')?.id !== value.id || !left || typeOf(left) !== 'call') return undefined;
      if ((callName(left) === 'status' || callName(left) === 'status_code') && isResponseObject(receiverOf(left))) {
        return { role: 'response', form: `${left.text} =`, carrier: parent, kind: 'assign' };
      }
      return undefined;
    }
    case 'binary': {
      const op = parent.childForFieldName('operator')?.text ?? '';
      if (!['==', '!=', '==='].includes(op)) return undefined;
      const left = parent.childForFieldName('left');
      const other = left?.id === value.id ? parent.childForFieldName('right') : left;
      return isStatusReader(other) ? { role: 'comparison', form: `${other!.text} ${op}`, carrier: parent } : undefined;
    }
    case 'pattern': {
      // case response.status when 404 then ...
      const kase = parentOf(parentOf(parent));
      const subject = kase && typeOf(kase) === 'case' ? kase.childForFieldName('value') : undefined;
      return isStatusReader(subject) ? { role: 'comparison', form: `case ${subject!.text} when`, carrier: parent } : undefined;
    }
    case 'array':
      return tripleContext(value, parent);
    case 'element_reference': {
      // Rack::Utils::SYMBOL_TO_STATUS_CODE[:conflict], Rack::Utils::HTTP_STATUS_CODES[409]
      const obj = parent.childForFieldName('object')?.text ?? '';
      return /(SYMBOL_TO_STATUS_CODE|HTTP_STATUS_CODES)$/.test(obj) ? { role: 'reference', form: obj.replace(/^.*::/, ''), carrier: parent } : undefined;
    }
    default:
      return undefined;
  }
}

function pairContext(value: Node, pair: Node): StatusContext | undefined {
  if (pair.childForFieldName('value')?.id !== value.id || pairKey(pair) !== 'status') return undefined;
  const list = typeOf(parentOf(pair)) === 'hash' ? parentOf(parentOf(pair)) : parentOf(pair);
  const call = typeOf(list) === 'argument_list' ? parentOf(list) : undefined;
  if (!call || typeOf(call) !== 'call' || receiverOf(call)) return undefined;
  const name = callName(call) ?? '';
  if (name === 'render') return { role: 'response', form: 'render status:', carrier: call, kind: 'render' };
  if (name === 'redirect_to' || name.startsWith('redirect_back')) return { role: 'response', form: `${name} status:`, carrier: call, kind: 'redirect_to' };
  // config/routes.rb: get '/old', to: redirect('/new', status: 302)
  if (name === 'redirect') return { role: 'response', form: 'redirect status:', carrier: call, kind: 'redirect' };
  if (STATUS_OPTION_METHODS.has(name) || HELPER_NAME.test(name)) return { role: 'response', form: `${name} status:`, carrier: call, kind: 'helper' };
  return undefined;
}

function argumentContext(value: Node, list: Node): StatusContext | undefined {
  const call = parentOf(list);
  if (!call || typeOf(call) !== 'call') return undefined;
  const name = callName(call) ?? '';
  const receiver = receiverOf(call);
  const args = callArgs(call);
  const index = argIndex(list, value);
  const isInt = typeOf(value) === 'integer';
  // Sinatra's bare `status` / `halt` / `error` / `redirect` read as statuses only in 100..599.
  const isStatusInt = isInt && inStatusRange(value.text);

  if (receiver) {
    // Rack::Response.new(body, 409, headers)
    if (name === 'new' && /(^|::)Response$/.test(receiver.text) && index === 1 && isInt) return { role: 'response', form: `${receiver.text}.new()`, carrier: call, kind: 'rack_new' };
    // Rack::Utils.status_code(:conflict)
    if (name === 'status_code' && /Utils$/.test(receiver.text) && index === 0) return { role: 'reference', form: 'Rack::Utils.status_code()', carrier: call };
    return undefined;
  }
  switch (name) {
    case 'head':
      return index === 0 ? { role: 'response', form: 'head', carrier: call, kind: 'head' } : undefined;
    case 'assert_response':
      return index === 0 ? { role: 'assertion', form: 'assert_response', carrier: call } : undefined;
    case 'have_http_status':
      return index === 0 ? { role: 'assertion', form: 'have_http_status()', carrier: call } : undefined;
    case 'status':
      return index === 0 && args.length === 1 && isStatusInt ? { role: 'response', form: 'status', carrier: call, kind: 'status' } : undefined;
    case 'halt':
      return index === 0 && isStatusInt ? { role: 'response', form: 'halt', carrier: call, kind: 'halt' } : undefined;
    case 'error':
      // Sinatra `error 409, 'msg'` answers; `error 404 do ... end` declares a handler.
      return index === 0 && isStatusInt && !call.childForFieldName('block') ? { role: 'response', form: 'error', carrier: call, kind: 'error' } : undefined;
    case 'redirect':
      return index >= 1 && isStatusInt && args[0]?.type !== 'integer' ? { role: 'response', form: 'redirect', carrier: call, kind: 'redirect' } : undefined;
    case 'assert_equal':
    case 'assert_not_equal':
      if (index <= 1 && args.length >= 2 && isStatusReader(args[1 - index])) return { role: 'assertion', form: name, carrier: call };
      return undefined;
    default:
      if (ASSERT_EQ.has(name) && index === 0 && expectsStatus(call)) return { role: 'assertion', form: `expect(…).to ${name}`, carrier: call };
      return undefined;
  }
}

/** `expect(response.status).to eq(...)`: the matcher call sits in `to`'s arguments. */
function expectsStatus(matcher: Node): boolean {
  const to = parentOf(parentOf(matcher));
  if (!to || typeOf(to) !== 'call' || !EXPECT_TO.has(callName(to) ?? '')) return false;
  const expect = receiverOf(to);
  if (!expect || typeOf(expect) !== 'call' || callName(expect) !== 'expect') return false;
  return isStatusReader(callArgs(expect)[0]);
}

/** `[409, { 'content-type' => 'text/plain' }, ['x']]` as the value a Rack app or route returns. */
function tripleContext(value: Node, array: Node): StatusContext | undefined {
  if (typeOf(value) !== 'integer' || !inStatusRange(value.text)) return undefined;
  const items = callArgsOf(array);
  if (items.length !== 3 || items[0].id !== value.id) return undefined;
  const [, headers, body] = items;
  if (!(typeOf(headers) === 'hash' || /header/i.test(headers.text))) return undefined;
  if (!(typeOf(body) === 'array' || typeOf(body) === 'string' || /body|^\[/i.test(body.text))) return undefined;
  // Only as a returned value: the last statement of a block/method, or after `return`.
  const p = parentOf(array);
  const returned = typeOf(p) === 'return' || (typeOf(p) === 'argument_list' && typeOf(parentOf(p)) === 'return') ||
    (p && ['block_body', 'body_statement', 'then', 'else'].includes(typeOf(p)) && p.lastNamedChild?.id === array.id);
  return returned ? { role: 'response', form: 'Rack response', carrier: array, kind: 'triple' } : undefined;
}

function callArgsOf(array: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < array.namedChildCount; i++) {
    const c = array.namedChild(i);
    if (c && typeOf(c) !== 'comment') out.push(c);
  }
  return out;
}
