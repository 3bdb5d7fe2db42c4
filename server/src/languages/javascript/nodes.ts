// Cheap reads of tree-sitter nodes during one extraction. Every getter of a web-tree-sitter Node
// is a call into the wasm parser, `node.parent` searches down from the root (its cost grows with
// the width of the file), and `node.text` and `node.type` are read again and again by the
// analysis. While a tree is being analysed, its parents (recorded when a path is sought, see
// seek.ts), types, ends and fields are kept here, keyed by node id; outside of that (edits
// called later, slots) every read falls back to the node itself.
import type { Node, Tree } from '../../parsing/treeSitter';
import { C, isIdentPart, isSpace } from './chars';
import { stringEnd } from './literals';

interface Info {
  /** null for the root of the tree. */
  parent?: Node | null;
  type?: string;
  end?: number;
  fields?: Map<string, Node | null>;
  kids?: Node[];
}

interface TreeCache {
  tree: Tree;
  text: string;
  /** The subtree being analysed (a top-level statement): where a path down to a node starts. */
  root?: Node;
  /** `root` is a child of the tree's root node. */
  rootIsTopLevel: boolean;
  /** The tree has no error: every node has the shape of its grammar rule (see `exactShapes`). */
  exact: boolean;
  nodes: Map<number, Info>;
  /** Nodes whose parent is known, by start offset, outermost first. */
  starts: Map<number, Node[]>;
  memos: Map<string, Map<number, unknown>>;
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
  // Every field present from the start: one shape for all, whatever is learnt first.
  if (!info) cache.nodes.set(id, (info = { parent: undefined, type: undefined, end: undefined, fields: undefined, kids: undefined }));
  return info;
}

/**
 * Starts caching reads of `tree` (whose source is `text`, analysed under `root`, which ends at
 * `rootEnd` when the caller knows, and is a child of the tree's root when `rootIsTopLevel`; the
 * caller tells `exact` when the tree has no error); `releaseTree` ends it.
 */
export function bindTree(tree: Tree, text: string, root?: Node, rootEnd?: number, rootIsTopLevel = false, exact = false): void {
  const cache: TreeCache = { tree, text, root, rootIsTopLevel, exact, nodes: new Map(), starts: new Map(), memos: new Map() };
  caches.set(tree, cache);
  last = cache;
  if (root && rootEnd !== undefined) infoOf(cache, root.id).end = rootEnd;
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

function record(cache: TreeCache, child: Node, parent: Node): void {
  const info = infoOf(cache, child.id);
  if (info.parent !== undefined) return;
  info.parent = parent;
  const list = cache.starts.get(child.startIndex);
  if (list) list.push(child);
  else cache.starts.set(child.startIndex, [child]);
}

/** Records that `parent` is the parent of `child` (the path seek.ts walked). */
export function recordParent(child: Node, parent: Node): void {
  const cache = cacheOf(child.tree);
  if (cache) record(cache, child, parent);
}

/** The innermost node spanning exactly [start, end) whose parent is already known, if any. */
export function knownAt(tree: Tree, start: number, end: number): Node | undefined {
  const list = cacheOf(tree)?.starts.get(start);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (endOf(list[i]) === end) return list[i];
  return undefined;
}

/**
 * The parent of a node. One that no path has passed yet gets the path from the analysed root
 * down to it recorded (what `node.parent` costs once, since it searches down from the root
 * too), so climbing on from it to its statement, branch and function reads nothing more: a walk
 * up through d levels costs d, not d * d.
 */
export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  const cache = cacheOf(node.tree);
  if (!cache) return node.parent;
  const info = infoOf(cache, node.id);
  if (info.parent !== undefined) return info.parent;
  // The analysed subtree is a top-level statement: its parent is the tree's root, which
  // `node.parent` would find by going through every statement before it.
  if (cache.root && node.id === cache.root.id && cache.rootIsTopLevel) {
    const top = node.tree.rootNode;
    if (top.id === node.id) return null;
    record(cache, node, top);
    infoOf(cache, top.id).parent = null;
    return top;
  }
  const root = cache.root && cache.root.id !== node.id && cache.root.startIndex <= node.startIndex && endOf(node) <= endOf(cache.root) ? cache.root : undefined;
  if (root) recordPath(cache, root, node);
  if (info.parent) return info.parent;
  const p = node.parent;
  if (p) record(cache, node, p);
  return p;
}

/** Records the parent of every node on the way from `from` down to `node` (which stops short when `node` is not below `from`). */
function recordPath(cache: TreeCache, from: Node, node: Node): void {
  let n = from;
  // Each step goes one level down: the loop ends within the depth of the tree.
  while (n.id !== node.id) {
    const child = n.childWithDescendant(node);
    if (!child || child.id === n.id) return;
    record(cache, child, n);
    n = child;
  }
}

/**
 * The nodes from the root of the tree down to `node` (first the root, last `node`): one search
 * down, for code that climbs from a node outside an analysis (edits computed later, completion
 * slots), where `node.parent` at every level would search down from the root each time.
 */
