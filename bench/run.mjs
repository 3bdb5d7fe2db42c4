// `npm run bench [-- --quick] [-- --out file] [-- --no-build]`: builds the server and CLI, bundles
// the benchmark (it imports the server's TypeScript sources) and runs it. The table goes to
// stdout, the figures to bench/results.json. --no-build reuses dist/ as it is (the smoke test
// runs inside `npm test`, which has just built it).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { treeSitterRuntime } from '../scripts/treeSitterRuntime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const build = () => spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-tests'], { cwd: root, stdio: 'inherit' }).status === 0;

// The benchmark runs its own copy of dist/: other engineers rebuild dist/ in this working tree
// (the build deletes it first), which would pull the server away in the middle of a run.
// Each run has its own folder (two runs may overlap: the smoke test inside npm test).
const runDir = join(root, 'bench', '.work', `run-${process.pid}`);
const snapshot = join(runDir, 'dist');
const needed = ['server.js', 'cli.js', 'cli-worker.js', 'grammars/tree-sitter.wasm', 'grammars/tree-sitter-javascript.wasm'];
function takeSnapshot() {
  rmSync(snapshot, { recursive: true, force: true });
  try {
    cpSync(join(root, 'dist'), snapshot, { recursive: true });
  } catch {
    return false; // dist/ changed while being copied
  }
  return needed.every((f) => existsSync(join(snapshot, f)));
}
let ready = false;
for (let attempt = 0; attempt < 5 && !ready; attempt++) {
  if (attempt > 0) await new Promise((r) => setTimeout(r, 2000));
  if (!args.includes('--no-build') || attempt > 1) {
    if (!build()) continue;
  }
  ready = takeSnapshot();
}
if (!ready) {
  rmSync(runDir, { recursive: true, force: true });
  console.error('bench: could not build and copy dist/ (is another build failing?)');
  process.exit(1);
}

const outfile = join(runDir, 'bench.js');
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['bench/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  loader: { '.scm': 'text' },
  plugins: [treeSitterRuntime],
});

// --expose-gc: the memory section forces a GC before reading the heap of its in-process cycles.
const bench = spawnSync(process.execPath, ['--expose-gc', outfile, ...args.filter((a) => a !== '--no-build')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HTTP_STATUS_HINTS_GRAMMARS: join(snapshot, 'grammars'), BENCH_ROOT: root, BENCH_RUN_DIR: runDir },
});
rmSync(runDir, { recursive: true, force: true });
process.exit(bench.status ?? 1);
