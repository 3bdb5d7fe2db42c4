// A crashed language server comes back: the test kills the server process the extension
// started, and the language client's default error handler starts a new one and sends it the
// documents that are still open, so hover answers again on a document opened before the crash.
// The server is found as the extension host's child process running our dist/server.js (Linux
// /proc); a server that never comes back fails the waits below.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, openFixture, positionIn, waitFor, waitForHover } from './util';

/** Child processes of this extension host that run `serverPath`, with their state letter. */
function serverProcesses(serverPath: string): { pid: number; state: string }[] {
  const out: { pid: number; state: string }[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its ')'.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid) continue;
      const argv = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (argv.some((a) => path.resolve(a) === serverPath)) out.push({ pid: Number(name), state });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

describe('server restart', function () {
  // Activation, the first hover, the restart and the second hover.
  this.timeout(120_000);

  it('restarts a killed server and re-sends the open documents', async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    const doc = await openFixture('express.js');
    const ext = await activeExtension();
    const serverPath = path.resolve(ext.extensionPath, 'dist', 'server.js');
    const at = positionIn(doc, 'res.status(409)', '409');
    await waitForHover(doc.uri, at, '409 Conflict');

    const running = await waitFor(() => {
      const live = serverProcesses(serverPath).filter((p) => p.state !== 'Z');
      return live.length === 1 ? live[0] : undefined;
    }, 20_000, `one running ${serverPath} under the extension host`);
    process.kill(running.pid, 'SIGKILL');
    await waitFor(() => !serverProcesses(serverPath).some((p) => p.pid === running.pid && p.state !== 'Z'), 10_000, 'the killed server to end');

    const fresh = await waitFor(
      () => serverProcesses(serverPath).find((p) => p.pid !== running.pid && p.state !== 'Z'),
      30_000,
      'the language client to start a new server',
    );
    assert.notEqual(fresh.pid, running.pid);
    // The document was opened before the crash: only a server it was sent to again can explain it.
    const text = await waitForHover(doc.uri, at, '409 Conflict', 45_000);
    assert.match(text, /409 Conflict/);
    assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === doc.uri.toString()), 'the document stayed open throughout');
  });
});
