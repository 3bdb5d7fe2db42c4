// Runs the checks: in the main thread for small trees, with worker threads beside it for large ones.
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
  /** Threads to use, the main thread included (1: no workers); undefined decides by the number of files. */
  jobs?: number;
  onResult?(outcome: FileOutcome): void;
}

/** Threads to use, counting the main thread, which checks files too. */
export function threadsFor(fileCount: number, jobs: number | undefined): number {
  const wanted = jobs ?? (fileCount >= WORKER_THRESHOLD ? availableParallelism() : 1);
  return Math.max(1, Math.min(wanted, Math.ceil(fileCount / CHUNK)));
}

export async function runChecks(files: readonly string[], opts: RunOptions): Promise<FileOutcome[]> {
  const threads = threadsFor(files.length, opts.jobs);
  const script = join(__dirname, 'cli-worker.js');
  const workers = threads > 1 && existsSync(script) ? threads - 1 : 0;
  const outcomes = await shareQueue([...files], opts, workers, script);
  return outcomes.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * The main thread and `workers` threads take chunks from one queue. The main thread starts at
 * once, so the time workers spend loading grammars is not time lost; it yields between chunks
 * so the workers' messages are handled.
 */
function shareQueue(queue: string[], opts: RunOptions, workers: number, script: string): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  const record = (o: FileOutcome) => {
    out.push(o);
    opts.onResult?.(o);
  };
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
    const data: CheckSettings = { root: opts.root, settings: opts.settings, fix: opts.fix };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(script, { workerData: data });
      started.push(worker);
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'result') record(msg.outcome);
        else if (queue.length) worker.postMessage({ type: 'chunk', files: queue.splice(0, CHUNK) } satisfies ToWorker);
        else {
          void worker.terminate();
          finished();
        }
      });
      worker.on('error', fail);
    }
    const analyzer = new Analyzer(opts.settings);
    const mainLoop = async () => {
      while (queue.length) {
        for (const file of queue.splice(0, CHUNK)) record(await checkFile(file, analyzer, opts));
        await new Promise((r) => setImmediate(r));
      }
      finished();
    };
    mainLoop().catch(fail);
  });
}
