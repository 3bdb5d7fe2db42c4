// The editor reads the same project settings file as the CLI, so both report the same findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';

const code = "const app = require('express')();\napp.get('/x', (req, res) => {\n  res.status(299).send('odd');\n});\n";

async function codesFor(dir: string): Promise<string[]> {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'src', 'app.js')).href;
    await client.open(uri, 'javascript', code);
    const published = await client.waitFor(() => client.diagnostics.get(uri), 10_000, 'diagnostics');
    return published.diagnostics.map((d) => String(d.code));
  } finally {
    await client.stop();
  }
}

function repo(settings?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hsh-project-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'src'));
  if (settings) writeFileSync(join(dir, '.http-status-hints.json'), settings);
  return dir;
}

test('without a project file the rule reports; with it turned off there, it does not', async () => {
  assert.ok((await codesFor(repo())).includes('nonstandard-code'));
  const off = repo('{\n  // the team decided\n  "rules": { "nonstandard-code": "off" }\n}\n');
  assert.ok(!(await codesFor(off)).includes('nonstandard-code'));
});

test('a broken project file is reported and ignored', async () => {
  const dir = repo('{ "rules": ');
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'src', 'app.js')).href;
    await client.open(uri, 'javascript', code);
    const published = await client.waitFor(() => client.diagnostics.get(uri), 10_000, 'diagnostics');
    assert.ok(published.diagnostics.some((d) => d.code === 'nonstandard-code'), 'defaults apply');
    const warnings = client.notifications.filter((n) => /^window\/showMessage/.test(n.method)).map((n) => (n.params as { message: string }).message);
    assert.ok(warnings.some((w) => w.includes('.http-status-hints.json')), JSON.stringify(warnings));
  } finally {
    await client.stop();
  }
});

test('a Gemfile.lock written later is read when the editor reports it: Rack 2 symbols stop being reported', async () => {
  const dir = repo();
  mkdirSync(join(dir, 'app'));
  const uri = pathToFileURL(join(dir, 'app', 'posts_controller.rb')).href;
  const ruby = 'class PostsController < ApplicationController\n  def create\n    render json: @post.errors, status: :unprocessable_entity\n  end\nend\n';
  const renamed = () => client.diagnostics.get(uri)?.diagnostics.some((d) => d.code === 'deprecated-code-or-name');
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open(uri, 'ruby', ruby);
    // No lockfile: the file alone cannot tell its Rack, and the old name is reported.
    await client.waitFor(() => (renamed() ? true : undefined), 10_000, 'the old Rack name reported');
    writeFileSync(join(dir, 'Gemfile.lock'), 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (2.2.8)\n    rails (7.0.8)\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'Gemfile.lock')).href, type: 1 }] });
    // Rack 2.2 has no :unprocessable_content, so :unprocessable_entity is right there.
    await client.waitFor(() => (client.diagnostics.get(uri) && !renamed() ? true : undefined), 10_000, 'the report without the rename');
  } finally {
    await client.stop();
  }
});
