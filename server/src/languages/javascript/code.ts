// The code of a part of a tree with strings, templates, regexes and comments blanked (lexer.ts),
// so that text searches inside a function find only code. Statements register their lexed text
// while they are analysed; anywhere else (a slot, an edit computed later) the raw source is
// searched instead, which costs more tree reads but finds the same nodes.
import type { Node, Tree } from '../../parsing/treeSitter';
import { endOf, sourceOf } from './nodes';

interface Lexed {
  start: number;
  end: number;
  code: string;
}

const byTree = new WeakMap<Tree, Lexed[]>();

/** Registers the blanked code of [start, end) of `tree`. */
export function registerCode(tree: Tree, start: number, end: number, code: string): void {
  let list = byTree.get(tree);
  if (!list) byTree.set(tree, (list = []));
  list.push({ start, end, code });
}

export function releaseCode(tree: Tree): void {
  byTree.delete(tree);
}

/** The code of the node's span, and the offset it starts at. */
export function codeOf(node: Node): { code: string; start: number } {
  const start = node.startIndex;
  const end = endOf(node);
  const list = byTree.get(node.tree);
  if (list) {
    for (let i = list.length - 1; i >= 0; i--) {
      const l = list[i];
      if (l.start <= start && end <= l.end) return { code: l.code.slice(start - l.start, end - l.start), start };
    }
  }
  const text = sourceOf(node);
  return { code: text !== undefined ? text.slice(start, end) : node.text, start };
}
