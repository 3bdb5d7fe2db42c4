// V8's heap sizing for a server that makes a lot of short-lived garbage in bursts (extraction
// walks every node of a file) and then idles. By default V8 grows the young generation to
// 2 x 16 MB and lets the old generation grow well past what is live, and keeps that high-water
// mark: with 50 open 10,000-line files, ~110 MB of heap held for ~40 MB live, and the resident
// size ~100 MB above the live data. These two settings keep the young generation at its
// minimum and the old generation within ~10% of what was live after the last GC. Measured on
// the benchmark's 50 files: resident ~210 -> ~140 MB, for ~8% more CPU per analysis
// (--optimize-for-size reached the same resident size for ~28% more).
// Both flags are read by V8 at every GC, so setting them when the server starts takes effect
// (Node documents runtime flag changes as unsupported in general; these two are plain numbers
// the heap controller reads, and the benchmark measures the effect). HTTP_STATUS_HINTS_HEAP=default
// leaves V8 as it is (the benchmark's baseline).
import { setFlagsFromString } from 'node:v8';

export const HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=10'];

/** Applies HEAP_FLAGS unless the environment says not to; returns the flags applied. */
export function tuneHeap(env: string | undefined = process.env.HTTP_STATUS_HINTS_HEAP): string[] {
  if (env?.trim().toLowerCase() === 'default') return [];
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
  return HEAP_FLAGS;
}
