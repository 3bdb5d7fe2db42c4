// One thread's share of the run (the main thread's and each worker's): files from the shared
// queue, checked several at a time under one parser hard stop.
//
// The hard stop (a node:vm execution timeout, see parsing/treeSitter.ts) starts and joins a
// watchdog thread each time. Per file that cost ~0.1 ms of CPU but ~0.6 ms of wall time on a
// busy 2-core machine (the join waits for the watchdog thread to be scheduled): ~6% of the run.
// After a grammar's first load everything for a file is synchronous, so files run one after
// another inside one hard stop for up to BATCH_MS; every file starts within BATCH_MS of the
// hard stop's start, so each still gets at least HARD_STOP_MS - BATCH_MS (~9.75 s) before it is
// stopped. The file running when it fires is reported as the parser gave up on it, the runtime
// is replaced, and the queue goes on.
import { HARD_STOP_MS } from '../documents';
import { withHardStop } from '../parsing/treeSitter';
import type { Analyzer } from './analysis';
import { checkFile, checkFileNow, stoppedOutcome, type CheckSettings, type FileOutcome } from './checkFile';

/** How long one hard stop goes on taking new files (the main thread yields to its event loop between). */
const BATCH_MS = 250;

/**
 * Checks files from `take` until it is empty, handing the outcomes to `record` after each batch.
 * `pause` runs between batches (the main thread yields there so workers' results are recorded).
 */
export async function checkQueue(take: () => string | undefined, analyzer: Analyzer, opts: CheckSettings, record: (outcome: FileOutcome) => void, pause?: () => Promise<void>): Promise<void> {
  for (;;) {
    // Outcomes are recorded after the hard stop, so a stop can never land inside `record`.
    const done: FileOutcome[] = [];
    let current: string | undefined;
    let grammarFor: string | undefined;
    let empty = false;
    const started = performance.now();
    try {
      withHardStop(HARD_STOP_MS, () => {
        while (performance.now() - started < BATCH_MS) {
          current = take();
          if (current === undefined) {
            empty = true;
            return;
          }
          const outcome = checkFileNow(current, analyzer, opts);
          if ('needsGrammar' in outcome) {
            grammarFor = current;
            return;
          }
          done.push(outcome);
          current = undefined;
        }
      });
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
      const restarted = analyzer.restart();
      // The file running when the stop fired (unless it had just finished).
      if (current !== undefined && done[done.length - 1]?.path !== current) {
        done.push(stoppedOutcome(current, opts, `the parser crashed on it during analysis (no progress for ${HARD_STOP_MS / 1000} s); ${restarted ? 'the parser was restarted for the other files' : 'the parser could not be restarted'}`));
      }
    }
    for (const outcome of done) record(outcome);
    if (empty) return;
    // A grammar's first load is asynchronous: this file alone, outside the batch (it loads the
    // grammar, then checks the file under its own hard stop).
    if (grammarFor !== undefined) record(await checkFile(grammarFor, analyzer, opts));
    await pause?.();
  }
}
