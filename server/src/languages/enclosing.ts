// Which handler a response sits in, for every response of a file, without scanning every
// handler each time (a 10,000-line controller has thousands of both). Handlers come from a
// syntax tree, so their spans nest or do not overlap at all.
import type { Span } from '../model';
import { partitionPoint } from './sorted';

export class Enclosing {
  /** For each span, the index of the nearest span around it, or -1. */
  private readonly outer: number[];

  /** `spans` sorted by start. */
  constructor(private readonly spans: readonly { span: Span }[]) {
    this.outer = [];
    const open: number[] = [];
    spans.forEach(({ span }, i) => {
      while (open.length && spans[open[open.length - 1]].span.end <= span.start) open.pop();
      this.outer.push(open.length ? open[open.length - 1] : -1);
      open.push(i);
    });
  }

  /** The index of the innermost span that contains `offset`, or undefined. */
  innermost(offset: number): number | undefined {
    const lo = partitionPoint(this.spans.length, (i) => this.spans[i].span.start <= offset);
    // The last span starting at or before `offset`; when it ended already, only the spans
    // around it can still contain `offset`.
    for (let i = lo - 1; i >= 0; i = this.outer[i]) {
      if (offset < this.spans[i].span.end) return i;
    }
    return undefined;
  }
}
