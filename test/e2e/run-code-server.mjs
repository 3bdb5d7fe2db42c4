#!/usr/bin/env node
// Runs the e2e suite (dist-test/e2e/suite/index.js) inside a real VS Code: code-server's
// extension host, driven by headless Chromium. This is what CI runs. It builds nothing: run
// `node scripts/build.mjs` (and scripts/install-vscode.sh once) first.
//
//   node test/e2e/run-code-server.mjs [options]
//     --vsix FILE         install FILE into a fresh extensions dir and test that installed copy
//                         (the dev host is then the empty test/e2e/vsix-host extension)
//     --grep PATTERN      run only the mocha tests matching PATTERN
//     --screenshot FILE   instead of the suite: open express.js with the extension installed,
//                         hover 409 in res.status(409), save the window as a PNG
//     --extension DIR     extension under development (default: the repo root)
//     --tests FILE        suite entry (default: dist-test/e2e/suite/index.js)
//     --timeout SECONDS   deadline for the whole suite (default 300)
//     --verbose           also print code-server's output and the workbench's own log
//
// Exit code: the suite's (0 when every test passed), 124 on timeout, 1 on any other failure.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import {
  ROOT, assertInstalled, hoverToken, installVsix, launchChromium, linkExtension, log, makeRunDirs,
  openFileInWorkbench, removeRunDirs, startCodeServer, workbenchUrl,
} from './code-server.mjs';

const WORKSPACE = join(ROOT, 'test/e2e/workspace');
const VSIX_HOST = join(ROOT, 'test/e2e/vsix-host');
const LOG_DIR = join(ROOT, '.vscode-test/logs');

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' },
    grep: { type: 'string' },
    screenshot: { type: 'string' },
    extension: { type: 'string' },
    tests: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    verbose: { type: 'boolean', default: false },
  },
});

const deadlineMs = Number(opts.timeout) * 1000;
const devPath = opts.vsix ? VSIX_HOST : resolve(opts.extension ?? ROOT);
const testsPath = resolve(opts.tests ?? join(ROOT, 'dist-test/e2e/suite/index.js'));

function preflight() {
  assertInstalled();
  if (!opts.screenshot && !existsSync(testsPath)) {
    throw new Error(`${relative(ROOT, testsPath)} missing: run \`node scripts/build.mjs\` first`);
  }
  if (!opts.vsix) {
    const pkgFile = join(devPath, 'package.json');
    if (!existsSync(pkgFile)) throw new Error(`${devPath} is not an extension (no package.json)`);
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const main = pkg.main && join(devPath, pkg.main);
    if (main && !existsSync(main) && !existsSync(`${main}.js`)) {
      throw new Error(`${main} missing: run \`node scripts/build.mjs\` first`);
    }
  }
}

// The suite prefixes what the extension host prints with this (see suite/index.ts): the
// workbench's own log arrives through the same codeAutomationLog channel.
const MARKER = '@@e2e@@';
const workbenchLog = [];

/** Prints the extension host's test output; keeps the workbench's log for --verbose or failure. */
function printLog(type, args) {
  const list = Array.isArray(args) ? args : [args];
  const first = typeof list[0] === 'string' ? list[0] : '';
  if (first.startsWith(MARKER)) {
    const stream = type === 'error' ? process.stderr : process.stdout;
    stream.write(`${first.slice(MARKER.length)}\n`);
    return;
  }
  const text = format(...list);
  workbenchLog.push(`[${type}] ${text}`);
  if (opts.verbose) process.stderr.write(`[workbench ${type}] ${text}\n`);
}

function saveWorkbenchLog() {
  mkdirSync(LOG_DIR, { recursive: true });
  const file = join(LOG_DIR, 'workbench-console.log');
  writeFileSync(file, `${workbenchLog.join('\n')}\n`);
  return file;
}

/** Keeps the workbench's log files (handed over at exit) where a failed CI run can show them. */
function saveLogs(logs) {
  if (!Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    const file = join(LOG_DIR, relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

async function openWorkbench(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let finish;
  const exited = new Promise((r) => { finish = r; });
  await page.exposeFunction('codeAutomationExit', (code, logs) => { saveLogs(logs); finish(Number(code)); });
  await page.exposeFunction('codeAutomationLog', (type, args) => printLog(type, args));
  page.on('crash', () => { console.error('[e2e] the workbench page crashed'); finish(1); });
  if (opts.verbose) page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(url);
  return { page, exited };
}

async function runSuite(browser, port) {
  const url = workbenchUrl(port, WORKSPACE, { extensionDevelopmentPath: devPath, extensionTestsPath: testsPath });
  log(`opening ${url}`);
  const started = Date.now();
  const { page, exited } = await openWorkbench(browser, url);
  let timer;
  const timedOut = new Promise((r) => { timer = setTimeout(() => r('timeout'), deadlineMs); });
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (code === 'timeout') {
    const shot = join(LOG_DIR, 'timeout.png');
    mkdirSync(LOG_DIR, { recursive: true });
    await page.screenshot({ path: shot }).catch(() => {});
    console.error(`[e2e] no result within ${opts.timeout}s; the workbench at that moment: ${shot}; its log: ${saveWorkbenchLog()}`);
    return 124;
  }
  log(`suite exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (code !== 0) log(`workbench log: ${saveWorkbenchLog()}; VS Code's log files: ${LOG_DIR}`);
  return code;
}

/**
 * The README picture: express.js open, the mouse on 409 in res.status(409), our hover shown.
 * The extension is installed (linked or from --vsix), so the window looks like a user's.
 */
async function takeScreenshot(browser, port, file) {
  const url = workbenchUrl(port, WORKSPACE);
  log(`opening ${url}`);
  const { page } = await openWorkbench(browser, url);
  await openFileInWorkbench(page, 'express.js', 'res.status(');
  const text = await hoverToken(page, 'res.status(', '409', 'Conflict');
  log(`hover shows: ${text.split('\n')[0]}`);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  // The hover fades in: finish that animation, or the picture shows it half transparent.
  await page.screenshot({ path: resolve(file), animations: 'disabled' });
  log(`saved ${resolve(file)}`);
  return 0;
}

async function main() {
  preflight();
  // For the picture, the hover opens below the line, where there is room to show all of it.
  const dirs = makeRunDirs('hsh-e2e-', opts.screenshot ? { 'editor.hover.above': false } : {});
  let server;
  let browser;
  let cleaning;
  const cleanup = () => (cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    removeRunDirs(dirs);
  })());
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => { cleanup().finally(() => process.exit(130)); });
  }
  let code = 1;
  try {
    if (opts.vsix) installVsix(dirs, opts.vsix);
    else if (opts.screenshot) linkExtension(dirs, devPath);
    const env = {
      E2E_LOG_MARKER: MARKER,
      // The suite checks it is testing the copy this run meant: the installed one or the dev one.
      E2E_EXPECT_EXTENSION_DIR: opts.vsix ? dirs.extensions : devPath,
      ...(opts.grep ? { E2E_GREP: opts.grep } : {}),
    };
    server = await startCodeServer(dirs, { env, verbose: opts.verbose });
    log(`code-server listening on 127.0.0.1:${server.port}`);
    browser = await launchChromium();
    code = opts.screenshot
      ? await takeScreenshot(browser, server.port, opts.screenshot)
      : await runSuite(browser, server.port);
  } catch (err) {
    console.error('[e2e]', err instanceof Error ? err.message : err);
    code = 1;
  } finally {
    await cleanup();
  }
  process.exit(code);
}

await main();
