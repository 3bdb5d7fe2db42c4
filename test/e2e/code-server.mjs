// Starts a real VS Code here without downloading it: code-server (VS Code's server and web
// workbench, from npm, installed by scripts/install-vscode.sh) plus Debian's headless Chromium
// driven by playwright-core. Shared by test/e2e/run-code-server.mjs and scripts/demo.mjs.
// Facts behind every choice: shared/notes/real-vscode-offline.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? join(ROOT, '.vscode-test/code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the networking flags Chromium keeps dialling Google's hosts, which this network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

// Quiet, offline, deterministic: no welcome page, no marketplace or update checks, no trust prompt.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'typescript.surveys.enabled': false,
  'chat.commandCenter.enabled': false,
};

export function log(...args) {
  console.log('[e2e]', ...args);
}

/** Fails with the fix when scripts/install-vscode.sh has not run. */
export function assertInstalled() {
  const missing = [CODE_SERVER_ENTRY, CHROMIUM].filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}: run scripts/install-vscode.sh first`);
  }
}

/** A fresh temp folder holding user data, extensions and code-server's own config for one run. */
export function makeRunDirs(prefix = 'hsh-e2e-', settings = {}) {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    base,
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
    xdg: join(base, 'xdg'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdg]) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  return dirs;
}

/** code-server's environment: ours, minus anything from a VS Code we may be running inside. */
function serverEnv(dirs, extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  }
  // code-server writes a default config.yaml and logs under XDG dirs: keep them in the run dir.
  return { ...env, XDG_CONFIG_HOME: dirs.xdg, XDG_DATA_HOME: dirs.xdg, ...extra };
}

function commonArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs a .vsix into the run's extensions dir; throws with code-server's output on failure. */
export function installVsix(dirs, vsix) {
  const file = resolve(vsix);
  if (!existsSync(file)) throw new Error(`no such .vsix: ${file}`);
  log(`installing ${file} into ${dirs.extensions}`);
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs(dirs), '--force', '--install-extension', file], {
    env: serverEnv(dirs),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${file} failed (exit ${r.status}):\n${out}`);
  }
  log(out.trim().split('\n').at(-1));
}

/**
 * Makes the extension in `extensionPath` an installed one by linking it into the run's
 * extensions dir: every window then has it (no "Extension Development Host"), and a rebuild
 * of its dist/ shows after a window reload. Returns the extension id.
 */
export function linkExtension(dirs, extensionPath) {
  const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  symlinkSync(resolve(extensionPath), join(dirs.extensions, `${id}-${pkg.version}`), 'dir');
  return id;
}

/**
 * Starts code-server on 127.0.0.1 and `port`, by default one the OS picks (no race over a
 * "free" port), in its own process group so stop() ends it and every helper it forked
 * (extension host, pty host, file watcher). Resolves once it listens.
 */
export async function startCodeServer(dirs, { env = {}, verbose = false, port: wantPort = 0, timeoutMs = 60_000 } = {}) {
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${wantPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...commonArgs(dirs),
  ];
  const proc = spawn(process.execPath, args, {
    env: serverEnv(dirs, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let exited = false;
  const exitedPromise = new Promise((res) => proc.once('exit', (code, signal) => { exited = true; res({ code, signal }); }));

  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (verbose) process.stderr.write(text.replace(/^/gm, '[code-server] '));
      const m = output.match(/HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) { clearTimeout(timer); resolvePort(Number(m[1])); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    exitedPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });

  const stop = async () => {
    if (exited) return;
    const signalGroup = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
    signalGroup('SIGTERM');
    const done = await Promise.race([exitedPromise.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    // Whatever is left in the group (a helper that ignores SIGTERM) goes now.
    signalGroup('SIGKILL');
    if (!done) await exitedPromise;
  };
  return { port, proc, stop, output: () => output };
}

/** The workbench URL that opens `folder`, with VS Code's dev/test payload when given. */
export function workbenchUrl(port, folder, payload = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
  const entries = Object.entries(payload)
    .filter(([, v]) => v)
    .map(([k, v]) => [k, remote(v)]);
  const params = new URLSearchParams({ folder: resolve(folder) });
  if (entries.length) params.set('payload', JSON.stringify(entries));
  return `http://127.0.0.1:${port}/?${params}`;
}

/** Debian's Chromium, headless, through playwright-core (which never downloads a browser itself). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Removes a run's temp folder; kept when E2E_KEEP_TMP is set, for looking at logs. */
export function removeRunDirs(dirs) {
  if (process.env.E2E_KEEP_TMP) log(`kept ${dirs.base}`);
  else rmSync(dirs.base, { recursive: true, force: true });
}

/** The 1-based number of the first line of `file` containing `needle`. */
export function lineOf(file, needle) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found in ${file}`);
  return i + 1;
}

/**
 * Opens `name` from the workspace folder through Quick Open, as a person would, and waits for
 * a line containing `expectLine`. With `line`, goes there (Ctrl+G), so that line is rendered:
 * the editor only puts the visible lines in the DOM.
 */
export async function openFileInWorkbench(page, name, expectLine, { line, timeoutMs = 90_000 } = {}) {
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: timeoutMs });
  // The explorer lists the folder once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: expectLine }).first().waitFor({ timeout: 20_000 });
  if (line) {
    await page.keyboard.press('Control+G');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

/**
 * Moves the mouse onto the token `token` on the first editor line that also contains `context`
 * (e.g. 'res.status(' and '409') until a hover containing `expect` shows; the extension may
 * still be starting, so this retries until the deadline. Returns the hover's text. Lines are
 * matched loosely because inlay hints add their own text to the line's DOM.
 */
export async function hoverToken(page, context, token, expect, timeoutMs = 90_000) {
  const exact = new RegExp(`^${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const span = page
    .locator('.monaco-editor .view-line')
    .filter({ hasText: context })
    .filter({ has: page.locator('span > span', { hasText: exact }) })
    .first()
    .locator('span > span', { hasText: exact })
    .first();
  const hover = page.locator('.monaco-hover:visible', { hasText: expect }).first();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const box = await span.boundingBox({ timeout: 10_000 }).catch(() => null);
    if (box) {
      // Leave and re-enter the token: a hover that showed nothing does not ask again in place.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 4);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 5000 });
        return (await hover.innerText()).trim();
      } catch {
        // not yet
      }
    }
    if (Date.now() > end) throw new Error(`no hover containing "${expect}" on ${token} (line with "${context}") within ${timeoutMs} ms`);
  }
}
