// Finds nodes by offset inside one subtree, and records the path from the subtree's root down
// to each of them, so the analysis can climb from a status to its call, statement, branch and
// function without `node.parent` (which this web-tree-sitter answers by searching down from the
// root of the whole tree every time). Targets are usually asked for in source order; the path
// of the previous target is kept and only the part below the common ancestor is read again.
import type { Node } from '../../parsing/treeSitter';
import { endOf, knownAt, recordParent } from './nodes';
import { partitionPoint } from '../sorted';

export class PathSeeker {
  private path: Node[];

  constructor(root: Node) {
    this.path = [root];
  }

  /**
   * The innermost node spanning [start, end) (the innermost named one unless `named` is false),
   * or undefined when the range lies outside the root.
   */
  at(start: number, end: number, named = true): Node | undefined {
    // A node already read with its parent (on an earlier path, as a field or a child) needs no search.
    const known = named ? knownAt(this.path[0].tree, start, end) : undefined;
    if (known && this.inside(known)) return known;
    const path = this.path;
    if (!contains(path[0], start, end)) return undefined;
    // The nodes of the path that contain the range are a prefix of it (each lies inside the one
    // before): found by halving, which reads the end of a few of them, not of every one left.
    const lo = partitionPoint(path.length, (i) => contains(path[i], start, end), 1) - 1;
    path.length = lo + 1;
    const top = path[lo];
    const target = named ? top.namedDescendantForIndex(start, end) : top.descendantForIndex(start, end);
    if (!target) return undefined;
    // Read the path down to the target one level at a time (each level is one call into the
    // parser); every node on it learns its parent, however deep (a cut-off left the nodes below
    // it to `node.parent`, and a walk up from a deep status to quadratic time). Each step goes
    // one level down, so the loop ends within the depth of the tree.
    for (;;) {
      const last = path[path.length - 1];
      if (last.id === target.id) return last;
      const child = last.childWithDescendant(target);
      if (!child || child.id === last.id) break;
      recordParent(child, last);
      path.push(child);
    }
    return target;
  }

  private inside(node: Node): boolean {
    const root = this.path[0];
    return root.startIndex <= node.startIndex && endOf(node) <= endOf(root);
  }
}

function contains(node: Node, start: number, end: number): boolean {
  return node.startIndex <= start && end <= endOf(node);
}
