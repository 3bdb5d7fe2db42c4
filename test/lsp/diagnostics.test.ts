// Diagnostics from the real server over stdio: pushed to a client that cannot pull, pulled by
// one that can; settings from initializationOptions and didChangeConfiguration; quick fixes and
// fix-all over the wire; cleared when fixed and when the file closes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, markdownCapabilities } from '../helpers/lsp';

const source = `const app = require('express')();
app.get('/orders', (req, res) => res.json([]));
app.all('/orders', (req, res) => res.status(405).end());
app.get('/x', (req, res) => res.status(299).json({ done: true }));
`;
const uri = 'file:///lsp/src/orders.js';
const codesOf = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => d.code).sort();

/** Waits for a push for `uri` whose codes satisfy `ok`. */
function pushed(client: LspClient, ok: (codes: unknown[]) => boolean, what: string): Promise<PublishDiagnosticsParams> {
  return client.waitFor(() => {
    const p = client.diagnostics.get(uri);
    return p && ok(codesOf(p.diagnostics)) ? p : undefined;
  }, 10_000, what);
}

test('pushes diagnostics to a client without pull support, with docs links and fixes', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open(uri, 'javascript', source);
    const p = await pushed(client, (c) => c.length === 2, 'two diagnostics');
    assert.deepEqual(codesOf(p.diagnostics), ['method-not-allowed-without-allow', 'nonstandard-code']);
    const d = p.diagnostics.find((x) => x.code === 'nonstandard-code')!;
    assert.equal(d.source, 'http-status');
    assert.equal(d.codeDescription?.href, 'https://github.com/http-status-hints/http-status-hints/blob/main/docs/rules/nonstandard-code.md');
    assert.deepEqual(d.range, { start: { line: 3, character: 39 }, end: { line: 3, character: 42 } });

    // Quick fixes come back from the data the diagnostic carried.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const preferred = actions.find((a) => a.isPreferred && a.diagnostics?.[0]?.code === 'nonstandard-code');
    assert.equal(preferred?.title, 'Change to 200 OK');
    assert.deepEqual(preferred?.edit?.changes?.[uri], [{ range: d.range, newText: '200' }]);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(fixAll.map((a) => [a.kind, a.title]), [['source.fixAll.httpStatus', 'Fix all auto-fixable status problems']]);
    assert.equal(fixAll[0].edit?.changes?.[uri]?.[0].newText, ".set('Allow', 'GET')");

    // Typing the fix clears the finding; closing the file clears the rest.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: d.range, text: '200' }] });
    await pushed(client, (c) => c.length === 1, 'the fixed diagnostic to go');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await pushed(client, (c) => c.length === 0, 'diagnostics cleared on close');
  } finally {
    await client.stop();
  }
});

test('a rule turned off through didChangeConfiguration disappears', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    await client.open(uri, 'javascript', source);
    await pushed(client, (c) => c.length === 2, 'two diagnostics');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { httpStatusHints: { rules: { 'nonstandard-code': 'off' } } } });
    const p = await pushed(client, (c) => c.length === 1, 'nonstandard-code to disappear');
    assert.deepEqual(codesOf(p.diagnostics), ['method-not-allowed-without-allow']);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { httpStatusHints: { diagnostics: { enable: false } } } });
    await pushed(client, (c) => c.length === 0, 'every diagnostic to disappear');
  } finally {
    await client.stop();
  }
});

test('initializationOptions settings are respected, and a bad one is reported once', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { settings: { rules: { 'method-not-allowed-without-allow': 'off', 'nonstandard-code': 'error', 'no-such-rule': 'off' } } } });
    await client.open(uri, 'javascript', source);
    const p = await pushed(client, (c) => c.length === 1, 'one diagnostic');
    assert.equal(p.diagnostics[0].code, 'nonstandard-code');
    assert.equal(p.diagnostics[0].severity, 1);
    await client.waitFor(() => (client.logs.some((l) => l.includes('httpStatusHints.rules.no-such-rule')) ? true : undefined), 5000, 'the warning about the unknown rule');
  } finally {
    await client.stop();
  }
});

test('a client that pulls diagnostics gets them on request, not pushed', async () => {
  const client = new LspClient();
  try {
    const capabilities = { ...markdownCapabilities, textDocument: { ...markdownCapabilities.textDocument, diagnostic: { dynamicRegistration: false } } };
    const init = (await client.initialize({ capabilities })) as { capabilities: { diagnosticProvider?: unknown } };
    assert.ok(init.capabilities.diagnosticProvider, 'the server offers pull diagnostics');
    await client.open(uri, 'javascript', source);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(codesOf(report.items), ['method-not-allowed-without-allow', 'nonstandard-code']);
    assert.equal(client.diagnostics.get(uri), undefined, 'nothing was pushed');
  } finally {
    await client.stop();
  }
});
