// Where a value in Go is an HTTP status: net/http, Gin, Echo, Fiber and chi call forms, the
// fields a test reads the status from, and testify / httpexpect assertions. A number counts as
// a status only in one of these places; ports, timeouts, sizes and indexes are left alone.
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import type { SiteRole } from '../../model';
import { argIndex, namedArgs } from '../syntax';
import { functionsAround } from './functions';

/** How a response-setting call hands over its body, so responses.ts can read and edit it. */
export type ResponseShape =
  | 'writeHeader' // w.WriteHeader(code), then writes on w
  | 'httpError' // http.Error(w, msg, code)
  | 'redirect' // http.Redirect / c.Redirect
  | 'body' // c.JSON(code, body) and friends (Gin, Echo)
  | 'statusOnly' // c.AbortWithStatus(code), c.NoContent(code), c.SendStatus(code), c.Status(code)...
  | 'newError' // echo.NewHTTPError(code, msg), fiber.NewError(code, msg)
  | 'none';

export interface StatusContext {
  role: SiteRole;
  form: string;
  /** The call, comparison or element that carries the status. */
  carrier: Node;
  shape: ResponseShape;
  /** For 'body' shapes: which argument is the body. */
  bodyArg?: number;
}

/** What file-level facts the context rules need (import names, recorder variables). */
export interface GoFileInfo {
  /** Local name of net/http ('http' unless aliased). */
  httpName: string;
  /** Local names of the Echo and Fiber packages. */
  echoName: string;
  fiberName: string;
  /** Variables assigned from httptest.NewRecorder(). */
  recorders: Set<string>;
}

/** Gin / Echo / Fiber context methods that write a body after the status: name -> body argument. */
const BODY_METHODS: Record<string, number> = {
  JSON: 1, IndentedJSON: 1, SecureJSON: 1, JSONP: 1, AsciiJSON: 1, PureJSON: 1, XML: 1, YAML: 1, TOML: 1, ProtoBuf: 1,
  String: 1, HTML: 1, Data: 2, DataFromReader: 4, Render: 1, JSONPretty: 1, JSONBlob: 1, XMLPretty: 1, XMLBlob: 1,
  HTMLBlob: 1, Blob: 2, Stream: 2, AbortWithStatusJSON: 1, AbortWithStatusPureJSON: 1,
};
const STATUS_ONLY = new Set(['AbortWithStatus', 'AbortWithError', 'NoContent', 'SendStatus', 'Status']);
const ASSERT_EQUAL = /^(Equal|Equalf|EqualValues|EqualValuesf|Exactly|Exactlyf|NotEqual|NotEqualf)$/;
/** Names a framework context parameter usually has; a typed parameter counts too (see isContextReceiver). */
const CONTEXT_NAMES = /^(c|ctx|context|gc|ec|fc|gctx|ectx|fctx|ginCtx|echoCtx|fiberCtx)$/;
const CONTEXT_TYPES = /^\*?(gin\.Context|echo\.Context|fiber\.Ctx)$/;
const RECORDER_NAMES = /^(rr|rec|recorder|w|rw|resp|res|response)$/;

/** `x.StatusCode`, `resp.StatusCode()`, and `.Code` of a response recorder. */
export function isStatusField(node: Node | null | undefined, info: GoFileInfo): boolean {
  if (!node) return false;
  // resty and friends: resp.StatusCode()
  if (node.type === 'call_expression') return namedArgs(node.childForFieldName('arguments')).length === 0 && node.childForFieldName('function')?.childForFieldName('field')?.text === 'StatusCode';
  if (node.type !== 'selector_expression') return false;
  const field = node.childForFieldName('field')?.text;
  if (field === 'StatusCode') return true;
  if (field !== 'Code') return false;
  const operand = node.childForFieldName('operand');
  return operand?.type === 'identifier' && (info.recorders.has(operand.text) || RECORDER_NAMES.test(operand.text));
}

/** Kept on the call's node object, as what the visit read (below): a WeakMap entry per call cost more. */
const PARTS = Symbol('calleeParts');
const ARGS = Symbol('args');
type Parted = Node & { [PARTS]?: { name?: string; receiver?: Node }; [ARGS]?: Node[] };

