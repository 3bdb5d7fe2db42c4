// A second real LSP client: Neovim (Debian's package, headless) starts the server with
// vim.lsp.start_client, opens a fixture and asks for hover (and completion and diagnostics as
// those features report them). Installed by scripts/install-nvim.sh; in CI a missing nvim fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, serverPath } from '../helpers/lsp';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const skip = !hasNvim && !process.env.CI ? 'nvim is not installed (scripts/install-nvim.sh installs it)' : false;

interface Line {
  kind: string;
  value: unknown;
}

function drive(file: string, line: number, col: number, complete?: [number, number]): Line[] {
  const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(repoRoot, 'test', 'nvim', 'drive.lua')}`, '--', serverPath, file, String(line), String(col)];
  if (complete) args.push(String(complete[0]), String(complete[1]));
  const r = spawnSync('nvim', args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'nvim-state-')), XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'nvim-data-')) } });
  assert.equal(r.error, undefined, `nvim failed to run: ${r.error}`);
  const lines = (r.stdout ?? '')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
  assert.equal(r.status, 0, `nvim exited ${r.status}; stdout: ${r.stdout}; stderr: ${r.stderr}`);
  return lines;
}

test('Neovim gets the hover from the server over stdio', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nvim-ws-'));
  const file = join(dir, 'app.js');
  writeFileSync(
    file,
    ["const app = require('express')();", "app.post('/orders', (req, res) => {", '  res.status(409).json({ error: "exists" });', '});', 'app.listen(3000);', ''].join('\n'),
  );
  const lines = drive(file, 2, 14);
  assert.ok(lines.find((l) => l.kind === 'initialized'), 'the server initialized');
  const hover = lines.find((l) => l.kind === 'hover');
  assert.ok(hover && typeof hover.value === 'string', `a hover came back: ${JSON.stringify(lines)}`);
  assert.match(hover.value as string, /409 Conflict/);
  // initializationOptions from Neovim chose the compact hover: no "Use it when" section.
  assert.doesNotMatch(hover.value as string, /Use it when/);
});

test('Neovim gets completion in res.status( and pushed diagnostics with rule codes', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nvim-ws-'));
  const file = join(dir, 'orders.js');
  writeFileSync(
    file,
    [
      "const app = require('express')();",
      "app.post('/orders', (req, res) => {",
      "  res.status(299).json({ id: 1 });",
      '});',
      "app.delete('/orders/:id', (req, res) => {",
      '  res.status();',
      '});',
      '',
    ].join('\n'),
  );
  const lines = drive(file, 2, 14, [5, 13]);
  const completion = lines.find((l) => l.kind === 'completion');
  assert.ok(Array.isArray(completion?.value), `completion came back: ${JSON.stringify(lines)}`);
  const labels = completion.value as string[];
  assert.ok(labels.includes('409 Conflict'), 'offers 409 Conflict');
  assert.ok(labels.includes('204 No Content'));
  const diagnostics = lines.find((l) => l.kind === 'diagnostics')?.value as { line: number; code: unknown; source: string; message: string }[];
  const nonstandard = diagnostics.find((d) => d.code === 'nonstandard-code');
  assert.ok(nonstandard, `a nonstandard-code diagnostic: ${JSON.stringify(diagnostics)}`);
  assert.equal(nonstandard.line, 2);
  assert.equal(nonstandard.source, 'http-status');
});

test('Neovim gets no hover on a port number', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nvim-ws-'));
  const file = join(dir, 'server.js');
  writeFileSync(file, "const app = require('express')();\napp.listen(3000);\n");
  const lines = drive(file, 1, 12);
  assert.ok(lines.find((l) => l.kind === 'initialized'));
  assert.equal(lines.find((l) => l.kind === 'hover')?.value, null);
});
