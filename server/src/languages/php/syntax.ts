// Small readers over PHP's tree-sitter nodes: the parts of the four call shapes (function,
// method, static, `new`), arguments by position or name, array keys and string values.
import type { Node, Tree } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { parentOf, typeOf } from '../parents';
import { upTo } from '../ancestry';

export const CALL_TYPES = new Set(['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression', 'object_creation_expression']);
export const FUNCTION_TYPES = new Set(['method_declaration', 'function_definition', 'anonymous_function', 'arrow_function']);

export interface CallParts {
  kind: 'function' | 'member' | 'scoped' | 'new';
  /** The function, method or class name (last segment of a qualified name). */
  name: string;
  /** The object of a method call, or the scope of a static call. */
  object?: Node;
  /** The node that holds the name (for implicit sites and edits). */
  nameNode?: Node;
  args?: Node;
}

/** The last segment of a possibly qualified name: `\Foo\Bar` -> `Bar`. */
export function lastSegment(text: string): string {
  const i = text.lastIndexOf('\\');
  return i < 0 ? text : text.slice(i + 1);
}

/** Parts already read, per tree and node id: the adapter, its contexts and its responses all ask about the same calls. */
const partsCache = new WeakMap<Tree, Map<number, CallParts | undefined>>();

export function callParts(node: Node): CallParts | undefined {
  let known = partsCache.get(node.tree);
  if (!known) partsCache.set(node.tree, (known = new Map()));
  if (known.has(node.id)) return known.get(node.id);
  const parts = readCallParts(node);
  known.set(node.id, parts);
  return parts;
}

function readCallParts(node: Node): CallParts | undefined {
  switch (typeOf(node)) {
    case 'function_call_expression': {
      const fn = node.childForFieldName('function');
      if (!fn || (typeOf(fn) !== 'name' && typeOf(fn) !== 'qualified_name')) return undefined;
      return { kind: 'function', name: lastSegment(fn.text), nameNode: fn, args: node.childForFieldName('arguments') ?? undefined };
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression':
    case 'scoped_call_expression': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode || typeOf(nameNode) !== 'name') return undefined;
      const object = node.childForFieldName(typeOf(node) === 'scoped_call_expression' ? 'scope' : 'object') ?? undefined;
      return { kind: typeOf(node) === 'scoped_call_expression' ? 'scoped' : 'member', name: nameNode.text, object, nameNode, args: node.childForFieldName('arguments') ?? undefined };
    }
    case 'object_creation_expression': {
      let nameNode: Node | undefined;
      let args: Node | undefined;
      for (let i = 0; i < node.namedChildCount; i++) {
        const c = node.namedChild(i);
        if (!c) continue;
        if (!nameNode && (typeOf(c) === 'name' || typeOf(c) === 'qualified_name')) nameNode = c;
        if (typeOf(c) === 'arguments') args = c;
      }
      return nameNode ? { kind: 'new', name: lastSegment(nameNode.text), nameNode, args } : undefined;
    }
    default:
      return undefined;
  }
}

/** The `argument` nodes of a call. */
export function argumentNodes(call: Node | CallParts | undefined): Node[] {
  const args = call && 'kind' in call ? call.args : call ? callParts(call)?.args : undefined;
  return namedArgs(args).filter((a) => typeOf(a) === 'argument');
}

/** The value inside an `argument` node (after a `name:` label, if any). */
export function argValue(arg: Node | undefined): Node | undefined {
  return arg?.lastNamedChild ?? undefined;
}

export function argName(arg: Node): string | undefined {
  return arg.childForFieldName('name')?.text;
}

/** The argument at a position, or the named argument `name:`. */
export function argAt(args: Node[], index: number, name: string): Node | undefined {
  const named = args.find((a) => argName(a) === name);
  if (named) return argValue(named);
  const a = args[index];
  return a && !argName(a) ? argValue(a) : undefined;
}

/** Where a value sits among a call's arguments: its position and its label. */
export function argSlot(value: Node): { call: Node; index: number; name?: string } | undefined {
  const arg = parentOf(value);
  if (!arg || typeOf(arg) !== 'argument' || arg.lastNamedChild?.id !== value.id) return undefined;
  const list = parentOf(arg);
  const call = parentOf(list);
  if (!list || typeOf(list) !== 'arguments' || !call) return undefined;
  const args = namedArgs(list).filter((a) => typeOf(a) === 'argument');
  return { call, index: args.findIndex((a) => a.id === arg.id), name: argName(arg) };
}

/** A plain (non-interpolated) string literal's content. */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (typeOf(node) === 'string') {
    const m = /^'([\s\S]*)'$/.exec(node.text);
    return m ? m[1].replace(/\\(['\\])/g, '$1') : undefined;
  }
  if (typeOf(node) === 'encapsed_string') {
    for (let i = 0; i < node.namedChildCount; i++) {
      const t = node.namedChild(i)?.type;
      if (t && t !== 'string_content' && t !== 'escape_sequence') return undefined;
    }
    const m = /^"([\s\S]*)"$/.exec(node.text);
    return m ? m[1] : undefined;
  }
  return undefined;
}

/** The key => value pairs of an array literal. */
export function arrayPairs(array: Node | undefined): { key?: Node; value?: Node; element: Node }[] {
  if (!array || typeOf(array) !== 'array_creation_expression') return [];
  const out: { key?: Node; value?: Node; element: Node }[] = [];
  for (const el of namedArgs(array)) {
    if (typeOf(el) !== 'array_element_initializer') continue;
    const kids = namedArgs(el);
    out.push(kids.length >= 2 ? { key: kids[0], value: kids[kids.length - 1], element: el } : { value: kids[0], element: el });
  }
  return out;
}

/** `$response->getStatusCode()`, `$response->status()`, `$client->getResponse()->getStatusCode()`. */
export function isStatusReader(node: Node | undefined): boolean {
  if (!node || (typeOf(node) !== 'member_call_expression' && typeOf(node) !== 'nullsafe_member_call_expression')) return false;
  const name = node.childForFieldName('name')?.text ?? '';
  return (name === 'getStatusCode' || name === 'status' || name === 'getStatus') && argumentNodes(node).length === 0;
}

/** The function (method, closure) a node sits in. */
export function enclosingFunction(node: Node): Node | undefined {
  return upTo('php.function', parentOf(node), (n) => (FUNCTION_TYPES.has(typeOf(n)) ? n : undefined), undefined, parentOf);
}

export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}