/**
 * The callee's last name and its receiver: `WriteHeader` and `w` for w.WriteHeader(...). Kept
 * per call node: handlers, headers and implicit responses ask about the same calls many times,
 * and each answer costs several calls into the parser.
 */
export function calleeParts(call: Node): { name?: string; receiver?: Node } {
  let out = (call as Parted)[PARTS];
  if (out) return out;
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') out = { name: fn.text };
  else if (fn?.type === 'selector_expression') out = { name: fn.childForFieldName('field')?.text, receiver: fn.childForFieldName('operand') ?? undefined };
  else out = {};
  (call as Parted)[PARTS] = out;
  return out;
}

/**
 * What the visit read of a call, kept on the call's node object (a WeakMap entry per call cost
 * more than reading it did): its callee's last name (null: none), and where its callee starts
 * when that is a selector (`w.WriteHeader`), -1 when it is not. Other objects for the same call
 * have neither, and are asked of the parser.
 */
const CALLEE_NAME = Symbol('calleeName');
const SELECTOR_AT = Symbol('selectorAt');
type Visited = Node & { [CALLEE_NAME]?: string | null; [SELECTOR_AT]?: number };

/** Records a call's last callee name read by the walk, so calleeName need not ask the parser, and where a selector callee starts. */
export function rememberCalleeName(call: Node, name: string | undefined, selectorStart = -1): void {
  (call as Visited)[CALLEE_NAME] = name ?? null;
  (call as Visited)[SELECTOR_AT] = selectorStart;
}

/** The callee's last name (`WriteHeader`), from the walk when it recorded one. */
export function calleeName(call: Node): string | undefined {
  const known = (call as Visited)[CALLEE_NAME];
  return known !== undefined ? (known ?? undefined) : calleeParts(call).name;
}

/**
 * False when the call's receiver (calleeParts) cannot be written `one` or `other`, read from the
 * text where the walk recorded its callee: no receiver at all (the callee is not a selector),
 * or one whose text does not start with either name as a whole word. True when it may be.
 */
export function receiverMayBe(call: Node, text: string, one: string, other: string): boolean {
  const at = (call as Visited)[SELECTOR_AT];
  if (at === undefined) return true;
  if (at < 0) return false;
  const word = (name: string) => text.startsWith(name, at) && !/\w/.test(text[at + name.length] ?? '');
  return word(one) || word(other);
}


/** The arguments of a call, kept per call node like calleeParts. */
export function argsOf(call: Node): Node[] {
  let out = (call as Parted)[ARGS];
  if (!out) (call as Parted)[ARGS] = out = namedArgs(call.childForFieldName('arguments'));
  return out;
}

/** True when `recv` is a Gin/Echo/Fiber context: by its usual name or by its parameter type. */
export function isContextReceiver(recv: Node | undefined): boolean {
  if (!recv || recv.type !== 'identifier') return false;
  if (CONTEXT_NAMES.test(recv.text)) return true;
  return contextParamType(recv, recv.text) !== undefined;
}

/** The framework type of parameter `name` in the functions around `node` (`*gin.Context`...). */
export function contextParamType(node: Node, name: string): string | undefined {
  for (const f of functionsAround(node)) {
    for (const p of f.params()) if (p.names.includes(name)) return CONTEXT_TYPES.test(p.type) ? p.type : undefined;
  }
  return undefined;
}

/**
 * The role of argument `index` of a call named `name` on `receiver` (text), with `argc`
 * arguments when known. Shared by the extractor and by slotAt, which sees half-typed calls.
 */
