// The shape of bench/results.json: every figure of one run, with what it was measured against.
import type { AnalysisResult } from './analysis';
import type { BundleResult } from './bundle';
import type { CliResult } from './cli';
import type { LatencyResult } from './latency';
import type { MemoryResult } from './memory';
import type { StartupResult } from './startup';
import type { Target } from './targets';

export interface Skipped {
  language: string;
  lines: number;
  reason: string;
  /** The request latencies at this size were not measured either. */
  latency: boolean;
}

export interface Results {
  meta: { date: string; quick: boolean; node: string; cpus: number; loadAverage: { start: number[]; end: number[] }; commit: string; durationS: number };
  analysis: AnalysisResult[];
  skipped: Skipped[];
  latency: LatencyResult[];
  startup: StartupResult;
  memory: MemoryResult & { docLines: number; docCharacters: number };
  cli: CliResult;
  bundle: BundleResult;
  targets: Target[];
}
