// Runs the checks: in the main thread for small trees, across worker threads for large ones.
// Workers pull small chunks from one queue, so a few slow files do not leave cores idle, and
// every result comes back per file so progress can move. Results are sorted by path, so the
// output does not depend on which thread finished first.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Analyzer } from './analysis';
import { checkFile, type CheckSettings, type FileOutcome } from './checkFile';

export type ToWorker = { type: 'chunk'; files: string[] };
export type FromWorker = { type: 'result'; outcome: FileOutcome } | { type: 'idle' };

/** Below this many files, starting threads (each loads its own grammars) costs more than it saves. */
export const WORKER_THRESHOLD = 150;
const CHUNK = 8;

export interface RunOptions extends CheckSettings {
  /** Worker threads to use; undefined decides by the number of files. */
  jobs?: number;
  onResult?(outcome: FileOutcome): void;
}

export function threadsFor(fileCount: number, jobs: number | undefined): number {
  const wanted = jobs ?? (fileCount >= WORKER_THRESHOLD ? availableParallelism() : 1);
  return Math.max(1, Math.min(wanted, Math.ceil(fileCount / CHUNK)));
}

export async function runChecks(files: readonly string[], opts: RunOptions): Promise<FileOutcome[]> {
  const threads = threadsFor(files.length, opts.jobs);
  const script = join(__dirname, 'cli-worker.js');
  const outcomes = threads > 1 && existsSync(script) ? await inWorkers(files, opts, threads, script) : await inProcess(files, opts);
  return outcomes.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

async function inProcess(files: readonly string[], opts: RunOptions): Promise<FileOutcome[]> {
  const analyzer = new Analyzer(opts.settings);
  const out: FileOutcome[] = [];
  for (const f of files) {
    const outcome = await checkFile(f, analyzer, opts);
    out.push(outcome);
    opts.onResult?.(outcome);
  }
  return out;
}

function inWorkers(files: readonly string[], opts: RunOptions, threads: number, script: string): Promise<FileOutcome[]> {
  const queue = [...files];
  const out: FileOutcome[] = [];
  const data: CheckSettings = { root: opts.root, settings: opts.settings, fix: opts.fix };
  return new Promise((resolve, reject) => {
    let running = threads;
    const workers: Worker[] = [];
    const fail = (e: unknown) => {
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script, { workerData: data });
      workers.push(worker);
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'result') {
          out.push(msg.outcome);
          opts.onResult?.(msg.outcome);
        } else if (queue.length) {
          worker.postMessage({ type: 'chunk', files: queue.splice(0, CHUNK) } satisfies ToWorker);
        } else {
          void worker.terminate();
          if (--running === 0) resolve(out);
        }
      });
      worker.on('error', fail);
    }
  });
}
