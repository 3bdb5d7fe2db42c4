// One depth-first pass over a tree that builds Node objects only for the node types an adapter
// asks for. Making a Node for every node (what a plain cursor walk does) costs more than the
// rest of an extract on large files; reading the cursor's type id costs next to nothing.
import type { Language, Node, Tree } from '../parsing/treeSitter';

const cache = new WeakMap<ReadonlySet<string>, Map<Language, Set<number>>>();

/** The type ids of the wanted names in a grammar (a name can have several ids), computed once. */
function typeIds(lang: Language, wanted: ReadonlySet<string>): Set<number> {
  let byLang = cache.get(wanted);
  if (!byLang) cache.set(wanted, (byLang = new Map()));
  let ids = byLang.get(lang);
  if (!ids) {
    ids = new Set();
    for (let id = 0; id < lang.nodeTypeCount; id++) {
      const name = lang.nodeTypeForId(id);
      if (name && wanted.has(name)) ids.add(id);
    }
    byLang.set(lang, ids);
  }
  return ids;
}

/**
 * Visits the nodes whose type is in `wanted`, in source order. `enter` returns false to skip a
 * node's children; the children of other nodes are always visited.
 */
export function walkWanted(tree: Tree, wanted: ReadonlySet<string>, enter: (node: Node) => boolean | void): void {
  const ids = typeIds(tree.language, wanted);
  const cursor = tree.walk();
  try {
    for (;;) {
      const descend = !ids.has(cursor.nodeTypeId) || enter(cursor.currentNode) !== false;
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}
