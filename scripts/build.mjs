// One build for everything: the client, server and CLI bundles, the grammar .wasm files the
// server loads at run time, and the test bundles (tests import TypeScript sources directly).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeSitterRuntime } from './treeSitterRuntime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const skipTests = process.argv.includes('--no-tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  loader: { '.scm': 'text' },
  plugins: [treeSitterRuntime],
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js' },
];
await Promise.all(
  entries
    .filter((e) => existsSync(join(root, e.in)))
    .map((e) =>
      esbuild.build({
        ...common,
        absWorkingDir: root,
        entryPoints: [e.in],
        outfile: e.out,
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
      }),
    ),
);

// The runtime and the grammars we use; VS Code's own builds of them.
const wasmDir = join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm');
const grammars = ['tree-sitter.wasm', 'javascript', 'typescript', 'tsx', 'python', 'go', 'java', 'c-sharp', 'ruby', 'php', 'rust'];
mkdirSync(join(root, 'dist/grammars'), { recursive: true });
for (const g of grammars) {
  const file = g.endsWith('.wasm') ? g : `tree-sitter-${g}.wasm`;
  cpSync(join(wasmDir, file), join(root, 'dist/grammars', file));
}

if (!skipTests) {
  // Every *.test.ts (unit, lsp) and the e2e suite entry become standalone CommonJS files.
  const testEntries = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'fixtures' && name !== 'workspace') walk(p);
      } else if (name.endsWith('.test.ts') || (p.includes('/e2e/suite/') && name === 'index.ts')) {
        testEntries.push(relative(root, p));
      }
    }
  };
  walk(join(root, 'test'));
  rmSync(join(root, 'dist-test'), { recursive: true, force: true });
  if (testEntries.length) {
    await esbuild.build({
      ...common,
      absWorkingDir: root,
      entryPoints: testEntries,
      outdir: 'dist-test',
      outbase: 'test',
      sourcemap: 'inline',
      external: ['vscode', 'mocha', 'http-status-codes', '@nestjs/common', 'ajv', 'ajv-formats', 'playwright-core'],
    });
  }
}
console.log(`built${production ? ' (production)' : ''}`);
