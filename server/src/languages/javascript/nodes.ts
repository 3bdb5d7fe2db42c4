// Cheap reads of tree-sitter nodes during one extraction. Every getter of a web-tree-sitter Node
// is a call into the wasm parser, `node.parent` searches down from the root (its cost grows with
// the width of the file), and `node.text` and `node.type` are read again and again by the
// analysis. While a tree is being analysed, its parents (recorded when a path is sought, see
// seek.ts), types, ends and fields are kept here, keyed by node id; outside of that (edits
// called later, slots) every read falls back to the node itself.
import type { Node, Tree } from '../../parsing/treeSitter';

interface Info {
  parent?: Node;
  type?: string;
  end?: number;
  fields?: Map<string, Node | null>;
  kids?: Node[];
}

interface TreeCache {
  tree: Tree;
  text: string;
  nodes: Map<number, Info>;
  memos: Map<string, unknown>;
}

const caches = new WeakMap<Tree, TreeCache>();
// The tree most recently asked about: nearly every read is about it.
let last: TreeCache | undefined;

function cacheOf(tree: Tree): TreeCache | undefined {
  if (last?.tree === tree) return last;
  const c = caches.get(tree);
  if (c) last = c;
  return c;
}

function infoOf(cache: TreeCache, id: number): Info {
  let info = cache.nodes.get(id);
  if (!info) cache.nodes.set(id, (info = {}));
  return info;
}

/** Starts caching reads of `tree` (whose source is `text`); `releaseTree` ends it. */
export function bindTree(tree: Tree, text: string): void {
  const cache: TreeCache = { tree, text, nodes: new Map(), memos: new Map() };
  caches.set(tree, cache);
  last = cache;
}

/** Drops what was cached for `tree`: the model keeps only the nodes its edits need. */
export function releaseTree(tree: Tree): void {
  caches.delete(tree);
  if (last?.tree === tree) last = undefined;
}

/** The source text of the tree being analysed, when it is bound. */
export function sourceOf(node: Node): string | undefined {
  return cacheOf(node.tree)?.text;
}

/** Records that `parent` is the parent of `child` (the path seek.ts walked). */
export function recordParent(child: Node, parent: Node): void {
  const cache = cacheOf(child.tree);
  if (cache) infoOf(cache, child.id).parent = parent;
}

export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  const cache = cacheOf(node.tree);
  if (!cache) return node.parent;
  const info = infoOf(cache, node.id);
  if (info.parent) return info.parent;
  const p = node.parent;
  if (p) info.parent = p;
  return p;
}

export function typeOf(node: Node): string;
export function typeOf(node: Node | null | undefined): string | undefined;
export function typeOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const cache = cacheOf(node.tree);
  if (!cache) return node.type;
  const info = infoOf(cache, node.id);
  return (info.type ??= node.type);
}

export function endOf(node: Node): number {
  const cache = cacheOf(node.tree);
  if (!cache) return node.endIndex;
  const info = infoOf(cache, node.id);
  return (info.end ??= node.endIndex);
}

/** The node's source text: a slice of the bound text instead of a read through the parser. */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  const cache = cacheOf(node.tree);
  if (!cache) return node.text;
  return cache.text.slice(node.startIndex, endOf(node));
}

/** `node.childForFieldName(name)`, read once per node and field. */
export function field(node: Node | null | undefined, name: string): Node | null {
  if (!node) return null;
  const cache = cacheOf(node.tree);
  if (!cache) return node.childForFieldName(name);
  const info = infoOf(cache, node.id);
  const fields = (info.fields ??= new Map());
  let child = fields.get(name);
  if (child === undefined) {
    child = node.childForFieldName(name);
    fields.set(name, child);
    if (child) infoOf(cache, child.id).parent = node;
  }
  return child;
}

/** The named children of a node, comments left out (what `namedArgs` gives), read once per node. */
export function kids(node: Node | null | undefined): Node[] {
  if (!node) return [];
  const cache = cacheOf(node.tree);
  const info = cache && infoOf(cache, node.id);
  if (info?.kids) return info.kids;
  const out: Node[] = [];
  for (const c of node.namedChildren) {
    if (!c || typeOf(c) === 'comment') continue;
    out.push(c);
    if (cache) infoOf(cache, c.id).parent = node;
  }
  if (info) info.kids = out;
  return out;
}

/** `compute()` once per node and `what` while the tree is bound; every time otherwise. */
export function memo<T>(node: Node, what: string, compute: () => T): T {
  const memos = cacheOf(node.tree)?.memos;
  if (!memos) return compute();
  const key = `${node.id}:${what}`;
  if (memos.has(key)) return memos.get(key) as T;
  const value = compute();
  memos.set(key, value);
  return value;
}

/** Same span and type: the same node of the same tree, whichever object stands for it. */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id && a.tree === b.tree;
}
