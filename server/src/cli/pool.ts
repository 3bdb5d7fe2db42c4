// Runs the checks: in the main thread for small trees, with worker threads beside it for large ones.
// Every thread takes the next file from one queue, a counter in shared memory, so a few slow
// files do not leave cores idle and no thread waits for another to hand it work (the main
// thread is busy with its own files). Every result comes back per file so progress can move.
// Results are sorted by path, so the output does not depend on which thread finished first.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Analyzer } from './analysis';
import { checkQueue } from './batch';
import type { CheckSettings, FileOutcome } from './checkFile';

/** What a worker is started with: the files and the queue's shared counter (the next index to take). */
export interface WorkerInput extends CheckSettings {
  files: readonly string[];
  next: SharedArrayBuffer;
}
export type FromWorker = { type: 'result'; outcome: FileOutcome } | { type: 'done' };

/** Below this many files, starting threads (each loads its own grammars) costs more than it saves. */
export const WORKER_THRESHOLD = 150;
/** Files per thread at least: fewer, and another thread costs more than it saves. */
const MIN_FILES_PER_THREAD = 8;

export interface RunOptions extends CheckSettings {
  /** Threads to use, the main thread included (1: no workers); undefined decides by the number of files. */
  jobs?: number;
  onResult?(outcome: FileOutcome): void;
}

/** Threads to use, counting the main thread, which checks files too. */
export function threadsFor(fileCount: number, jobs: number | undefined): number {
  const wanted = jobs ?? (fileCount >= WORKER_THRESHOLD ? availableParallelism() : 1);
  return Math.max(1, Math.min(wanted, Math.ceil(fileCount / MIN_FILES_PER_THREAD)));
}

export async function runChecks(files: readonly string[], opts: RunOptions): Promise<FileOutcome[]> {
  const threads = threadsFor(files.length, opts.jobs);
  const script = join(__dirname, 'cli-worker.js');
  const workers = threads > 1 && existsSync(script) ? threads - 1 : 0;
  const outcomes = await shareQueue(files, opts, workers, script);
  return outcomes.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** Takes the next file of the queue shared by every thread; undefined when none is left. */
export function takeNext(files: readonly string[], next: Int32Array): string | undefined {
  const i = Atomics.add(next, 0, 1);
  return i < files.length ? files[i] : undefined;
}

/**
 * The main thread and `workers` threads take files from one queue. The main thread starts at
 * once, so the time workers spend loading grammars is not time lost; it yields between its
 * batches (batch.ts) so the workers' results are recorded (and progress drawn) as they come.
 */
function shareQueue(files: readonly string[], opts: RunOptions, workers: number, script: string): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  const record = (o: FileOutcome) => {
    out.push(o);
    opts.onResult?.(o);
  };
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const next = new Int32Array(shared);
  return new Promise((resolve, reject) => {
    let running = workers + 1;
    const started: Worker[] = [];
    const finished = () => {
      if (--running === 0) resolve(out);
    };
    const fail = (e: unknown) => {
      for (const w of started) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const data: WorkerInput = { root: opts.root, settings: opts.settings, fix: opts.fix, files, next: shared };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(script, { workerData: data });
      started.push(worker);
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'result') record(msg.outcome);
        else {
          void worker.terminate();
          finished();
        }
      });
      worker.on('error', fail);
    }
    const analyzer = new Analyzer(opts.settings);
    const take = () => takeNext(files, next);
    checkQueue(take, analyzer, opts, record, () => new Promise((r) => setImmediate(r))).then(finished, fail);
  });
}
