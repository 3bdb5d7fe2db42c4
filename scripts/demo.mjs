#!/usr/bin/env node
// `npm run demo`: the extension in a real VS Code on the bundled examples, in your browser.
// Builds the extension, installs code-server once (scripts/install-vscode.sh), links the
// repo into a fresh extensions dir (so it is installed, as a user would have it, and a
// rebuild shows after "Developer: Reload Window"), starts code-server on 127.0.0.1 and prints
// the address to open. Runs until Ctrl-C.
//
//   npm run demo [-- --port 8080] [-- --folder DIR] [-- --check]
//     --port N     listen on 127.0.0.1:N (default: a free port)
//     --folder DIR open DIR instead of examples/
//     --check      open the address in headless Chromium, hover 409 in
//                  examples/express-api/src/routes/orders.js, save a screenshot, stop
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ROOT, hoverToken, launchChromium, lineOf, linkExtension, makeRunDirs, openFileInWorkbench, removeRunDirs,
  startCodeServer, workbenchUrl,
} from '../test/e2e/code-server.mjs';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    folder: { type: 'string', default: join(ROOT, 'examples') },
    check: { type: 'boolean', default: false },
  },
});

function say(msg) {
  console.log(`[demo] ${msg}`);
}

function mustRun(title, cmd, args) {
  say(title);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[demo] ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

/** Opens the address like a person would and looks for our hover; the proof the demo works. */
async function check(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const shot = join(ROOT, '.vscode-test/demo-check.png');
    try {
      await page.goto(url);
      const file = join(ROOT, 'examples/express-api/src/routes/orders.js');
      await openFileInWorkbench(page, 'orders.js', 'router.post(', { line: lineOf(file, 'res.status(409)') });
      const text = await hoverToken(page, 'res.status(', '409', 'Conflict');
      say(`check passed: hover on 409 shows "${text.split('\n')[0]}" (screenshot: ${shot})`);
    } finally {
      await page.screenshot({ path: shot, animations: 'disabled' });
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  mustRun('building the extension', process.execPath, ['scripts/build.mjs', '--no-tests']);
  mustRun('installing code-server and Chromium (fast when already done)', 'bash', ['scripts/install-vscode.sh']);

  const dirs = makeRunDirs('hsh-demo-');
  const id = linkExtension(dirs, ROOT);
  const server = await startCodeServer(dirs, { port: Number(opts.port) });
  let stopping;
  const stop = () => (stopping ??= server.stop().then(() => removeRunDirs(dirs)));
  process.once('SIGINT', () => { say('stopping'); stop().finally(() => process.exit(0)); });
  process.once('SIGTERM', () => { stop().finally(() => process.exit(0)); });

  const url = workbenchUrl(server.port, resolve(opts.folder));
  say(`${id} is installed (linked from ${ROOT})`);
  console.log(`\n  Open ${url}\n`);
  say('try: hover a status code, type res.status( in a handler, look at the squiggles. Ctrl-C stops.');

  if (opts.check) {
    let code = 0;
    try {
      await check(url);
    } catch (err) {
      console.error('[demo] check failed:', err instanceof Error ? err.message : err);
      code = 1;
    }
    await stop();
    process.exit(code);
  }
  // code-server keeps the event loop alive; if it dies, say so and stop.
  server.proc.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[demo] code-server exited (${code ?? signal})`);
    removeRunDirs(dirs);
    process.exit(1);
  });
}

await main();
