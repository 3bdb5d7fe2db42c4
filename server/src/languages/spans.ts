// The innermost of a list of nested spans (handlers, functions) around an offset: a binary
// search, then out through the enclosing spans. Scanning every span per site made a file's
// analysis quadratic in its size.
import type { Span } from '../model';
import { firstAbove } from './sorted';

interface Chain {
  length: number;
  starts: number[];
  parent: number[];
}

const chains = new WeakMap<readonly { span: Span }[], Chain>();

function chainOf(items: readonly { span: Span }[]): Chain {
  let c = chains.get(items);
  if (c && c.length === items.length) return c;
  const chain: Chain = { length: items.length, starts: items.map((h) => h.span.start), parent: [] };
  const open: number[] = [];
  items.forEach((h, i) => {
    while (open.length && items[open[open.length - 1]].span.end <= h.span.start) open.pop();
    chain.parent.push(open.length ? open[open.length - 1] : -1);
    open.push(i);
  });
  chains.set(items, chain);
  return chain;
}

/**
 * Index of the innermost item whose span contains `offset` (start <= offset < end), for items
 * sorted by start whose spans nest (as functions do); undefined when none does.
 */
export function innermostAt(items: readonly { span: Span }[], offset: number): number | undefined {
  const c = chainOf(items);
  const lo = firstAbove(c.starts, offset);
  for (let i = lo - 1; i >= 0; i = c.parent[i]) if (offset < items[i].span.end) return i;
  return undefined;
}
