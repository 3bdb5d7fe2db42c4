// A worker thread of the CLI: takes files from the queue it shares with the other threads (see
// pool.ts), several under one parser hard stop (batch.ts), one result per file, and says when
// the queue is empty. It builds its own Analyzer (grammars load per thread).
import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer } from './analysis';
import { checkQueue } from './batch';
import { takeNext, type FromWorker, type WorkerInput } from './pool';

const input = workerData as WorkerInput;
const analyzer = new Analyzer(input.settings);
const port = parentPort;

async function run(): Promise<void> {
  if (!port) return;
  const next = new Int32Array(input.next);
  await checkQueue(
    () => takeNext(input.files, next),
    analyzer,
    input,
    (outcome) => port.postMessage({ type: 'result', outcome } satisfies FromWorker),
  );
  port.postMessage({ type: 'done' } satisfies FromWorker);
}

void run();
