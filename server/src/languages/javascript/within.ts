// The calls or assignments inside one function, found by binary search over the file's list
// (collected in source order by the walk). Scanning the whole list per response made analysis
// quadratic in the file's size, and every startIndex read is a call into the wasm parser.
import type { Node } from '../../parsing/treeSitter';

const startsOf = new WeakMap<Node[], number[]>();

/** The nodes of `nodes` (sorted by start) that start within [start, end). */
export function nodesWithin(nodes: Node[], start: number, end: number): Node[] {
  let starts = startsOf.get(nodes);
  if (!starts || starts.length !== nodes.length) {
    starts = nodes.map((n) => n.startIndex);
    startsOf.set(nodes, starts);
  }
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < starts.length && starts[last] < end) last++;
  return nodes.slice(lo, last);
}

/** The nodes inside a function node (a node that starts inside it also ends inside it). */
export function nodesInFunction(nodes: Node[], fn: Node): Node[] {
  return nodesWithin(nodes, fn.startIndex, fn.endIndex);
}
