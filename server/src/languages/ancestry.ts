// Parents, remembered for the length of one extract or one completion question. web-tree-sitter's
// `node.parent` descends from the root every time (tree-sitter nodes keep no parent pointer), so
// climbing from a node costs its depth for every step: quadratic in the nesting for one climb,
// and worse when every node of a nested expression climbs (22 s for a Python completion slot on
// a line of `not not not ...`). Inside `withAncestry`, a parent not known yet is found by one
// descent that records the parent of every node it passes, starting from the deepest node of the
// previous descent that holds the target (questions come in source order, so most share their
// path with the one before): a climb costs its length, and all the climbs of an extract cost
// about the size of the tree they cross. `upTo` remembers where climbs end, per node, so that
// climbing from every node of a nested expression stays linear too.
import type { Node, Tree } from '../parsing/treeSitter';
import { partitionPoint } from './sorted';

interface Active {
  tree: Tree;
  /** Parents asked of the tree directly so far (see DIRECT). */
  direct: number;
  parents: Map<number, Node | null>;
  facts: Map<string, Map<number, unknown>>;
  /** The last descent: the root, then each node on the way down to the last target. */
  path: Node[];
}

let active: Active | undefined;

/** Runs `fn` with parents of `tree`'s nodes remembered; the memory ends with it (trees change between runs). */
export function withAncestry<T>(tree: Tree, fn: () => T): T {
  const outer = active;
  if (outer?.tree === tree) return fn();
  active = { tree, parents: new Map(), facts: new Map(), path: [], direct: 0 };
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/** `node.parent`, remembered inside `withAncestry`. */
export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  const own = (node as Linked)[PARENT];
  if (own !== undefined) return own;
  const a = active;
  if (!a || node.tree !== a.tree) return node.parent;
  const known = a.parents.get(node.id);
  if (known !== undefined) return known;
  if (a.direct < DIRECT) {
    a.direct++;
    const parent = node.parent;
    a.parents.set(node.id, parent);
    return parent;
  }
  descendTo(a, node);
  const found = a.parents.get(node.id);
  if (found !== undefined) return found;
  // Not reachable by descent (a node of an edited tree?): ask the tree.
  const parent = node.parent;
  a.parents.set(node.id, parent);
  return parent;
}

/**
 * The first parents of a run are asked of the tree: its descent runs inside the parser, about a
 * hundred times faster per level than one driven from here, so a few short climbs (a completion
 * slot's) cost less that way even from deep inside a nesting. Past these, a run is climbing far
 * or often, and the descents recorded here make each further step cost nothing.
 */
const DIRECT = 32;

/** Whether `outer`'s span holds `node`'s and is larger (so `outer`, on a root path, is an ancestor). */
function holds(outer: Node, node: Node): boolean {
  return outer.startIndex <= node.startIndex && node.endIndex <= outer.endIndex && (outer.startIndex < node.startIndex || node.endIndex < outer.endIndex);
}

function descendTo(a: Active, node: Node): void {
  if (!a.path.length) {
    const root = a.tree.rootNode;
    a.path.push(root);
    a.parents.set(root.id, null);
    if (root.id === node.id) return;
  }
  // Spans shrink along the path, so the nodes that hold the target are a prefix: find its end.
  const k = partitionPoint(a.path.length, (i) => holds(a.path[i], node), 1) - 1;
  // A span can hold the target without being its ancestor (a zero-width node beside it): then
  // the descent misses, and the one from the root cannot.
  if (!descendFrom(a, k, node) && k > 0) descendFrom(a, 0, node);
}

function descendFrom(a: Active, k: number, node: Node): boolean {
  a.path.length = k + 1;
  let current = a.path[k];
  for (;;) {
    const child = current.childWithDescendant(node);
    if (!child || child.id === current.id) return false;
    a.parents.set(child.id, current);
    a.path.push(child);
    if (child.id === node.id) return true;
    current = child;
  }
}

/**
 * A parent known to the walk that made a node object, kept on the object itself: a map by node
 * id costs more than the climbs it saves when the walk records every node it keeps. Trees are
 * immutable, so the link stays true; other objects for the same node ask parentOf as before.
 */
const PARENT = Symbol('parent');
type Linked = Node & { [PARENT]?: Node | null };

/** Records `node`'s parent, known to the caller (a walk passing through both). */
export function knownParent(node: Node, parent: Node | null): void {
  (node as Linked)[PARENT] = parent;
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

/**
 * Climbs from `node` (included) until `stop` answers something other than undefined, and returns
 * that answer, or `atRoot` when the climb passes the root. Inside `withAncestry` the answer is
 * remembered under `kind` for every node the climb passed, and a later climb that reaches one of
 * them ends there: climbs from every node of one nested expression cost its size once, not its
 * depth per node. The answer must be a function of the node it is asked for (the node, what lies
 * below it and its ancestors). `up` climbs: parents.ts's parentOf where a walk recorded parents.
 */
const SHORT = 12;

export function upTo<T>(kind: string, node: Node | null | undefined, stop: (n: Node) => T | undefined, atRoot: T, up: (n: Node) => Node | null = parentOf): T {
  const byNode = active && node && node.tree === active.tree ? (active.facts.get(kind) ?? active.facts.set(kind, new Map()).get(kind)!) : undefined;
  const passed: number[] = [];
  let answer: T = atRoot;
  for (let n = node ?? null; n; n = up(n)) {
    if (byNode?.has(n.id)) {
      answer = byNode.get(n.id) as T;
      break;
    }
    passed.push(n.id);
    const here = stop(n);
    if (here !== undefined) {
      answer = here;
      break;
    }
  }
  // Short climbs are not worth remembering (most are, in ordinary code): a climb that stops
  // within SHORT steps costs a constant, and a longer one leaves its nodes for the next.
  if (byNode && passed.length > SHORT) for (const id of passed) byNode.set(id, answer);
  return answer;
}

/** `fn` run inside `withAncestry` of its input's tree: for an adapter's extract and slotAt. */
export function inAncestry<I extends { tree?: Tree }, A extends unknown[], R>(fn: (input: I, ...rest: A) => R): (input: I, ...rest: A) => R {
  return (input, ...rest) => (input.tree ? withAncestry(input.tree, () => fn(input, ...rest)) : fn(input, ...rest));
}
