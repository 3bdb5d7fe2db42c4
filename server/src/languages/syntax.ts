// Small helpers over tree-sitter nodes that every adapter uses.
import { parentOf } from './ancestry';
import type { Node, Tree } from '../parsing/treeSitter';
import type { Span } from '../model';

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/**
 * Visits every node once, depth first, in source order, with a cursor (no arrays of
 * children are allocated). `enter` returns false to skip a node's children. With `only`, the
 * walk still descends everywhere but builds a Node (a call into the wasm parser and an object)
 * only for those types; with `skip`, it does not descend into those types at all.
 */
export function walk(tree: Tree, enter: (node: Node) => boolean | void, only?: ReadonlySet<string>, skip?: ReadonlySet<string>): void {
  const cursor = tree.walk();
  try {
    for (;;) {
      let descend = true;
      if (only || skip) {
        const type = cursor.nodeType;
        if (only?.has(type) !== false) descend = enter(cursor.currentNode) !== false;
        if (skip?.has(type)) descend = false;
      } else {
        descend = enter(cursor.currentNode) !== false;
      }
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** A plain decimal integer literal (`409`), or undefined for floats, hex, separators, huge values. */
export function intLiteral(text: string): number | undefined {
  if (!/^[0-9]{1,4}$/.test(text)) return undefined;
  return Number(text);
}

/** A number written as an HTTP status is: three digits, 100-599 (`404`; not `0`, `40`, `600`, `404.0`). */
export function inStatusRange(text: string): boolean {
  return /^[1-5]\d\d$/.test(text);
}

/** The nearest ancestor (not the node itself) whose type is one of `types`, up to `limit` levels. */
export function ancestor(node: Node, types: readonly string[], limit = 1000): Node | undefined {
  let n = parentOf(node);
  for (let i = 0; n && i < limit; i++, n = parentOf(n)) {
    if (types.includes(n.type)) return n;
  }
  return undefined;
}

// Children come from namedChildren, one call: namedChild(i) walks from the first child each
// time, so a loop over it is quadratic in the child count (a block of thousands of statements).

/** The named children of a node, skipping comments. */
export function namedArgs(node: Node | null | undefined): Node[] {
  if (!node) return [];
  const out: Node[] = [];
  for (const c of node.namedChildren) {
    if (c && c.type !== 'comment') out.push(c);
  }
  return out;
}

/** Index of `child` among `parent`'s named, non-comment children, or -1. */
export function argIndex(parent: Node, child: Node): number {
  let k = 0;
  for (const c of parent.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.startIndex === child.startIndex && c.endIndex === child.endIndex && c.type === child.type) return k;
    k++;
  }
  return -1;
}

/** Strips one level of matching quotes from a string literal's text. */
export function unquote(text: string): string {
  const m = /^(['"`])([\s\S]*)\1$/.exec(text);
  return m ? m[2] : text;
}
