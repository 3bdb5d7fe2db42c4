// Small readers over Ruby's tree-sitter nodes: call parts, hash keys, symbols, and the
// containers statements live in. Shared by the Ruby contexts, responses and handlers.
import type { Node } from '../../parsing/treeSitter';
import { namedArgs, unquote } from '../syntax';
import { parentOf, typeOf } from '../parents';
import { upTo } from '../ancestry';

/** The method name of a `call` node (`render` in `render json: x`). */
export function callName(call: Node): string | undefined {
  return typeOf(call) === 'call' ? call.childForFieldName('method')?.text : undefined;
}

export function receiverOf(call: Node): Node | undefined {
  return call.childForFieldName('receiver') ?? undefined;
}

/** The arguments of a call (positional, pairs, splats), without the block. */
export function callArgs(call: Node): Node[] {
  return namedArgs(call.childForFieldName('arguments'));
}

/** A hash key as a plain name: `status:`, `:status =>`, `'status' =>` all give `status`. */
export function pairKey(pair: Node): string | undefined {
  const key = pair.childForFieldName('key');
  if (!key) return undefined;
  if (typeOf(key) === 'hash_key_symbol') return key.text;
  if (typeOf(key) === 'simple_symbol') return key.text.slice(1);
  if (typeOf(key) === 'string' && !hasInterpolation(key)) return unquote(key.text);
  return undefined;
}

/**
 * The pairs among a call's arguments by key (also inside a trailing `{ ... }`), read once per
 * call rather than once per key looked up; the first pair of a key wins.
 */
export function pairsByKey(args: Node[]): Map<string, Node> {
  const out = new Map<string, Node>();
  const visit = (list: Node[]): void => {
    for (const a of list) {
      const type = typeOf(a);
      if (type === 'pair') {
        const key = pairKey(a);
        if (key !== undefined && !out.has(key)) out.set(key, a);
      } else if (type === 'hash') {
        visit(namedArgs(a));
      }
    }
  };
  visit(args);
  return out;
}

/** `:conflict` -> `conflict`; undefined for other nodes. */
export function symbolName(node: Node): string | undefined {
  return typeOf(node) === 'simple_symbol' ? node.text.slice(1) : undefined;
}

export function hasInterpolation(node: Node): boolean {
  for (let i = 0; i < node.namedChildCount; i++) if (node.namedChild(i)?.type === 'interpolation') return true;
  return false;
}

/** A plain string literal's content, or undefined for interpolated or other nodes. */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node || typeOf(node) !== 'string' || hasInterpolation(node)) return undefined;
  return unquote(node.text);
}

const RESPONSE_RECEIVER = /^@?(response|res|resp|rack_response|http_response|last_response|page|result|reply)$/;

/** `response.status`, `last_response.status`, `page.status_code`, `res.code`: a status being read. */
export function isStatusReader(node: Node | null | undefined): boolean {
  if (!node || typeOf(node) !== 'call') return false;
  const name = callName(node);
  if (name !== 'status' && name !== 'status_code' && name !== 'code') return false;
  const recv = receiverOf(node);
  if (!recv || callArgs(node).length) return false;
  const last = typeOf(recv) === 'call' ? callName(recv) ?? '' : recv.text;
  return RESPONSE_RECEIVER.test(last);
}

/** Receivers whose `.status =` sets the response being built (Rails, Rack, Roda, Hanami). */
export function isResponseObject(node: Node | undefined): boolean {
  return !!node && /^@?(response|res|resp|rack_response)$/.test(node.text);
}

/** Node types that hold a list of statements. */
export const CONTAINERS = new Set(['program', 'body_statement', 'then', 'else', 'block_body', 'begin', 'do', 'ensure', 'parenthesized_statements']);

/** The statement list a node's statement sits in, and that statement. */
export function containerOf(node: Node): { container: Node; statement: Node } | undefined {
  // Remembered per node climbed from (the answer depends on the child the climb comes from).
  return upTo('rb.container', node, (child): { container: Node; statement: Node } | null | undefined => {
    const n = parentOf(child);
    if (!n) return null;
    if (CONTAINERS.has(typeOf(n))) return { container: n, statement: child };
    const t = typeOf(n);
    return t === 'method' || t === 'singleton_method' || t === 'class' || t === 'module' ? null : undefined;
  }, null, parentOf) ?? undefined;
}

export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** True when only spaces precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset));
}

/** CamelCase -> snake_case, for controller paths (`BlogPosts` -> `blog_posts`). */
export function snake(name: string): string {
  return name.replace(/([a-z\d])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}
