// Test helper: runs a test file's job in a worker thread, under a watchdog. Safety tests feed
// adversarial input to code that could loop for hours (a backtracking pattern, a quadratic climb);
// a stuck case would hang the whole run, so every message from the worker re-arms a timer, and
// silence for `hangMs` ends the worker and fails the test with what was running.
import { Worker } from 'node:worker_threads';

export interface Watch<M> {
  /** Milliseconds without a message after which the worker counts as stuck. */
  hangMs: number;
  /** Takes each message; returns true when the worker has finished its job. */
  onMessage(message: M): boolean;
  /** What was running, for the failure when the worker is stuck. */
  stuck(): string;
}

export function watchedWorker<M>(file: string, workerData: unknown, watch: Watch<M>): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData });
    let watchdog: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        void worker.terminate();
        reject(new Error(watch.stuck()));
      }, watch.hangMs);
    };
    arm();
    worker.on('message', (m: M) => {
      arm();
      if (!watch.onMessage(m)) return;
      clearTimeout(watchdog);
      void worker.terminate();
      resolve();
    });
    worker.on('error', (e) => {
      clearTimeout(watchdog);
      reject(e);
    });
  });
}
