// Large trees are split across worker threads; the report must not depend on it. Progress is
// drawn only for a person at a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, fixtures, readTree, runCli, tempDir } from './run';

/** `count` copies of fixture files in 10 folders: a tree large enough to start workers. */
function largeTree(count: number): string {
  const dir = tempDir('large');
  const sources = [join(fixtures, 'project', 'src', 'routes', 'users.js'), join(fixtures, 'project', 'api', 'views.py'), join(fixtures, 'fix', 'input', 'src', 'items.ts')];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `module${i % 10}`);
    mkdirSync(sub, { recursive: true });
    const src = sources[i % sources.length];
    copyFileSync(src, join(sub, `file${i}${src.slice(src.lastIndexOf('.'))}`));
  }
  return dir;
}

const withoutTiming = (s: string) => s.replace(/ in \d+\.\d s/, '');

test('worker threads give the same report as a single thread, in the same order', () => {
  const dir = largeTree(240);
  const single = runCli(['check', '--jobs', '1'], dir);
  const threaded = runCli(['check', '--jobs', '3'], dir);
  const auto = runCli(['check', '--format', 'json'], dir);
  assert.equal(single.code, 1);
  assert.equal(threaded.code, 1);
  assert.match(single.stdout, /240 files checked/);
  assert.equal(withoutTiming(threaded.stdout), withoutTiming(single.stdout));
  const json = JSON.parse(auto.stdout) as { files: { path: string }[]; summary: { filesChecked: number } };
  assert.equal(json.summary.filesChecked, 240);
  const paths = json.files.map((f) => f.path);
  assert.deepEqual(paths, [...paths].sort());
});

test('--fix through worker threads writes the same files as in a single thread', () => {
  const a = largeTree(200);
  const b = largeTree(200);
  runCli(['check', '--fix', '--jobs', '1'], a);
  runCli(['check', '--fix', '--jobs', '3'], b);
  const treeA = readTree(a);
  const treeB = readTree(b);
  assert.deepEqual([...treeB.keys()].sort(), [...treeA.keys()].sort());
  for (const [rel, bytes] of treeA) assert.ok(bytes.equals(treeB.get(rel)!), rel);
  assert.match(treeA.get('module1/file1.py')!.toString('utf8'), /jsonify\(error="not found"\), 200/, 'unsafe fixes stay unapplied');
});

/** Runs the CLI under a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function inTerminal(args: string[], cwd: string, env: Record<string, string>) {
  const command = [process.execPath, cliPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['CI', 'FORCE_COLOR', 'NO_COLOR'].includes(k)) clean[k] = v;
  return spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
}

test('at a terminal: a progress line and colours; with CI set or NO_COLOR, neither', (t) => {
  if (spawnSync('script', ['--version']).status !== 0) return t.skip('util-linux script is not installed');
  const dir = largeTree(400);
  const tty = inTerminal(['check', '--jobs', '1'], dir, {});
  assert.match(tty.stdout, /Checking files: \d+\/400 \(\d+%\)/);
  // eslint-disable-next-line no-control-regex
  assert.match(tty.stdout, /\u001b\[33mwarning\u001b\[39m/);
  const ci = inTerminal(['check', '--jobs', '1'], dir, { CI: 'true', NO_COLOR: '1' });
  assert.doesNotMatch(ci.stdout, /Checking files/);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(ci.stdout, /\u001b\[3\dm/);
  assert.match(ci.stdout, /400 files checked/);
});
