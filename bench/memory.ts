// Section 6: the server's resident memory with 1 and with 50 open 10,000-line documents (each
// analysed, as VS Code pulls diagnostics for every open file), beside the idle server; and,
// in a fresh server, no growth across 1,000 documents opened and closed (trees are freed).
import { DocumentStore } from '../server/src/documents';
import { doValidate } from '../server/src/features/diagnostics';
import { contextOf } from './analysis';
import { EXTENSIONS, generate, type BenchLanguage, type Generated } from './generate';
import { join } from 'node:path';
import type { BenchClient } from './client';
import { repoRoot } from './paths';
import { pullCapabilities, pullDiagnostics, roundTrip, rssMb, startServer } from './server';
import { now } from './stats';

/** The server's memory after a full GC: resident, JS heap (models), wasm (trees). */
export interface Probe {
  rssMb: number;
  heapMb: number;
  wasmMb: number;
}

export interface MemoryResult {
  idleMb: number;
  oneDocMb: number;
  manyDocsMb: number;
  /** After 50 documents and a full GC: where the memory is. */
  manyDocsProbe: Probe;
  manyDocs: number;
  /** Of those, how many were analysed within the time budget (the rest are open and parsed). */
  analysed: number;
  openClose: { documents: number; lines: number; beforeMb: number; afterMb: number; growthMb: number; checkpoints: number[]; before: Probe; after: Probe };
  /**
   * The same cycles in this process, where a GC can be forced: growth of the wasm memory (where
   * trees live; a tree not deleted stays there) and of the JS heap after a full GC. RSS alone
   * also moves with when V8 collects, so these say whether a growth is a leak.
   */
  inProcess: { documents: number; wasmGrowthMb: number; heapGrowthMb: number };
}

/** Lets the server finish what it was doing and the allocator settle before reading RSS. */
async function settle(ms = 300): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

const PROBE_ARGS = ['--expose-gc', `--require=${join(repoRoot, 'bench', 'memory-probe.cjs')}`];

/** Asks the probe preloaded into the server for its memory after a full GC. */
async function probe(client: BenchClient): Promise<Probe> {
  const from = client.stderr.length;
  process.kill(client.proc.pid!, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const m = /\[bench\] memory (\{[^\n]*\})/.exec(client.stderr.slice(from));
    if (m) {
      const v = JSON.parse(m[1]) as { rss: number; heapUsed: number; external: number };
      return { rssMb: v.rss / MB, heapMb: v.heapUsed / MB, wasmMb: v.external / MB };
    }
    if (Date.now() > deadline) throw new Error('the memory probe in the server did not answer');
    await settle(50);
  }
}

export async function measureMemory(doc: Generated, many: number, budgetMs: number, cycles: number, cycleLines: number): Promise<MemoryResult> {
  const client = await startServer(pullCapabilities, PROBE_ARGS);
  let idleMb = NaN;
  let oneDocMb = NaN;
  let manyDocsMb = NaN;
  let manyDocsProbe: Probe = { rssMb: NaN, heapMb: NaN, wasmMb: NaN };
  let analysed = 0;
  try {
    const pid = client.proc.pid!;
    await roundTrip(client);
    await settle();
    idleMb = rssMb(pid);
    const ext = EXTENSIONS[doc.languageId];
    const deadline = now() + budgetMs;
    for (let i = 0; i < many; i++) {
      // Each document differs in one comment so nothing can be shared between them.
      const uri = `file:///bench/open/doc${i}.${ext}`;
      await client.open(uri, doc.languageId, `// copy ${i}\n${doc.text}`);
      if (i === 0 || now() < deadline) {
        await pullDiagnostics(client, uri);
        analysed++;
      } else {
        await roundTrip(client);
      }
      if (i === 0) {
        await settle();
        oneDocMb = rssMb(pid);
      }
    }
    await settle();
    manyDocsMb = rssMb(pid);
    manyDocsProbe = await probe(client);
  } finally {
    await client.stop();
  }
  return { idleMb, oneDocMb, manyDocsMb, manyDocsProbe, manyDocs: many, analysed, openClose: await openCloseCycles(cycles, cycleLines), inProcess: await inProcessCycles(cycles, cycleLines) };
}

const LANGUAGES: BenchLanguage[] = ['javascript', 'typescript', 'python', 'go'];

async function inProcessCycles(cycles: number, lines: number): Promise<MemoryResult['inProcess']> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return { documents: 0, wasmGrowthMb: NaN, heapGrowthMb: NaN };
  const docs = LANGUAGES.map((l) => generate(l, lines, 'cycle'));
  const store = new DocumentStore();
  const cycle = async (i: number) => {
    const g = docs[i % docs.length];
    const entry = store.open(`file:///bench/in-process/doc${i}.${EXTENSIONS[g.languageId]}`, g.languageId, 1, g.text);
    await store.ensureParsed(entry);
    doValidate(contextOf(store, entry));
    store.close(entry.doc.uri);
  };
  const measure = () => {
    gc();
    // The wasm memory of the tree-sitter runtime is the process's external memory here.
    const m = process.memoryUsage();
    return { wasm: m.external / MB, heap: m.heapUsed / MB };
  };
  for (let i = 0; i < docs.length * 10; i++) await cycle(i);
  const before = measure();
  for (let i = 0; i < cycles; i++) await cycle(i);
  const after = measure();
  return { documents: cycles, wasmGrowthMb: after.wasm - before.wasm, heapGrowthMb: after.heap - before.heap };
}

const MB = 1024 * 1024;

/** Opens, analyses and closes `cycles` documents (unique URIs, four languages) in a fresh server. */
async function openCloseCycles(cycles: number, lines: number): Promise<MemoryResult['openClose']> {
  const docs = LANGUAGES.map((l) => generate(l, lines, 'cycle'));
  const client = await startServer(pullCapabilities, PROBE_ARGS);
  try {
    const pid = client.proc.pid!;
    const cycle = async (i: number, folder: string) => {
      const g = docs[i % docs.length];
      const uri = `file:///bench/${folder}/doc${i}.${EXTENSIONS[g.languageId]}`;
      await client.open(uri, g.languageId, g.text);
      await pullDiagnostics(client, uri);
      await client.close(uri);
    };
    // A warm-up round: every grammar loaded, the JIT and the heaps at their working size (V8
    // lets its heap grow for a few hundred documents before it settles).
    const warm = Math.max(docs.length * 5, Math.round(cycles / 2));
    for (let i = 0; i < warm; i++) await cycle(i, 'warm');
    await roundTrip(client);
    await settle(500);
    const beforeMb = rssMb(pid);
    const before = await probe(client);
    const checkpoints: number[] = [];
    for (let i = 0; i < cycles; i++) {
      await cycle(i, 'cycle');
      if ((i + 1) % Math.max(1, Math.round(cycles / 4)) === 0) checkpoints.push(rssMb(pid));
    }
    await roundTrip(client);
    await settle(500);
    const afterMb = rssMb(pid);
    const after = await probe(client);
    return { documents: cycles, lines, beforeMb, afterMb, growthMb: afterMb - beforeMb, checkpoints, before, after };
  } finally {
    await client.stop();
  }
}
