// Where the benchmark finds the repository and its own copy of the build. Other engineers
// rebuild dist/ in the same working tree at any moment (the build starts by deleting it), so
// run.mjs copies dist/ to bench/.work/dist right after building, and every section uses that.
import { join } from 'node:path';

/** bench/.work/bench.js -> the repository. */
export const repoRoot = join(__dirname, '..', '..');

const dist = join(repoRoot, 'bench', '.work', 'dist');

export const snapshot = {
  dist,
  server: join(dist, 'server.js'),
  cli: join(dist, 'cli.js'),
  grammars: join(dist, 'grammars'),
};
