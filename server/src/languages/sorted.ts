// Binary searches over lists in source order (sorted by an offset): the one loop that
// extraction, completion and inlay hints use to skip to a place in a file, instead of a copy
// per language.
import type { Node } from '../parsing/treeSitter';

/**
 * The first index in [from, length) where `before(i)` is false, for a `before` that holds on a
 * prefix of the list only (e.g. "starts before the offset" over items sorted by start).
 */
export function partitionPoint(length: number, before: (i: number) => boolean, from = 0): number {
  let lo = from;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value >= x in an ascending list. */
export function firstAtLeast(sorted: readonly number[], x: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] < x);
}

/** Index of the first value > x in an ascending list. */
export function firstAbove(sorted: readonly number[], x: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] <= x);
}

/** Index of the first entry that starts after `offset`, in a list sorted by start. */
export function firstStartingAfter(list: readonly { start: number }[], offset: number): number {
  return partitionPoint(list.length, (i) => list[i].start <= offset);
}

/** Index of the first node starting at or after `offset`, in nodes sorted by start. */
export function firstNodeFrom(sorted: readonly Node[], offset: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i].startIndex < offset);
}

/** The nodes of `sorted` (by start) that start inside [from, to): a binary search, then a slice. */
export function nodesStartingIn(sorted: readonly Node[], from: number, to: number): Node[] {
  const out: Node[] = [];
  for (let i = firstNodeFrom(sorted, from); i < sorted.length && sorted[i].startIndex < to; i++) out.push(sorted[i]);
  return out;
}

/** Whether an ascending list of offsets has one in [from, to). */
export function anyWithin(starts: readonly number[], from: number, to: number): boolean {
  const i = firstAtLeast(starts, from);
  return i < starts.length && starts[i] < to;
}
