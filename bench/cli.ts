// Section 7: our CLI (dist/cli.js check, every rule) over a generated 200-file JavaScript tree,
// against ESLint running one equivalent local rule (bench/eslint/) over the same files. Both
// report the same nonstandard codes, which the run checks, so the work compared is the same.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, runDir, snapshot } from './paths';
import { generateTree } from './generate';
import { median, now } from './stats';

export interface CliResult {
  files: number;
  lines: number;
  cliMs: number;
  cliOneThreadMs: number;
  eslintMs: number;
  eslintVersion: string;
  /** nonstandard-code findings: ours and ESLint's rule's (they should agree). */
  cliFindings: number;
  eslintFindings: number;
  cliProblems: number;
}

function writeTree(root: string, files: number): number {
  rmSync(root, { recursive: true, force: true });
  let lines = 0;
  for (const f of generateTree(files)) {
    const p = join(root, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
    lines += f.text.split('\n').length;
  }
  const plugin = pathToFileURL(join(repoRoot, 'bench', 'eslint', 'nonstandard-status.mjs')).href;
  // The flat config a team would have: their one rule on every JavaScript file.
  writeFileSync(
    join(root, 'eslint.config.mjs'),
    `import httpStatus from ${JSON.stringify(plugin)};\nexport default [{ files: ['**/*.js'], plugins: { 'http-status': httpStatus }, rules: { 'http-status/nonstandard-code': 'error' } }];\n`,
  );
  return lines;
}

function run(cwd: string, args: string[]): number {
  const t = now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = now() - t;
  // Both exit 1 when they find problems, which the generated tree has on purpose.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return ms;
}

export function measureCli(files: number, reps: number): CliResult {
  // The tree goes to a fresh temp folder: inside the repository, .gitignore would hide
  // bench/.work from the CLI. The reports go to this run's folder.
  const tmp = mkdtempSync(join(tmpdir(), 'http-status-hints-bench-'));
  const root = join(tmp, 'tree');
  const base = join(runDir, 'cli');
  mkdirSync(base, { recursive: true });
  try {
    return compare(root, base, writeTree(root, files), files, reps);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function compare(root: string, base: string, lines: number, files: number, reps: number): CliResult {
  const cli = snapshot.cli;
  const eslint = join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const cliOut = join(base, 'cli.json');
  const eslintOut = join(base, 'eslint.json');
  const cliArgs = [cli, 'check', '--format', 'json', '--output', cliOut, '--no-progress', '--no-color', '.'];
  const eslintArgs = [eslint, '--format', 'json', '--output-file', eslintOut, '.'];
  const cliTimes: number[] = [];
  const oneThread: number[] = [];
  const eslintTimes: number[] = [];
  // One untimed run each fills the OS file cache; then they alternate so load hits both alike.
  run(root, cliArgs);
  run(root, eslintArgs);
  for (let i = 0; i < reps; i++) {
    cliTimes.push(run(root, cliArgs));
    oneThread.push(run(root, [...cliArgs.slice(0, -1), '--jobs', '1', '.']));
    eslintTimes.push(run(root, eslintArgs));
  }
  const ours = JSON.parse(readFileSync(cliOut, 'utf8')) as { files: { problems: { ruleId: string }[] }[]; summary: { problems: number } };
  const theirs = JSON.parse(readFileSync(eslintOut, 'utf8')) as { messages: { ruleId: string | null }[] }[];
  const version = spawnSync(process.execPath, [eslint, '--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    files,
    lines,
    cliMs: median(cliTimes),
    cliOneThreadMs: median(oneThread),
    eslintMs: median(eslintTimes),
    eslintVersion: version,
    cliFindings: ours.files.flatMap((f) => f.problems).filter((p) => p.ruleId === 'nonstandard-code').length,
    eslintFindings: theirs.flatMap((f) => f.messages).filter((m) => m.ruleId === 'http-status/nonstandard-code').length,
    cliProblems: ours.summary.problems,
  };
}
