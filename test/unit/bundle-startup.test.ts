// What the bundles load at start (run `node scripts/build.mjs` first). The CLI never speaks LSP,
// so its bundles carry no LSP library (~310 KB every CLI thread would parse at start), and `yaml`
// (~250 KB) is evaluated with the first OpenAPI YAML document, not when a bundle loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sections } from '../helpers/bundleSections';

const root = join(__dirname, '..', '..');
const LSP_LIBRARIES = /^node_modules\/(?:vscode-languageserver|vscode-languageserver-protocol|vscode-languageserver-types|vscode-jsonrpc)\//;
const load = (bundle: string) => sections(readFileSync(join(root, bundle), 'utf8'));

for (const bundle of ['dist/cli.js', 'dist/cli-worker.js']) {
  test(`${bundle}: no LSP library inside`, () => {
    const parts = load(bundle);
    assert.ok(parts.some((p) => p.path === 'server/src/features/diagnostics.ts'), 'the bundle has the shared analysis, so the split works');
    assert.deepEqual(parts.filter((p) => LSP_LIBRARIES.test(p.path)).map((p) => p.path), []);
  });
}

test('dist/server.js still carries the LSP library it runs on', () => {
  assert.ok(load('dist/server.js').some((p) => p.path.startsWith('node_modules/vscode-languageserver/')));
});

for (const bundle of ['dist/server.js', 'dist/cli.js', 'dist/cli-worker.js']) {
  test(`${bundle}: yaml is bundled and only evaluated from inside a function`, () => {
    const parts = load(bundle);
    const entry = parts.find((p) => p.path === 'node_modules/yaml/dist/index.js');
    assert.ok(entry, 'yaml is inside the bundle (the .vsix ships no node_modules)');
    // esbuild wraps a CommonJS package in `var require_x = __commonJS(...)`, evaluated on its first call.
    const name = /^var (\w+) = __commonJS\(/m.exec(entry.text)?.[1];
    assert.ok(name, 'yaml is wrapped as a lazily evaluated CommonJS module');
    const calls = parts
      .filter((p) => p !== entry)
      .flatMap((p) => p.text.split('\n').filter((line) => new RegExp(`\\b${name}\\(\\)`).test(line)).map((line) => ({ path: p.path, line })));
    assert.ok(calls.length > 0, 'something still loads yaml');
    for (const c of calls) {
      assert.equal(c.path, 'server/src/languages/openapi/yamlTree.ts', `only the OpenAPI YAML reader loads yaml: ${c.path}`);
      // A statement at column 0 runs when the bundle loads; the lazy call sits inside a function body.
      assert.match(c.line, /^\s+/, `yaml is not evaluated at the bundle's top level: ${c.line.trim()}`);
    }
  });
}
