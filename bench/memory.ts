// Section 6: the server's resident memory with 1 and with 50 open 10,000-line documents (each
// analysed, as VS Code pulls diagnostics for every open file), beside the idle server, as the
// server runs (trees and models for the few most recently used documents) and with every
// document resident (HTTP_STATUS_HINTS_RESIDENT=all, the server before residency.ts), with what
// a hover costs on a document whose tree was freed; and, in a fresh server, no growth across
// 1,000 documents opened and closed (trees are freed).
import { DocumentStore } from '../server/src/documents';
import { DEFAULT_RESIDENT, type ResidentLimit } from '../server/src/residency';
import { doValidate } from '../server/src/features/diagnostics';
import { contextOf } from './analysis';
import { EXTENSIONS, generate, type BenchLanguage, type Generated } from './generate';
import { join } from 'node:path';
import type { BenchClient } from './client';
import { repoRoot } from './paths';
import { pullCapabilities, pullDiagnostics, roundTrip, rssMb, startServer } from './server';
import { now, percentile } from './stats';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The server's memory after a full GC: resident, JS heap (models), wasm (trees). */
export interface Probe {
  rssMb: number;
  heapMb: number;
  wasmMb: number;
  /** What V8 holds for its heap, used or not (its high-water mark until it gives pages back). */
  heapTotalMb?: number;
}

/** Hover latency on documents opened earlier, at the client (ms, medians). */
export interface RehydrateResult {
  documents: number;
  /** The first hover after switching back to a document opened 45+ documents ago (its tree freed, unless all stay resident). */
  firstMs: number;
  /** The next hover on the same document (tree and model current). */
  hotMs: number;
}

/** The same 50 documents in a server configured otherwise (the baselines). */
export interface ManyDocsResult {
  manyDocsMb: number;
  manyDocsProbe: Probe;
  analysed: number;
  hover: RehydrateResult;
}

export interface MemoryResult {
  /** Which documents the server keeps resident (its default). */
  resident: ResidentLimit;
  idleMb: number;
  oneDocMb: number;
  manyDocsMb: number;
  /** After 50 documents and a full GC: where the memory is. */
  manyDocsProbe: Probe;
  manyDocs: number;
  /** Of those, how many were analysed within the time budget (the rest are open and parsed). */
  analysed: number;
  hover: RehydrateResult;
  /** Every tree and model kept, V8's default heap sizing: the server before residency.ts and heapTuning.ts. */
  allResident: ManyDocsResult;
  /** Trees and models for the most recent only, V8's default heap sizing (what residency alone does). */
  defaultHeap: ManyDocsResult;
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
      const v = JSON.parse(m[1]) as { rss: number; heapUsed: number; heapTotal: number; external: number };
      return { rssMb: v.rss / MB, heapMb: v.heapUsed / MB, wasmMb: v.external / MB, heapTotalMb: v.heapTotal / MB };
    }
    if (Date.now() > deadline) throw new Error('the memory probe in the server did not answer');
    await settle(50);
  }
}

interface ManyDocs {
  idleMb: number;
  oneDocMb: number;
  manyDocsMb: number;
  manyDocsProbe: Probe;
  analysed: number;
  hover: RehydrateResult;
}

/** How many documents get the evicted-then-hot hover pair. */
const HOVER_DOCS = 5;

/** Opens `many` copies of `doc` one after another, pulling diagnostics for each, in a server started with `env`. */
async function manyDocuments(doc: Generated, many: number, budgetMs: number, env: Record<string, string>): Promise<ManyDocs> {
  const client = await startServer(pullCapabilities, PROBE_ARGS, env);
  const out: ManyDocs = { idleMb: NaN, oneDocMb: NaN, manyDocsMb: NaN, manyDocsProbe: { rssMb: NaN, heapMb: NaN, wasmMb: NaN }, analysed: 0, hover: { documents: 0, firstMs: NaN, hotMs: NaN } };
  try {
    const pid = client.proc.pid!;
    await roundTrip(client);
    await settle();
    out.idleMb = rssMb(pid);
    const ext = EXTENSIONS[doc.languageId];
    const deadline = now() + budgetMs;
    const uriOf = (i: number) => `file:///bench/open/doc${i}.${ext}`;
    const textOf = (i: number) => `// copy ${i}\n${doc.text}`;
    for (let i = 0; i < many; i++) {
      // Each document differs in one comment so nothing can be shared between them.
      await client.open(uriOf(i), doc.languageId, textOf(i));
      if (i === 0 || now() < deadline) {
        await pullDiagnostics(client, uriOf(i));
        out.analysed++;
      } else {
        await roundTrip(client);
      }
      if (i === 0) {
        await settle();
        out.oneDocMb = rssMb(pid);
      }
    }
    await settle();
    out.manyDocsMb = rssMb(pid);
    out.manyDocsProbe = await probe(client);
    // Back to the first documents (the least recently used): the first hover parses and
    // analyses again when the tree was freed; the second finds it current.
    const first: number[] = [];
    const hot: number[] = [];
    for (let i = 0; i < Math.min(HOVER_DOCS, many - 1); i++) {
      const text = TextDocument.create(uriOf(i), doc.languageId, 1, textOf(i));
      const position = text.positionAt(`// copy ${i}\n`.length + doc.slots[(i * 7) % doc.slots.length] + 1);
      const hover = async () => {
        const t = now();
        const h = await client.request('textDocument/hover', { textDocument: { uri: uriOf(i) }, position });
        if (!h) throw new Error(`no hover at a status site of ${uriOf(i)}`);
        return now() - t;
      };
      first.push(await hover());
      hot.push(await hover());
    }
    out.hover = { documents: first.length, firstMs: percentile(first, 50), hotMs: percentile(hot, 50) };
  } finally {
    await client.stop();
  }
  return out;
}

export async function measureMemory(doc: Generated, many: number, budgetMs: number, cycles: number, cycleLines: number): Promise<MemoryResult> {
  const limited = await manyDocuments(doc, many, budgetMs, {});
  const baseline = (m: ManyDocs): ManyDocsResult => ({ manyDocsMb: m.manyDocsMb, manyDocsProbe: m.manyDocsProbe, analysed: m.analysed, hover: m.hover });
  const all = baseline(await manyDocuments(doc, many, budgetMs, { HTTP_STATUS_HINTS_RESIDENT: 'all', HTTP_STATUS_HINTS_HEAP: 'default' }));
  const defaultHeap = baseline(await manyDocuments(doc, many, budgetMs, { HTTP_STATUS_HINTS_HEAP: 'default' }));
  return {
    resident: DEFAULT_RESIDENT,
    ...limited,
    manyDocs: many,
    allResident: all,
    defaultHeap,
    openClose: await openCloseCycles(cycles, cycleLines),
    inProcess: await inProcessCycles(cycles, cycleLines),
  };
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
