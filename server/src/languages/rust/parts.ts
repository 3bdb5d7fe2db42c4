// What the last element of an axum response tuple is. `(StatusCode::NO_CONTENT, jar)` and
// `(StatusCode::NO_CONTENT, headers)` send no body: a CookieJar, a HeaderMap or an array of
// header pairs are response parts. A name is looked up in its `let` or parameter; a name whose
// type cannot be seen is neither a known body nor known parts.
import { parentOf } from '../ancestry';
import type { Node } from '../../parsing/treeSitter';
import { namedArgs } from '../syntax';
import { calleeText, receiverOf } from './contexts';

export type PartKind = 'parts' | 'body' | 'unknown';

const PART_TYPES = /\b(HeaderMap|CookieJar|SignedCookieJar|PrivateCookieJar|AppendHeaders|TypedHeader|Extension|ResponseParts|HeaderValue)\b/;
const PART_CALLS = /^(AppendHeaders|TypedHeader|HeaderMap|Extension|CookieJar|SignedCookieJar|PrivateCookieJar)\b/;

/** What a name is bound to in the functions around `at`: `let x: T = v` (type, value), or a parameter `x: T`. */
function bindingOf(at: Node, name: string): { type?: string; value?: Node } | undefined {
  for (let child: Node = at, n = parentOf(at); n; child = n, n = parentOf(n)) {
    if (n.type === 'block') {
      let found: { type?: string; value?: Node } | undefined;
      for (let i = 0; i < n.namedChildCount; i++) {
        const s = n.namedChild(i);
        if (!s || s.startIndex >= child.startIndex) break;
        if (s.type !== 'let_declaration') continue;
        const pattern = s.childForFieldName('pattern');
        const id = pattern?.type === 'mut_pattern' ? pattern.namedChild(0) : pattern;
        if (id?.type === 'identifier' && id.text === name) found = { type: s.childForFieldName('type')?.text, value: s.childForFieldName('value') ?? undefined };
      }
      if (found) return found;
    }
    if (n.type === 'function_item' || n.type === 'closure_expression') {
      for (const p of namedArgs(n.childForFieldName('parameters'))) {
        const pattern = p.childForFieldName('pattern');
        const id = pattern?.type === 'mut_pattern' ? pattern.namedChild(0) : pattern;
        if (id?.text === name) return { type: p.childForFieldName('type')?.text ?? '' };
      }
      if (n.type === 'function_item') return undefined;
    }
  }
  return undefined;
}

/** Whether `n`, the last element of a response tuple, is its body, response parts, or unknown. */
export function partKind(n: Node, depth = 0): PartKind {
  switch (n.type) {
    case 'array_expression':
      return namedArgs(n).every((e) => e.type === 'tuple_expression') ? 'parts' : 'body';
    case 'identifier': {
      const bound = depth < 4 ? bindingOf(n, n.text) : undefined;
      if (!bound) return 'unknown';
      if (bound.type) return PART_TYPES.test(bound.type) ? 'parts' : 'body';
      return bound.value ? partKind(bound.value, depth + 1) : 'unknown';
    }
    case 'call_expression': {
      if (PART_CALLS.test(calleeText(n))) return 'parts';
      // jar.add(cookie), headers.clone(): a method on parts gives parts back.
      const recv = receiverOf(n);
      return recv && depth < 4 && (recv.type === 'identifier' || recv.type === 'call_expression') && partKind(recv, depth + 1) === 'parts' ? 'parts' : 'body';
    }
    default:
      return 'body';
  }
}