export function pathTo(node: Node): Node[] {
  const path: Node[] = [node.tree.rootNode];
  for (let n = path[0]; n.id !== node.id; ) {
    const child = n.childWithDescendant(node);
    if (!child || child.id === n.id) return [node];
    path.push(child);
    n = child;
  }
  path[path.length - 1] = node;
  return path;
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

/**
 * The text of a pair's key (`status` in `status: 404`, `'x-id'` with its quotes): read from the
 * text where the key is a name or a string followed by its colon, from the tree otherwise
 * (a computed key, a number, a comment in between).
 */
export function pairKeyText(pair: Node): string {
  const cache = cacheOf(pair.tree);
  if (cache) {
    const text = cache.text;
    const start = pair.startIndex;
    // The scans below stop at the key's end (a string at its line's end): the text's end bounds them.
    const end = text.length;
    const c = text.charCodeAt(start);
    let i = start;
    if (c === C.Sq || c === C.Dq) {
      i = stringEnd(text, start, end, c);
      if (i - start < 2 || text.charCodeAt(i - 1) !== c) i = start;
    } else if (isIdentPart(c) && !(c >= C.Zero && c <= C.Nine)) {
      while (i < end && isIdentPart(text.charCodeAt(i))) i++;
    }
    if (i > start) {
      let j = i;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === C.Colon) return text.slice(start, i);
    }
  }
  return textOf(field(pair, 'key'));
}

/** A pair's key without the quotes around it (`x-id` for `'x-id': 1`). */
export function pairKeyName(pair: Node): string {
  return pairKeyText(pair).replace(/^['"]|['"]$/g, '');
}

/**
 * True while a tree without errors is bound: then a node's first child starts where it starts, so
 * a child that starts with its parent is the parent's first field (`function` of a call,
 * `object` of a member expression, `left` of an assignment) without asking.
 */
export function exactShapes(node: Node): boolean {
  return cacheOf(node.tree)?.exact === true;
}

/** Tells the cache that `child` is the `name` field of `node` (found some other way than asking). */
export function setField(node: Node, name: string, child: Node): void {
  const cache = cacheOf(node.tree);
  if (!cache) return;
  const info = infoOf(cache, node.id);
  const fields = (info.fields ??= new Map());
  if (!fields.has(name)) fields.set(name, child);
  record(cache, child, node);
}

/**
 * The property name at the end of a member expression's text (`status` in `res.status`,
 * `#send` in `this.#send`), when only spaces lie between it and its `.`; undefined otherwise
 * (a comment or an escape in between: the tree is asked instead).
 */
function trailingName(text: string): string | undefined {
  let i = text.length;
  while (i > 0 && isIdentPart(text.charCodeAt(i - 1))) i--;
  if (i === text.length) return undefined;
  let j = i;
  while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
  return text.charCodeAt(j - 1) === C.Dot ? text.slice(i) : undefined;
}

/** The property's name of a member expression (`status` of `res.status`), from its text when it tells. */
export function propertyName(member: Node): string | undefined {
  const name = trailingName(textOf(member));
  if (name !== undefined) return name;
  const prop = field(member, 'property');
  return prop ? textOf(prop) : undefined;
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
    if (child) record(cache, child, node);
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
  const text = cache?.text;
  for (const c of node.namedChildren) {
    // Only a node whose text starts with `/` can be a comment: the others need no type read.
    if (!c || ((text === undefined || text.charCodeAt(c.startIndex) === C.Slash) && typeOf(c) === 'comment')) continue;
    out.push(c);
    if (cache) record(cache, c, node);
  }
  if (info) info.kids = out;
  return out;
}

/** `compute()` once per node and `what` while the tree is bound; every time otherwise. */
export function memo<T>(node: Node, what: string, compute: () => T): T {
  const memos = cacheOf(node.tree)?.memos;
  if (!memos) return compute();
  let byId = memos.get(what);
  if (!byId) memos.set(what, (byId = new Map()));
  if (byId.has(node.id)) return byId.get(node.id) as T;
  const value = compute();
  byId.set(node.id, value);
  return value;
}

/** What `memo` holds for `what` of a node, if anything (`has` tells undefined from missing). */
export function memoed(node: Node, what: string): { has: boolean; value?: unknown } {
  const byId = cacheOf(node.tree)?.memos.get(what);
  return byId?.has(node.id) ? { has: true, value: byId.get(node.id) } : { has: false };
}

/** Sets what `memo` holds for `what` of a node. */
export function setMemo(node: Node, what: string, value: unknown): void {
  const memos = cacheOf(node.tree)?.memos;
  if (!memos) return;
  let byId = memos.get(what);
  if (!byId) memos.set(what, (byId = new Map()));
  byId.set(node.id, value);
}

/** Same span and type: the same node of the same tree, whichever object stands for it. */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.id === b.id && a.tree === b.tree;
}
