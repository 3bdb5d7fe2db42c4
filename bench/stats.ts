// Small statistics and timing helpers shared by the benchmark sections.

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: p99 of 200 samples is the 198th value, so two outliers are allowed.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const median = (values: number[]) => percentile(values, 50);

export function now(): number {
  return performance.now();
}

/** Runs `fn` `reps` times after one warm-up run and returns the milliseconds of each timed run. */
export async function timeRuns(reps: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = now();
    await fn();
    out.push(now() - t);
  }
  return out;
}

export function round(n: number, digits = 2): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
