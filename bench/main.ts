// The benchmark: every figure of the performance issue in one run, each beside its baseline.
// Started by bench/run.mjs after the build; `--quick` is the reduced run for the smoke test.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { defaultResultsFile, repoRoot } from './paths';
import { measureAnalysis, type AnalysisResult } from './analysis';
import { measureBundle, productionServer } from './bundle';
import { measureCli } from './cli';
import { BENCH_LANGUAGES, generate, type Generated } from './generate';
import { measureLatency } from './latency';
import { measureMemory } from './memory';
import type { Results, Skipped } from './results';
import { measureInitialize, measureStartup } from './startup';
import { formatAnalysisTable, formatCliTable, formatMemoryTable, formatTable } from './table';
import { judge } from './targets';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIndex = args.indexOf('--out');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const outFile = resolve(outIndex >= 0 ? args[outIndex + 1] : defaultResultsFile(only));

const config = quick
  ? { sizes: [300, 1000], budget: { maxReps: 3, maxEdits: 5, cellMs: 300 }, requests: 20, startReps: 1, manyDocs: 3, manyLines: 1000, manyBudgetMs: 5_000, cycles: 20, cycleLines: 100, cliFiles: 10, cliReps: 1, pack: false }
  : { sizes: [1000, 10000, 50000], budget: { maxReps: 10, maxEdits: 60, cellMs: 4_000 }, requests: 200, startReps: 9, manyDocs: 50, manyLines: 10000, manyBudgetMs: 60_000, cycles: 1000, cycleLines: 200, cliFiles: 200, cliReps: 3, pack: true };

/** A single cold analysis predicted to take longer than this is not run (the run must stay bounded). */
const MAX_PREDICTED_MS = quick ? 5_000 : 30_000;
/** Above this, the warm-up of the stdio requests (one cold analysis in the server) is too long to wait for. */
const MAX_LATENCY_WARMUP_MS = quick ? 5_000 : 20_000;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The next size's cold analysis time, from the growth seen between the two previous sizes. */
function predict(prev: AnalysisResult[], lines: number): number | undefined {
  const [a, b] = prev.slice(-2);
  if (!b) return a ? a.fullMs * (lines / a.lines) : undefined;
  const k = Math.max(1, Math.log(b.fullMs / a.fullMs) / Math.log(b.lines / a.lines));
  return b.fullMs * (lines / b.lines) ** k;
}

/** `--only memory`: section 6 alone, printed as its own table. */
async function memoryOnly(): Promise<void> {
  const loadStart = loadavg();
  const memDoc = generate('javascript', config.manyLines);
  log('memory');
  const memory = { ...(await measureMemory(memDoc, config.manyDocs, config.manyBudgetMs, config.cycles, config.cycleLines)), docLines: memDoc.lines, docCharacters: memDoc.text.length };
  writeSection('memory', loadStart, { memory }, formatMemoryTable(memory));
}

/** `--only cli`: section 7 alone (our CLI against ESLint on the generated tree), printed as its own table. */
function cliOnly(): void {
  const loadStart = loadavg();
  log('CLI vs ESLint');
  const cli = measureCli(config.cliFiles, config.cliReps);
  writeSection('cli', loadStart, { cli }, formatCliTable(cli));
}

/** One section's table on stdout after the load averages around it, and its figures in the out file. */
function writeSection(only: string, loadStart: number[], figures: Record<string, unknown>, table: string): void {
  process.stdout.write(`Load average ${loadStart[0].toFixed(1)} at start / ${loadavg()[0].toFixed(1)} at end.\n\n${table}`);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ meta: { date: new Date().toISOString(), quick, only, loadAverage: { start: loadStart, end: loadavg() } }, ...figures, table }, null, 2) + '\n');
  log(`wrote ${outFile}`);
}

/** Sections 1-3: every language at every size, with the stdio requests' documents and what was skipped. */
async function analyseAll(): Promise<{ analysis: AnalysisResult[]; skipped: Skipped[]; latencyDocs: Generated[] }> {
  const analysis: AnalysisResult[] = [];
  const skipped: Skipped[] = [];
  const latencyDocs: Generated[] = [];
  for (const language of BENCH_LANGUAGES) {
    const done: AnalysisResult[] = [];
    for (const lines of config.sizes) {
      const expected = predict(done, lines);
      if (expected !== undefined && expected > MAX_PREDICTED_MS) {
        const reason = `one cold analysis would take about ${(expected / 1000).toFixed(0)} s (from the smaller sizes)`;
        log(`${language} ${lines}: skipped, ${reason}`);
        skipped.push({ language, lines, reason, latency: true });
        continue;
      }
      const g = generate(language, lines);
      log(`${language} ${g.lines} lines: analysis`);
      const a = await measureAnalysis(g, config.budget);
      done.push(a);
      analysis.push(a);
      if (a.fullMs > MAX_LATENCY_WARMUP_MS) skipped.push({ language, lines, reason: `stdio requests not measured: a cold analysis takes ${(a.fullMs / 1000).toFixed(1)} s`, latency: true });
      else latencyDocs.push(g);
    }
  }

  return { analysis, skipped, latencyDocs };
}

/** `--only analysis`: sections 1-3 alone (parse, full analysis, edit), printed as their own table. */
async function analysisOnly(): Promise<void> {
  const loadStart = loadavg();
  const { analysis, skipped } = await analyseAll();
  writeSection('analysis', loadStart, { analysis, skipped }, formatAnalysisTable(analysis, skipped));
}

async function main(): Promise<void> {
  if (only === 'memory') return memoryOnly();
  if (only === 'cli') return cliOnly();
  if (only === 'analysis') return analysisOnly();
  if (only !== undefined) throw new Error(`--only: unknown section ${only} (known: analysis, memory, cli)`);
  const started = Date.now();
  const loadStart = loadavg();
  const { analysis, skipped, latencyDocs } = await analyseAll();

  log('hover / completion / inlay hints over stdio');
  const latency = await measureLatency(latencyDocs, config.requests);
  log('server start');
  const startup = await measureStartup(generate('javascript', 1000), generate('python', 1000), config.startReps);
  log('memory');
  const memDoc = generate('javascript', config.manyLines);
  const memory = { ...(await measureMemory(memDoc, config.manyDocs, config.manyBudgetMs, config.cycles, config.cycleLines)), docLines: memDoc.lines, docCharacters: memDoc.text.length };
  log('CLI vs ESLint');
  const cli = measureCli(config.cliFiles, config.cliReps);
  log(config.pack ? 'bundle (npm run package)' : 'bundle');
  const bundle = measureBundle(config.pack);
  if (config.pack) {
    log('server start, production bundle');
    startup.initializeProductionMs = await measureInitialize(productionServer, config.startReps);
  }

  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot, encoding: 'utf8' }).trim();
    if (execSync('git status --porcelain --untracked-files=no', { cwd: repoRoot, encoding: 'utf8' }).trim()) commit += ' + uncommitted changes';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  const partial: Omit<Results, 'targets'> = {
    meta: { date: new Date().toISOString(), quick, node: process.version, cpus: availableParallelism(), loadAverage: { start: loadStart, end: loadavg() }, commit, durationS: (Date.now() - started) / 1000 },
    analysis,
    skipped,
    latency,
    startup,
    memory,
    cli,
    bundle,
  };
  const results: Results = { ...partial, targets: judge({ ...partial, targets: [] }) };
  const table = formatTable(results);
  process.stdout.write(table);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ ...results, table }, null, 2) + '\n');
  log(`wrote ${outFile}`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
