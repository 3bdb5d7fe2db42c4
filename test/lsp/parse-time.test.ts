// Parse time is bounded: text that sends tree-sitter's error recovery into minutes (measured
// unbounded here: 33,000 triple quotes in JavaScript 100 s, 100,000 double quotes in Go 74-95 s,
// 100,000 backticks in Ruby 112 s) is given up after the parse time limit (PARSE_TIME_LIMIT_MS
// in server/src/documents.ts), reported as skipped like a huge file, and the server answers
// other documents. The deadlines below are safety bounds (seconds against minutes), not
// performance figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const HEALTHY = `const app = require('express')();\napp.get('/a', (req, res) => res.status(409).json({ error: 'taken' }));\n`;
const HEALTHY_409 = { line: 1, character: 40 };
/** Well under the minutes these inputs took unbounded; several times the limit. */
const PROMPTLY_MS = 30_000;

function skippedReason(client: LspClient, uri: string): string | undefined {
  const n = client.notifications.find((x) => x.method === 'httpStatusHints/skipped' && (x.params as { uri: string }).uri === uri);
  return (n?.params as { reason: string } | undefined)?.reason;
}

async function hoverText(client: LspClient, uri: string, position: { line: number; character: number }): Promise<string> {
  const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
  return h?.contents.value ?? '';
}

/** Opens `text`, then checks that `uri` is given up and skipped, and hover on a healthy document answers, promptly. */
async function survives(client: LspClient, uri: string, languageId: string, text: string): Promise<void> {
  const started = Date.now();
  await client.open(uri, languageId, text);
  assert.match(await hoverText(client, 'file:///w/healthy.js', HEALTHY_409), /409 Conflict/, 'hover on another document');
  const reason = await client.waitFor(() => skippedReason(client, uri), PROMPTLY_MS, `the skipped notice for ${uri}`);
  assert.match(reason, /parsing it took longer than \d+ s/, reason);
  assert.match(await hoverText(client, 'file:///w/healthy.js', HEALTHY_409), /409 Conflict/, 'hover on another document after');
  const elapsed = Date.now() - started;
  assert.ok(elapsed < PROMPTLY_MS, `given up and answering again after ${elapsed} ms`);
  assert.ok(client.logs.some((l) => l.startsWith(`Not analysing ${uri}: parsing it took longer`)), 'a log message says so');
  assert.equal(await hoverText(client, uri, { line: 0, character: 1 }), '', 'no analysis of the skipped document');
}

async function started(): Promise<LspClient> {
  const client = new LspClient();
  await client.initialize();
  await client.open('file:///w/healthy.js', 'javascript', HEALTHY);
  assert.match(await hoverText(client, 'file:///w/healthy.js', HEALTHY_409), /409 Conflict/);
  return client;
}

test('JavaScript: 33,000 triple quotes in an unsaved buffer are given up in bounded time', async () => {
  const client = await started();
  try {
    // An untitled buffer: no .js name, so the minified-file check does not catch the long line.
    await survives(client, 'untitled:Untitled-1', 'javascript', "'''".repeat(33_000));
  } finally {
    await client.stop();
  }
});

test('Go: 100,000 double quotes, and Ruby: 100,000 backticks, are given up in bounded time', async () => {
  const client = await started();
  try {
    await survives(client, 'file:///w/quotes.go', 'go', '"'.repeat(100_000));
    await survives(client, 'file:///w/backticks.rb', 'ruby', '`'.repeat(100_000));
    // The same grammar still parses other documents from the start (the parser was reset).
    await client.open('file:///w/ok.go', 'go', 'package main\n\nimport "net/http"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusConflict)\n}\n');
    assert.match(await hoverText(client, 'file:///w/ok.go', { line: 5, character: 25 }), /409 Conflict/);
  } finally {
    await client.stop();
  }
});

test('an edit that makes a document pathological is bounded too (incremental re-parse)', async () => {
  const client = await started();
  try {
    const uri = 'file:///w/typed.go';
    await client.open(uri, 'go', 'package main\n\nfunc main() {\n}\n');
    await client.waitFor(() => client.diagnostics.get(uri), 10_000, 'the first analysis');
    const t0 = Date.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      // A paste over the whole text: the old tree is edited, so this is an incremental re-parse.
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, text: '"'.repeat(100_000) }],
    });
    assert.match(await hoverText(client, 'file:///w/healthy.js', HEALTHY_409), /409 Conflict/);
    // The edited document is parsed when something asks for it (diagnostics after the debounce).
    const reason = await client.waitFor(() => skippedReason(client, uri), PROMPTLY_MS, 'the skipped notice');
    assert.match(reason, /parsing it took longer than/);
    assert.match(await hoverText(client, 'file:///w/healthy.js', HEALTHY_409), /409 Conflict/);
    assert.ok(Date.now() - t0 < PROMPTLY_MS, `answered after ${Date.now() - t0} ms`);
  } finally {
    await client.stop();
  }
});
