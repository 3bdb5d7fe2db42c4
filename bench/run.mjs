// `npm run bench [-- --quick] [-- --out file] [-- --no-build]`: builds the server and CLI, bundles
// the benchmark (it imports the server's TypeScript sources) and runs it. The table goes to
// stdout, the figures to bench/results.json. --no-build reuses dist/ as it is (the smoke test
// runs inside `npm test`, where other tests are using dist/ at the same time).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-tests'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Beside the repository's other git-ignored output; two folders down, so the test helpers'
// repository root (__dirname/../..) is the same as in dist-test/.
const outfile = join(root, 'bench', '.work', 'bench.js');
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
});

const bench = spawnSync(process.execPath, [outfile, ...args.filter((a) => a !== '--no-build')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HTTP_STATUS_HINTS_GRAMMARS: join(root, 'dist', 'grammars') },
});
process.exit(bench.status ?? 1);
