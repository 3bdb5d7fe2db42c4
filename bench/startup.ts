// Section 5: server start to the initialize result, and to the first diagnostics of a
// 1,000-line file for a client that does not pull (the server pushes); beside the start of a
// bare Node process. Also checks that no grammar loads before a document of its language opens.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BenchClient } from './client';
import type { Generated } from './generate';
import { repoRoot } from './paths';
import { launch, pushCapabilities, roundTrip, startServer } from './server';
import { median, now } from './stats';

export interface StartupResult {
  bareNodeMs: number;
  /** The development build the benchmark runs. */
  initializeMs: number;
  /** The minified build the .vsix ships, when this run packaged it. */
  initializeProductionMs?: number;
  firstDiagnosticsMs: number;
  /** Grammars read by the time initialize answered; after a .js opened; after a .py opened. */
  grammars: { atInitialize: string[]; afterJavascript: string[]; afterPython: string[] };
}

function bareNode(): Promise<number> {
  const t = now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    p.on('exit', () => resolve(now() - t));
    p.on('error', reject);
  });
}

/** Spawn to initialize result of a given server bundle (the production one, after packaging). */
export async function measureInitialize(serverPath: string, reps: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps + 1; i++) {
    const t = now();
    const client = new BenchClient(serverPath);
    await client.initialize(pushCapabilities);
    if (i > 0) times.push(now() - t); // the first start warms the file cache
    await client.stop();
  }
  return median(times);
}

async function oneStart(js: Generated): Promise<{ init: number; diag: number }> {
  const t = now();
  const client = launch();
  await client.initialize(pushCapabilities);
  const init = now() - t;
  const uri = 'file:///bench/first.js';
  await client.open(uri, 'javascript', js.text);
  await client.diagnosticsFor(uri, 60_000);
  const diag = now() - t;
  await client.stop();
  return { init, diag };
}

function grammarsIn(stderr: string): string[] {
  return [...stderr.matchAll(/\[bench\] grammar read: ([\w-]+)/g)].map((m) => m[1]);
}

async function grammarTrace(js: Generated, py: Generated): Promise<StartupResult['grammars']> {
  const preload = join(repoRoot, 'bench', 'trace-grammar-reads.cjs');
  const client = await startServer(pushCapabilities, [`--require=${preload}`]);
  try {
    // initialized has been sent; a round trip makes sure the server has handled it.
    await roundTrip(client);
    const atInitialize = grammarsIn(client.stderr);
    await client.open('file:///bench/trace.js', 'javascript', js.text);
    await client.diagnosticsFor('file:///bench/trace.js', 60_000);
    const afterJavascript = grammarsIn(client.stderr);
    await client.open('file:///bench/trace.py', 'python', py.text);
    await client.diagnosticsFor('file:///bench/trace.py', 60_000);
    return { atInitialize, afterJavascript, afterPython: grammarsIn(client.stderr) };
  } finally {
    await client.stop();
  }
}

export async function measureStartup(js: Generated, py: Generated, reps: number): Promise<StartupResult> {
  const bare: number[] = [];
  const init: number[] = [];
  const diag: number[] = [];
  await bareNode(); // the first spawn warms the OS file cache for node itself
  for (let i = 0; i < reps; i++) {
    bare.push(await bareNode());
    const r = await oneStart(js);
    init.push(r.init);
    diag.push(r.diag);
  }
  return { bareNodeMs: median(bare), initializeMs: median(init), firstDiagnosticsMs: median(diag), grammars: await grammarTrace(js, py) };
}
