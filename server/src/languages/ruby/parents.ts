// Parent links, recorded during the one walk over a tree. This web-tree-sitter computes
// `node.parent` by descending from the root every time, at a cost that grows with the width of
// the file, so a large file would spend seconds in parent lookups. Nodes the walk did not
// visit (inside strings, or from another tree) fall back to `node.parent`.
import type { Node, Tree } from '../../parsing/treeSitter';

const byTree = new WeakMap<Tree, Map<number, Node>>();

/** The parent of a node: from the walk's record when there is one. */
export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  const known = byTree.get(node.tree)?.get(node.id);
  return known ?? node.parent;
}

/**
 * Visits every named node once, depth first, in source order, recording each node's parent.
 * `enter` returns false to skip a node's children. Punctuation and keywords are stepped over
 * without building node objects (about half of a tree, and none of it is a status).
 */
export function walkWithParents(tree: Tree, enter: (node: Node) => boolean | void): void {
  const parents = new Map<number, Node>();
  byTree.set(tree, parents);
  const stack: Node[] = [];
  const cursor = tree.walk();
  try {
    for (;;) {
      if (!cursor.nodeIsNamed) {
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
          stack.pop();
        }
        continue;
      }
      const node = cursor.currentNode;
      if (stack.length) parents.set(node.id, stack[stack.length - 1]);
      if (enter(node) !== false && cursor.gotoFirstChild()) {
        stack.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
        stack.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}
