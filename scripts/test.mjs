// `npm test`: everything CI checks, in order: build, type check, unit + LSP + CLI + Neovim tests
// (node's test runner), the integration suite inside a real VS Code (code-server + headless
// Chromium, installed by scripts/install-vscode.sh), and the packaged .vsix installed into
// VS Code. Prints one closing line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = (name) => args.length === 0 || args.includes(name);
let passed = 0;
let failed = 0;
const failures = [];

function run(title, cmd, cmdArgs, opts = {}) {
  console.log(`\n=== ${title}: ${cmd} ${cmdArgs.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...opts.env }, maxBuffer: 256 * 1024 * 1024 });
  if (opts.capture) process.stdout.write(r.stdout ?? '');
  console.log(`=== ${title}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r;
}

function step(title, cmd, cmdArgs, opts) {
  const r = run(title, cmd, cmdArgs, opts);
  if (r.status !== 0) {
    failed++;
    failures.push(title);
  } else {
    passed++;
  }
  return r;
}

function findTests(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

const build = run('build', process.execPath, ['scripts/build.mjs']);
if (build.status !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
if (only('typecheck')) step('type check', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit']);

if (only('node')) {
  const nvim = run('install Neovim (second LSP client)', 'bash', ['scripts/install-nvim.sh']);
  if (nvim.status !== 0) {
    failed++;
    failures.push('install Neovim');
  }
  // Unit, LSP, CLI and Neovim tests share node's runner; its TAP summary gives the counts.
  const files = findTests(join(root, 'dist-test')).filter((f) => !f.includes(`${join('dist-test', 'e2e')}`));
  const tapFile = join(root, 'dist-test', 'results.tap');
  rmSync(tapFile, { force: true });
  const r = run('unit, LSP, CLI and Neovim tests', process.execPath, [
    '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files,
  ]);
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (r.status !== 0 && fail === 0) {
    failed++;
    failures.push('node test run');
  } else if (fail) {
    failures.push(`${fail} node test(s)`);
  }
}

function e2e(title, extra) {
  const r = run(title, process.execPath, ['test/e2e/run-code-server.mjs', ...extra], { capture: true });
  const out = r.stdout ?? '';
  const pass = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
  const fail = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (r.status !== 0) {
    if (!fail) failed++;
    failures.push(title);
  } else if (pass === 0) {
    failed++;
    failures.push(`${title} (ran no test)`);
  }
}

if (only('e2e') || only('vsix')) {
  const install = run('install VS Code (code-server) and Chromium', 'bash', ['scripts/install-vscode.sh']);
  if (install.status !== 0) {
    failed++;
    failures.push('install VS Code');
  } else {
    if (only('e2e')) e2e('integration suite in a real VS Code', []);
    if (only('vsix')) {
      const pkg = run('package the .vsix', 'npm', ['run', 'package']);
      if (pkg.status !== 0) {
        failed++;
        failures.push('package');
      } else {
        e2e('the packaged .vsix in a real VS Code', ['--vsix', join(root, 'http-status-hints.vsix')]);
      }
    }
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
