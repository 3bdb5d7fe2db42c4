// Parents, remembered for the length of one extract. web-tree-sitter's `node.parent` walks down
// from the root every time (tree-sitter nodes keep no parent pointer), so adapters that climb
// from many nodes (to their method, branch or statement) pay the tree's depth on every step.
// Inside `withAncestry`, each node's parent is looked up once, and facts adapters derive from a
// node shared by many others (is this class a controller?) are worked out once.
import type { Node, Tree } from '../parsing/treeSitter';

let active: { tree: Tree; parents: Map<number, Node | null>; facts: Map<string, Map<number, unknown>> } | undefined;

/** Runs `fn` with parents of `tree`'s nodes remembered; the memory ends with it (trees change between runs). */
export function withAncestry<T>(tree: Tree, fn: () => T): T {
  const outer = active;
  active = { tree, parents: new Map(), facts: new Map() };
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/** `node.parent`, remembered inside `withAncestry`. */
export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  if (!active || node.tree !== active.tree) return node.parent;
  const known = active.parents.get(node.id);
  if (known !== undefined) return known;
  const parent = node.parent;
  active.parents.set(node.id, parent);
  return parent;
}

/** `compute(node)`, remembered per node inside `withAncestry` under `kind`. */
export function remembered<T>(kind: string, node: Node, compute: (node: Node) => T): T {
  if (!active || node.tree !== active.tree) return compute(node);
  let byNode = active.facts.get(kind);
  if (!byNode) active.facts.set(kind, (byNode = new Map()));
  if (byNode.has(node.id)) return byNode.get(node.id) as T;
  const value = compute(node);
  byNode.set(node.id, value);
  return value;
}
