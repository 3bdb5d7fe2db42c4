// The real server over stdio, as any editor runs it: `node dist/server.js --stdio`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const express = `const express = require('express');
const app = express();
app.post('/orders', (req, res) => {
  res.status(409).json({ error: 'exists' });
});
app.listen(3000);
`;

test('initialize answers with hover and incremental sync', async () => {
  const client = new LspClient();
  try {
    const result = (await client.initialize()) as { capabilities: { hoverProvider: boolean; textDocumentSync: { change: number } } };
    assert.equal(result.capabilities.hoverProvider, true);
    assert.equal(result.capabilities.textDocumentSync.change, 2);
  } finally {
    await client.stop();
  }
});

test('hover over res.status(409) over stdio; none over listen(3000)', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/express.js';
    await client.open(uri, 'javascript', express);
    const hover = await client.request<{ contents: { kind: string; value: string }; range: unknown } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 14 },
    });
    assert.ok(hover, 'a hover over 409');
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*409 Conflict\*\*/);
    assert.deepEqual(hover.range, { start: { line: 3, character: 13 }, end: { line: 3, character: 16 } });
    const none = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 12 } });
    assert.equal(none, null);
  } finally {
    await client.stop();
  }
});

test('incremental edits: the hover follows the text', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const uri = 'file:///lsp/edit.js';
    await client.open(uri, 'javascript', express);
    // Replace 409 with 422 on line 3, then insert a line above it.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 3, character: 13 }, end: { line: 3, character: 16 } }, text: '422' },
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '  // moved down 😀\n' },
      ],
    });
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 14 },
    });
    assert.ok(hover);
    assert.match(hover.contents.value, /^\*\*422 Unprocessable Content\*\*/);
  } finally {
    await client.stop();
  }
});

test('plain-text hover when the client does not declare Markdown', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ capabilities: {} });
    const uri = 'file:///lsp/plain.js';
    await client.open(uri, 'javascript', express);
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 14 } });
    assert.equal(hover.contents.kind, 'plaintext');
    assert.match(hover.contents.value, /^409 Conflict/);
  } finally {
    await client.stop();
  }
});

test('language ids other editors send (aliases, unknown ids) fall back to the file extension', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open('file:///lsp/alias.js', 'js', express);
    await client.open('file:///lsp/other.ts', 'some-editor-typescript', express);
    await client.open('file:///lsp/notes.txt', 'plaintext', express);
    const at = (uri: string) => client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 14 } });
    assert.match((await at('file:///lsp/alias.js'))!.contents.value, /409 Conflict/);
    assert.match((await at('file:///lsp/other.ts'))!.contents.value, /409 Conflict/);
    assert.equal(await at('file:///lsp/notes.txt'), null, 'a text file is not code');
  } finally {
    await client.stop();
  }
});
