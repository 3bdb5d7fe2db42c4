// Runs the BUILT command-line checker (dist/cli.js) as a user would: a child process in a copy
// of a fixture tree, with its exit code, stdout and stderr.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** The repository: tests run from dist-test/cli/. */
export const repoRoot = join(__dirname, '..', '..');
export const cliPath = process.env.HTTP_STATUS_HINTS_CLI ?? join(repoRoot, 'dist', 'cli.js');
export const fixtures = join(repoRoot, 'test', 'fixtures', 'cli');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const made: string[] = [];
// Temporary trees go when the test file's process ends, passed or failed.
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, outside any git repository, removed when the tests end. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hsh-cli-${label.replace(/\W/g, '-')}-`));
  made.push(dir);
  return dir;
}

/** Copies `test/fixtures/cli/<name>` to a fresh temporary folder. */
export function copyFixture(name: string): string {
  const dir = tempDir(name);
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** Runs `node dist/cli.js ...args` in `cwd`, with no colour or CI variables unless given. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['FORCE_COLOR', 'NO_COLOR', 'CI', 'NODE_OPTIONS', 'HTTP_STATUS_HINTS_DEBUG'].includes(k)) base[k] = v;
  }
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` (relative path -> bytes), for comparing trees. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** `path:line:col severity rule-id` of each problem line in a text report. */
export function problemKeys(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => /^(\S+:\d+:\d+ (?:error|warning|info|hint) \S+) \S/.exec(l)?.[1])
    .filter((k): k is string => !!k);
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/;
