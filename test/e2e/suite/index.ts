// Entry point VS Code calls in the extension host (extensionTestsPath): runs the e2e suites
// with mocha and rejects when a test failed, which makes the runner exit non-zero.
// Both runners use it: test/e2e/run-code-server.mjs (code-server + Chromium, CI) and
// test/e2e/run-electron.mjs (@vscode/test-electron, where VS Code desktop can be downloaded).
import Mocha from 'mocha';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { report } from './util';

/**
 * Marks mocha's report with E2E_LOG_MARKER, so the code-server runner can tell it apart from
 * the workbench's own log, which reaches it through the same channel. (The extension host
 * makes console.log unassignable, so this hooks mocha's printer rather than the console.)
 * Returns the undo.
 */
function markReport(marker: string): () => void {
  // mocha's reporters print through Base.consoleLog, captured when mocha loaded.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => console.log(marker + format(...args));
  return () => {
    base.consoleLog = original;
  };
}

export async function run(): Promise<void> {
  const unmark = markReport(process.env.E2E_LOG_MARKER ?? '');
  try {
    await runMocha();
  } catch (err) {
    // VS Code only logs why run() rejected in its own log; say it where the runner shows it.
    report(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  } finally {
    unmark();
  }
}

/** The suite names (`hover` for hover.e2e.ts), from test/e2e/suite beside dist-test/e2e/suite. */
function suiteNames(): string[] {
  const sources = path.resolve(__dirname, '../../../test/e2e/suite');
  if (!existsSync(sources)) throw new Error(`e2e suite sources not found at ${sources}`);
  return readdirSync(sources)
    .filter((f) => f.endsWith('.e2e.ts'))
    .map((f) => f.slice(0, -'.e2e.ts'.length))
    .sort();
}

async function runMocha(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    // The runners pass --grep through the environment of the extension host.
    grep: process.env.E2E_GREP || undefined,
  });

  // The suite files call describe/it when they load, so mocha's globals must exist first.
  // Every test/e2e/suite/*.e2e.ts is bundled into this file by esbuild (the template below is
  // a glob import), so only this bundle is needed at run time; the list of names comes from
  // the sources beside the repo's dist-test, so a new suite file needs no edit here.
  for (const name of suiteNames()) {
    mocha.suite.emit('pre-require', globalThis, `${name}.e2e.ts`, mocha);
    try {
      await import(`./${name}.e2e.ts`);
    } catch (err) {
      throw new Error(`cannot load ${name}.e2e.ts (added after the last build? run node scripts/build.mjs): ${String(err)}`);
    }
  }

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 }));
  });
  // The plain closing line CI reads; printed by the extension host and relayed by the runner.
  const skipped = stats.pending ? `, ${stats.pending} skipped` : '';
  report(`e2e: ${stats.passes} passed, ${stats.failures} failed${skipped}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} e2e test(s) failed`);
  if (stats.passes === 0) throw new Error('no e2e test ran (check --grep)');
}
