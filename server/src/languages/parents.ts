// Parent links and node types, recorded during the one walk an adapter makes over a tree.
// This web-tree-sitter computes `node.parent` by descending from the root every time, at a cost
// that grows with the size of the file, and `node.type` is a call into the wasm parser on every
// read; an adapter that climbs from each candidate to its call, statement and handler does both
// thousands of times. Nodes the walk did not record (inside strings, skipped subtrees, another
// tree) fall back to ancestry.ts (one descent, remembered inside `withAncestry`) and `node.type`.
import type { Language, Node, Tree } from '../parsing/treeSitter';
import { parentOf as ancestorParent } from './ancestry';

interface Walked {
  parents: Map<number, Node>;
  types: Map<number, string>;
}

const byTree = new WeakMap<Tree, Walked>();

/**
 * The node objects the walk builds carry their parent and type with them, so climbing from one
 * to its ancestors (which are walk nodes too) needs no lookup at all. Other objects for the
 * same node (from `childForFieldName`...) find them in the maps by node id.
 */
const PARENT = Symbol('parent');
const TYPE = Symbol('type');
type Walk = Node & { [PARENT]?: Node | null; [TYPE]?: string };

/** The last tree asked about, with its record: a WeakMap lookup per question adds up (this keeps one record alive). */
let lastTree: Tree | undefined;
let lastWalked: Walked | undefined;

function walkedOf(tree: Tree): Walked | undefined {
  if (tree !== lastTree) {
    lastTree = tree;
    lastWalked = byTree.get(tree);
  }
  return lastWalked;
}

/** The parent of a node: from the walk's record when there is one. */
export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  const own = (node as Walk)[PARENT];
  if (own !== undefined) return own;
  const known = walkedOf(node.tree)?.parents.get(node.id);
  return known ?? ancestorParent(node);
}

/** The type of a node: from the walk's record when there is one. */
export function typeOf(node: Node): string;
export function typeOf(node: Node | null | undefined): string | undefined;
export function typeOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  return (node as Walk)[TYPE] ?? walkedOf(node.tree)?.types.get(node.id) ?? node.type;
}

interface Grammar {
  /** Per type id: 1 for named types. */
  named: Uint8Array;
  /** Per type id: 1 for the types the walk steps over. */
  skipped: Uint8Array;
}

const grammars = new WeakMap<Language, WeakMap<ReadonlySet<string>, Grammar>>();
const NO_SKIP: ReadonlySet<string> = new Set();

/** What the walk needs to know about each type id of a grammar, computed once per grammar and skip set. */
function grammarOf(lang: Language, skip: ReadonlySet<string>): Grammar {
  let bySkip = grammars.get(lang);
  if (!bySkip) grammars.set(lang, (bySkip = new WeakMap()));
  let g = bySkip.get(skip);
  if (!g) {
    const count = lang.nodeTypeCount;
    g = { named: new Uint8Array(count), skipped: new Uint8Array(count) };
    for (let id = 0; id < count; id++) {
      g.named[id] = lang.nodeTypeIsNamed(id) ? 1 : 0;
      const name = lang.nodeTypeForId(id);
      g.skipped[id] = name && skip.has(name) ? 1 : 0;
    }
    bySkip.set(skip, g);
  }
  return g;
}

/**
 * Visits every named node once, depth first, in source order, recording each node's parent and
 * type; `enter` gets the type too, so it need not ask the parser again, and returns false to
 * skip a node's children. Punctuation and keywords are stepped over without building node
 * objects (about half of a tree, and none of it is a status), and so are the named types in
 * `skip` with everything under them: tokens the adapter never reads (identifiers, names), or
 * subtrees where no status can be (parameter lists). Their parents are not recorded.
 */
export function walkWithParents(tree: Tree, enter: (node: Node, type: string) => boolean | void, skip: ReadonlySet<string> = NO_SKIP): void {
  const walked: Walked = { parents: new Map(), types: new Map() };
  byTree.set(tree, walked);
  lastTree = tree;
  lastWalked = walked;
  const { named, skipped } = grammarOf(tree.language, skip);
  const types = tree.language.types;
  const stack: Node[] = [];
  const cursor = tree.walk();
  try {
    for (;;) {
      // One call into the parser per node: named-ness and skipping come from the type id.
      const id = cursor.nodeTypeId;
      // Ids past the table are ERROR nodes (named).
      if (id >= named.length || (named[id] === 1 && skipped[id] === 0)) {
        const node = cursor.currentNode as Walk;
        const type = types[id] ?? 'ERROR';
        const parent = stack.length ? stack[stack.length - 1] : null;
        node[PARENT] = parent;
        node[TYPE] = type;
        if (parent) walked.parents.set(node.id, parent);
        walked.types.set(node.id, type);
        if (enter(node, type) !== false && cursor.gotoFirstChild()) {
          stack.push(node);
          continue;
        }
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
