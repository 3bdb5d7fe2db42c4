// Where the benchmark finds the repository and its own copy of the build. Other engineers
// rebuild dist/ in the same working tree at any moment (the build starts by deleting it), and
// two benchmark runs may overlap (the smoke test inside `npm test`), so run.mjs gives each run
// its own folder with a copy of dist/ and passes both paths here.
import { join } from 'node:path';

/** The repository (bench/.work/<run>/bench.js lives three folders down). */
export const repoRoot = process.env.BENCH_ROOT ?? join(__dirname, '..', '..', '..');

/** This run's own folder: its copy of dist/, the generated CLI tree, the production server. */
export const runDir = process.env.BENCH_RUN_DIR ?? join(repoRoot, 'bench', '.work', 'run');

const dist = join(runDir, 'dist');

export const snapshot = {
  dist,
  server: join(dist, 'server.js'),
  cli: join(dist, 'cli.js'),
  grammars: join(dist, 'grammars'),
};

/**
 * Where a run writes its figures when no --out is given: results.json for the full run, and
 * results-<section>.json for a one-section (--only) run, so that a part of the figures never
 * replaces the last full run's.
 */
export function defaultResultsFile(only: string | undefined): string {
  return join(repoRoot, 'bench', only === undefined ? 'results.json' : `results-${only}.json`);
}
