#!/usr/bin/env node
// Runs the same e2e suite (dist-test/e2e/suite/index.js) in VS Code desktop through
// @vscode/test-electron, for machines that can download VS Code (a developer's laptop, a CI
// with internet). Not used here or in this project's CI, whose network cannot reach VS Code's
// download servers: test/e2e/run-code-server.mjs runs the same suite in code-server instead.
// It builds nothing: run `node scripts/build.mjs` first. On a Linux box without a display,
// run it under `xvfb-run -a`.
//
//   node test/e2e/run-electron.mjs [--vsix FILE] [--grep PATTERN] [--vscode-version VERSION]
//     --vsix FILE        install FILE into a fresh extensions dir and test that installed copy
//     --grep PATTERN     run only the mocha tests matching PATTERN
//     --vscode-version   a VS Code version ('stable' by default, 'insiders', or '1.90.0')
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WORKSPACE = join(ROOT, 'test/e2e/workspace');
const VSIX_HOST = join(ROOT, 'test/e2e/vsix-host');
const TESTS = join(ROOT, 'dist-test/e2e/suite/index.js');

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' },
    grep: { type: 'string' },
    'vscode-version': { type: 'string', default: process.env.VSCODE_VERSION ?? 'stable' },
  },
});

async function main() {
  if (!existsSync(TESTS)) throw new Error(`${TESTS} missing: run \`node scripts/build.mjs\` first`);
  const base = mkdtempSync(join(tmpdir(), 'hsh-e2e-electron-'));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  // The same quiet, offline settings the code-server runner uses.
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
      'git.enabled': false,
    }),
  );
  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode(opts['vscode-version']);
    const dirArgs = [`--user-data-dir=${userData}`, `--extensions-dir=${extensions}`];
    if (opts.vsix) {
      const cli = resolveCliPathFromVSCodeExecutablePath(vscodeExecutablePath);
      const r = spawnSync(cli, [...dirArgs, '--install-extension', resolve(opts.vsix), '--force'], {
        encoding: 'utf8',
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      if (r.status !== 0) throw new Error(`installing ${opts.vsix} failed (exit ${r.status})`);
    }
    // With --vsix the development host is an empty extension, so the copy under test can only
    // be the installed one; the suite checks where it was loaded from either way.
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: opts.vsix ? VSIX_HOST : ROOT,
      extensionTestsPath: TESTS,
      extensionTestsEnv: {
        E2E_EXPECT_EXTENSION_DIR: opts.vsix ? extensions : ROOT,
        ...(opts.grep ? { E2E_GREP: opts.grep } : {}),
      },
      launchArgs: [
        WORKSPACE,
        ...dirArgs,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--disable-gpu',
      ],
    });
    return code;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // runTests rejects with TestRunFailedError when the suite fails; its output is already shown.
    console.error('[e2e-electron]', err instanceof Error ? err.message : err);
    process.exit(typeof err?.code === 'number' && err.code !== 0 ? err.code : 1);
  },
);