export function callRole(name: string, receiver: string, index: number, argc: number | undefined, info: GoFileInfo, isCtx: boolean | (() => boolean)): Omit<StatusContext, 'carrier'> | undefined {
  const recvLast = receiver.slice(receiver.lastIndexOf('.') + 1);
  if (name === 'WriteHeader' && index === 0 && receiver) return { role: 'response', form: `${recvLast || 'w'}.WriteHeader()`, shape: 'writeHeader' };
  if (receiver === info.httpName) {
    if (name === 'Error' && index === 2) return { role: 'response', form: 'http.Error()', shape: 'httpError' };
    if (name === 'Redirect' && index === 3) return { role: 'response', form: 'http.Redirect()', shape: 'redirect' };
    if (name === 'StatusText' && index === 0) return { role: 'reference', form: 'http.StatusText()', shape: 'none' };
    return undefined;
  }
  if (name === 'NewHTTPError' && receiver === info.echoName && index === 0) return { role: 'response', form: 'echo.NewHTTPError()', shape: 'newError' };
  if (name === 'NewError' && receiver === info.fiberName && index === 0) return { role: 'response', form: 'fiber.NewError()', shape: 'newError' };
  // httpexpect: e.GET("/x").Expect().Status(200)
  if (name === 'Status' && index === 0 && /(^|\.)Expect\(\)$/.test(receiver)) return { role: 'assertion', form: 'Expect().Status()', shape: 'none' };
  // Only these names are context methods; asking whether the receiver is a context costs a walk up the tree.
  if (!(name in BODY_METHODS) && !STATUS_ONLY.has(name) && name !== 'Redirect') return undefined;
  if (!(typeof isCtx === 'function' ? isCtx() : isCtx)) return undefined;
  const form = `${recvLast}.${name}()`;
  if (name in BODY_METHODS && index === 0 && (argc === undefined || argc >= 2)) return { role: 'response', form, shape: 'body', bodyArg: BODY_METHODS[name] };
  if (STATUS_ONLY.has(name) && index === 0 && (argc === undefined || argc <= 2)) return { role: 'response', form, shape: 'statusOnly' };
  // Gin and Echo: c.Redirect(code, url); Fiber v2: c.Redirect(url, code).
  if (name === 'Redirect' && (index === 0 || index === 1) && (argc === undefined || argc === 2)) return { role: 'response', form, shape: 'redirect' };
  return undefined;
}

/** The status context of a value node (an int literal or a status constant), if it is in one. */
export function contextOf(value: Node, info: GoFileInfo): StatusContext | undefined {
  const parent = parentOf(value);
  if (!parent) return undefined;
  switch (parent.type) {
    case 'argument_list':
      return argumentContext(value, parent, info);
    case 'binary_expression': {
      const op = parent.childForFieldName('operator')?.text ?? '';
      if (op !== '==' && op !== '!=') return undefined;
      const left = parent.childForFieldName('left');
      const other = left && left.startIndex === value.startIndex ? parent.childForFieldName('right') : left;
      return isStatusField(other, info) ? { role: 'comparison', form: `${other!.text} ${op}`, carrier: parent, shape: 'none' } : undefined;
    }
    case 'expression_list': {
      // switch resp.StatusCode { case 404: ... }
      const clause = parentOf(parent);
      const sw = clause?.type === 'expression_case' ? parentOf(clause) : undefined;
      const subject = sw?.type === 'expression_switch_statement' ? sw.childForFieldName('value') : undefined;
      return subject && isStatusField(subject, info) ? { role: 'comparison', form: `switch ${subject.text}`, carrier: clause!, shape: 'none' } : undefined;
    }
    case 'literal_element': {
      // http.Response{StatusCode: 404}: a status a fake or stub declares.
      const keyed = parentOf(parent);
      if (keyed?.type !== 'keyed_element' || keyed.childForFieldName('value')?.startIndex !== parent.startIndex) return undefined;
      return keyed.childForFieldName('key')?.text === 'StatusCode' ? { role: 'declaration', form: 'StatusCode:', carrier: keyed, shape: 'none' } : undefined;
    }
    default:
      return undefined;
  }
}

function argumentContext(value: Node, args: Node, info: GoFileInfo): StatusContext | undefined {
  const call = parentOf(args);
  if (call?.type !== 'call_expression') return undefined;
  const { name, receiver } = calleeParts(call);
  if (!name || !receiver) return undefined;
  const all = namedArgs(args);
  const index = argIndex(args, value);
  // testify / gotest.tools: assert.Equal(t, http.StatusOK, rr.Code), require.Equal(t, 409, w.Code)
  if (ASSERT_EQUAL.test(name)) {
    const compared = all.some((a, i) => i !== index && isStatusField(a, info));
    return compared && index <= 2 ? { role: 'assertion', form: `${receiver.text}.${name}()`, carrier: call, shape: 'none' } : undefined;
  }
  if (name === 'Redirect' && all.length === 2 && all[1 - index]?.type === 'int_literal') return undefined;
  const ctx = callRole(name, receiver.text, index, all.length, info, () => isContextReceiver(receiver));
  return ctx ? { ...ctx, carrier: call } : undefined;
}
