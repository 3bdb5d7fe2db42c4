// The server survives what an editor throws at it: huge and binary files, bad settings,
// cancelled requests, bursts of edits, and thousands of documents opened and closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';

const handler = (i: number) => `app.post('/r${i}', (req, res) => {\n  if (!req.body.ok) return res.status(400).json({ error: 'bad' });\n  res.status(201).json({ id: ${i} });\n});\n`;

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function hover(client: LspClient, uri: string, line: number, character: number) {
  return client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

test('a file over the size limit is skipped, said once, and the server keeps serving', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { settings: { maxFileSize: 100_000 } } });
    const big = "const app = require('express')();\n" + handler(0).repeat(2000);
    await client.open('file:///big.js', 'javascript', big);
    const note = await client.waitFor(() => client.notifications.find((n) => n.method === 'httpStatusHints/skipped'), 5000, 'the skipped notice');
    assert.match((note.params as { reason: string }).reason, /larger than/);
    assert.ok(client.logs.some((l) => /Not analysing file:\/\/\/big\.js/.test(l)), 'a log message says so');
    assert.equal(await hover(client, 'file:///big.js', 2, 39), null, 'no analysis of the huge file');
    // An edit does not repeat the notice.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///big.js', version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// x\n' }] });
    await client.open('file:///small.js', 'javascript', handler(1));
    const h = await hover(client, 'file:///small.js', 1, 39);
    assert.match(h!.contents.value, /400 Bad Request/);
    assert.equal(client.notifications.filter((n) => n.method === 'httpStatusHints/skipped').length, 1);
  } finally {
    await client.stop();
  }
});

test('binary and minified content is recognised and skipped', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open('file:///bin.js', 'javascript', 'res.status(409)\u0000\u0001\u0002');
    await client.open('file:///app.min.js', 'javascript', 'res.status(409);'.repeat(10));
    await client.waitFor(() => (client.notifications.filter((n) => n.method === 'httpStatusHints/skipped').length === 2 ? true : undefined), 5000, 'two skipped notices');
    assert.equal(await hover(client, 'file:///bin.js', 0, 12), null);
    assert.equal(await hover(client, 'file:///app.min.js', 0, 12), null);
  } finally {
    await client.stop();
  }
});

test('bad settings fall back to defaults with one warning naming the setting', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { settings: { hover: { format: 42 }, maxFileSize: 'big', enable: 'yes' } } });
    const warnings = client.notifications.filter((n) => /^window\/showMessage/.test(n.method)).map((n) => (n.params as { message: string }).message);
    assert.ok(warnings.some((w) => w.includes('httpStatusHints.hover.format')), JSON.stringify(warnings));
    assert.ok(warnings.some((w) => w.includes('httpStatusHints.maxFileSize')));
    assert.ok(warnings.some((w) => w.includes('httpStatusHints.enable')));
    await client.open('file:///s.js', 'javascript', handler(2));
    const h = await hover(client, 'file:///s.js', 1, 39);
    assert.match(h!.contents.value, /Use it when/, 'the default (full) hover');
    // The same bad value again does not warn twice.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { httpStatusHints: { hover: { format: 42 } } } });
    await hover(client, 'file:///s.js', 1, 39);
    const again = client.notifications.filter((n) => /^window\/showMessage/.test(n.method) && (n.params as { message: string }).message.includes('hover.format'));
    assert.equal(again.length, 1);
  } finally {
    await client.stop();
  }
});

test('cancelled hover requests stop; the server answers the next one', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open('file:///c.js', 'javascript', handler(3).repeat(200));
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => {
        const source = new CancellationTokenSource();
        const p = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///c.js' }, position: { line: 1, character: 39 } }, source.token);
        source.cancel();
        return p;
      }),
    );
    const cancelled = results.filter((r) => r.status === 'rejected' && /cancel/i.test(String((r.reason as Error).message)));
    assert.ok(cancelled.length > 0, 'at least one request was cancelled');
    const h = await hover(client, 'file:///c.js', 1, 39);
    assert.match(h!.contents.value, /400 Bad Request/);
  } finally {
    await client.stop();
  }
});

test('a burst of 1,000 edits ends with diagnostics for the last version only', async () => {
  const client = new LspClient();
  const published: number[] = [];
  client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.uri === 'file:///burst.js' && p.version !== undefined) published.push(p.version);
  });
  try {
    await client.initialize();
    await client.open('file:///burst.js', 'javascript', handler(4));
    await client.waitFor(() => (published.includes(1) ? true : undefined), 5000, 'diagnostics of version 1');
    for (let v = 2; v <= 1001; v++) {
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: 'file:///burst.js', version: v },
        contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: v % 2 ? ' ' : '\t' }],
      });
    }
    await client.waitFor(() => (published.includes(1001) ? true : undefined), 10_000, 'diagnostics of the last version');
    // Give a stale result time to show up, if one were coming.
    await new Promise((r) => setTimeout(r, 400));
    const stale = published.filter((v) => v > 1 && v < 1001);
    assert.deepEqual(stale, [], 'no diagnostics for an intermediate version');
    // Every edit was applied in order: the status moved right by the 1,000 inserted characters.
    assert.equal(await hover(client, 'file:///burst.js', 1, 39), null);
    const h = await hover(client, 'file:///burst.js', 1, 1039);
    assert.match(h!.contents.value, /400 Bad Request/);
  } finally {
    await client.stop();
  }
});

test('opening, editing and closing 1,000 documents leaves memory near its baseline', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const text = "const app = require('express')();\n" + handler(5).repeat(100);
    // Warm up: grammar, caches and the heap reach their working size.
    for (let i = 0; i < 50; i++) {
      await client.open(`file:///warm${i}.js`, 'javascript', text);
      await hover(client, `file:///warm${i}.js`, 2, 28);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: `file:///warm${i}.js` } });
    }
    const before = rssKb(client.proc.pid!);
    for (let i = 0; i < 1000; i++) {
      const uri = `file:///m${i}.js`;
      await client.open(uri, 'javascript', text);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '// edit\n' }] });
      await hover(client, uri, 3, 28);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await hover(client, 'file:///none.js', 0, 0);
    const after = rssKb(client.proc.pid!);
    const growthMb = (after - before) / 1024;
    // Leaking a tree per document (about 0.5 MB each here) would add hundreds of MB.
    assert.ok(growthMb < 60, `RSS grew by ${growthMb.toFixed(1)} MB (before ${(before / 1024).toFixed(0)} MB, after ${(after / 1024).toFixed(0)} MB)`);
  } finally {
    await client.stop();
  }
});
