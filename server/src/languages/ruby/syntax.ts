// Small readers over Ruby's tree-sitter nodes: call parts, hash keys, symbols, and the
// containers statements live in. Shared by the Ruby contexts, responses and handlers.
import type { Node } from '../../parsing/treeSitter';
import { namedArgs, unquote } from '../syntax';
import { parentOf } from './parents';

/** The method name of a `call` node (`render` in `render json: x`). */
export function callName(call: Node): string | undefined {
  return call.type === 'call' ? call.childForFieldName('method')?.text : undefined;
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
  if (key.type === 'hash_key_symbol') return key.text;
  if (key.type === 'simple_symbol') return key.text.slice(1);
  if (key.type === 'string' && !hasInterpolation(key)) return unquote(key.text);
  return undefined;
}

/** The value of the pair named `key` among a call's arguments (also inside a trailing `{ ... }`). */
export function pairValue(args: Node[], key: string): Node | undefined {
  return findPair(args, key)?.childForFieldName('value') ?? undefined;
}

export function findPair(args: Node[], key: string): Node | undefined {
  for (const a of args) {
    if (a.type === 'pair' && pairKey(a) === key) return a;
    if (a.type === 'hash') {
      const inner = findPair(namedArgs(a), key);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `:conflict` -> `conflict`; undefined for other nodes. */
export function symbolName(node: Node): string | undefined {
  return node.type === 'simple_symbol' ? node.text.slice(1) : undefined;
}

export function hasInterpolation(node: Node): boolean {
  for (let i = 0; i < node.namedChildCount; i++) if (node.namedChild(i)?.type === 'interpolation') return true;
  return false;
}

/** A plain string literal's content, or undefined for interpolated or other nodes. */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node || node.type !== 'string' || hasInterpolation(node)) return undefined;
  return unquote(node.text);
}

const RESPONSE_RECEIVER = /^@?(response|res|resp|rack_response|http_response|last_response|page|result|reply)$/;

/** `response.status`, `last_response.status`, `page.status_code`, `res.code`: a status being read. */
export function isStatusReader(node: Node | null | undefined): boolean {
  if (!node || node.type !== 'call') return false;
  const name = callName(node);
  if (name !== 'status' && name !== 'status_code' && name !== 'code') return false;
  const recv = receiverOf(node);
  if (!recv || callArgs(node).length) return false;
  const last = recv.type === 'call' ? callName(recv) ?? '' : recv.text;
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
  let child = node;
  for (let n = parentOf(node); n; child = n, n = parentOf(n)) {
    if (CONTAINERS.has(n.type)) return { container: n, statement: child };
    if (n.type === 'method' || n.type === 'singleton_method' || n.type === 'class' || n.type === 'module') return undefined;
  }
  return undefined;
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

/** Index of the first entry that starts after `offset`, in a list sorted by start (binary search). */
export function firstAfter(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
