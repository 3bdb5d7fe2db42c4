// The server and the CLI never run or load anything from the workspace, open no network
// connection and send no telemetry; the extension says it works in untrusted workspaces. Checked
// on what ships: the built bundles (run `node scripts/build.mjs` first), split into the modules
// esbuild concatenated (each starts with a `// <path>` line), so every hit of a risky API is
// pinned to the module it comes from and justified below, or the test fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sections } from '../helpers/bundleSections';

const root = join(__dirname, '..', '..');
const BUNDLES = ['dist/server.js', 'dist/cli.js', 'dist/cli-worker.js'];

const TREE_SITTER = 'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.js';

/**
 * Risky APIs, and the only modules allowed to mention them, each with the reason it is harmless.
 * Our own modules (server/, data/) are allowed none of them.
 */
const RISKY: { what: string; re: RegExp; allowed: Record<string, string> }[] = [
  {
    what: 'child processes',
    re: /require\("(?:node:)?child_process"\)/g,
    allowed: {
      // Helpers to resolve global npm/yarn module paths (Files.resolveGlobalNodePath...); nothing
      // of ours calls them (checked below).
      'node_modules/vscode-languageserver/lib/node/files.js': 'library helpers we never call',
    },
  },
  {
    what: 'sockets',
    re: /require\("(?:node:)?(?:net|tls|dgram)"\)/g,
    allowed: {
      // The pipe and socket transports of JSON-RPC: used only when the editor starts the server
      // with --pipe or --socket, for its own local connection.
      'node_modules/vscode-jsonrpc/lib/node/main.js': 'the editor-chosen local IPC transport',
    },
  },
  { what: 'HTTP clients', re: /require\("(?:node:)?(?:http|https|http2)"\)|\bhttps?\.(?:request|get)\(/g, allowed: {} },
  {
    what: 'fetch and XMLHttpRequest',
    re: /\bfetch\(|\bXMLHttpRequest\b/g,
    allowed: {
      // Emscripten's loaders for browsers and web workers, guarded by !ENVIRONMENT_IS_NODE; in
      // Node the runtime wasm is read with fs from our dist/grammars, and Language.load gets bytes.
      [TREE_SITTER]: 'browser-only branches of the wasm loader',
    },
  },
  { what: 'WebSockets', re: /\bnew WebSocket\b|\bWebSocket\(/g, allowed: {} },
  {
    what: 'code evaluation',
    re: /\beval\(|\bnew Function\(/g,
    allowed: {
      // Emscripten's dynamic linking evaluates JS snippets embedded in the grammar .wasm files we
      // ship in dist/grammars; never text from a document.
      [TREE_SITTER]: 'snippets from our own shipped grammars',
    },
  },
  {
    what: 'dynamic loading',
    re: /\bimport\(|\bcreateRequire\b|\brequire\((?!["'])/g,
    allowed: {
      // import("fs/promises") and import("module") with literal names, and a require made by
      // createRequire to read the runtime's own files.
      [TREE_SITTER]: 'literal Node built-ins for the wasm runtime',
    },
  },
  {
    what: 'vm scripts',
    re: /require\("(?:node:)?vm"\)|\.Script\(|\brunIn(?:New|This)?Context\(|\bcompileFunction\(/g,
    allowed: {
      // V8's execution timeout around calls into the wasm parser: one constant script, `run()`,
      // compiled once at load (checked below); document text never reaches it.
      'server/src/parsing/treeSitter.ts': 'a constant `run()` script for the parser hard stop',
    },
  },
  { what: 'telemetry', re: /\btelemetry\.logEvent\(|sendTelemetryEvent|applicationinsights|extension-telemetry/gi, allowed: {} },
];

for (const bundle of BUNDLES) {
  test(`${bundle}: no workspace code run, no network, no telemetry`, () => {
    const file = join(root, bundle);
    assert.ok(existsSync(file), `${bundle} is built (node scripts/build.mjs)`);
    const parts = sections(readFileSync(file, 'utf8'));
    assert.ok(parts.some((p) => p.path.startsWith('server/src/')), 'the bundle has our modules, so the split works');
    const problems: string[] = [];
    for (const risky of RISKY) {
      for (const part of parts) {
        const hits = part.text.match(risky.re);
        if (!hits) continue;
        if (risky.allowed[part.path]) continue;
        problems.push(`${risky.what} in ${part.path}: ${[...new Set(hits)].join(', ')}`);
      }
    }
    assert.deepEqual(problems, []);
    // The one vm script is the constant `run()`, whatever the bundler names the module.
    const scripts = [...parts.map((p) => p.text).join('\n').matchAll(/\.Script\(("[^"]*"|'[^']*'|`[^`]*`|[^,)]*)/g)].map((m) => m[1].trim());
    assert.ok(scripts.every((s) => s === '"run()"'), `vm scripts are constant: ${scripts.join(', ')}`);
    // The allowed library helpers stay unused by our code.
    const ours = parts.filter((p) => /^(server|data)\//.test(p.path)).map((p) => p.text).join('\n');
    assert.doesNotMatch(ours, /resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath|Files\.resolve\b|createClientPipeTransport|createClientSocketTransport/);
  });
}

test('the allowlist still matches the bundle: each allowed module is there and still has its hit', () => {
  const server = sections(readFileSync(join(root, 'dist/server.js'), 'utf8'));
  for (const risky of RISKY) {
    for (const path of Object.keys(risky.allowed)) {
      const part = server.find((p) => p.path === path);
      assert.ok(part, `${path} is in dist/server.js`);
      assert.match(part.text, new RegExp(risky.re.source, risky.re.flags.replace('g', '')), `${path} still mentions ${risky.what}`);
    }
  }
});

test('package.json: works in untrusted workspaces, says what it does in virtual ones', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { capabilities?: Record<string, unknown> };
  const caps = pkg.capabilities ?? {};
  assert.deepEqual((caps.untrustedWorkspaces as { supported?: unknown } | undefined)?.supported, true);
  const virtual = caps.virtualWorkspaces as boolean | { supported?: unknown; description?: unknown } | undefined;
  assert.ok(virtual !== undefined, 'virtualWorkspaces is declared');
  if (typeof virtual === 'object') {
    assert.ok(virtual.supported === true || virtual.supported === false || virtual.supported === 'limited', 'supported is true, false or "limited"');
    if (virtual.supported !== true) assert.equal(typeof virtual.description, 'string', 'a limitation is explained');
  }
});
