// A worker thread of the CLI: checks the chunks of files the main thread sends, one result per
// file, then asks for more. It builds its own Analyzer (grammars load per thread).
import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer } from './analysis';
import { checkFile, type CheckSettings } from './checkFile';
import type { FromWorker, ToWorker } from './pool';

const opts = workerData as CheckSettings;
const analyzer = new Analyzer(opts.settings);
const port = parentPort;

if (port) {
  port.on('message', async (msg: ToWorker) => {
    if (msg.type !== 'chunk') return;
    for (const file of msg.files) {
      const outcome = await checkFile(file, analyzer, opts);
      port.postMessage({ type: 'result', outcome } satisfies FromWorker);
    }
    port.postMessage({ type: 'idle' } satisfies FromWorker);
  });
  port.postMessage({ type: 'idle' } satisfies FromWorker);
}
