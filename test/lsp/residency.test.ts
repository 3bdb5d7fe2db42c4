// The server keeps trees and models for the most recently used documents only (residency.ts);
// a document used longer ago keeps its text and is parsed and analysed again when a request
// needs it. These tests run the real server with a limit of 2 (HTTP_STATUS_HINTS_RESIDENT) and
// open more documents than that, then use the first one, whose tree has been freed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, markdownCapabilities } from '../helpers/lsp';

const RESIDENT = 2;
const OPENED = 5;

/** An Express file; `n` changes a comment and the route so no two documents are the same. */
function source(n: number): string {
  return `// document ${n}
const app = require('express')();
app.get('/orders${n}', (req, res) => res.json([]));
app.all('/orders${n}', (req, res) => res.status(405).end());
app.get('/x${n}', (req, res) => res.status(299).json({ done: true }));
app.post('/y${n}', (req, res) => {
  res.status();
});
`;
}
const uriOf = (n: number) => `file:///lsp/resident/doc${n}.js`;
/** Where `needle` starts on `line` of document `n`, plus `plus` characters. */
function at(n: number, line: number, needle: string, plus = 0) {
  const character = source(n).split('\n')[line].indexOf(needle);
  assert.ok(character >= 0, `${needle} on line ${line}`);
  return { line, character: character + plus };
}
/** The range of `needle` on `line` of document `n`. */
const rangeOf = (n: number, line: number, needle: string) => ({ start: at(n, line, needle), end: at(n, line, needle, needle.length) });
const codesOf = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();
const pullCaps = { ...markdownCapabilities, textDocument: { ...markdownCapabilities.textDocument, diagnostic: { dynamicRegistration: false } } };

type Report = { kind: 'full'; resultId?: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string };

async function start(): Promise<LspClient> {
  // Read by the server when it starts (spawn passes this process's environment).
  process.env.HTTP_STATUS_HINTS_RESIDENT = String(RESIDENT);
  const client = new LspClient();
  delete process.env.HTTP_STATUS_HINTS_RESIDENT;
  await client.initialize({ capabilities: pullCaps });
  return client;
}

function pull(client: LspClient, uri: string, previousResultId?: string): Promise<Report> {
  return client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
}

/** Opens documents 0..OPENED-1, pulling diagnostics for each as VS Code does. */
async function openAll(client: LspClient): Promise<Map<number, Report>> {
  const reports = new Map<number, Report>();
  for (let n = 0; n < OPENED; n++) {
    await client.open(uriOf(n), 'javascript', source(n));
    reports.set(n, await pull(client, uriOf(n)));
  }
  return reports;
}

/** The code of the completion item ranked first. */
function firstRanked(completion: CompletionList | CompletionItem[] | null): string | undefined {
  const items = !completion ? [] : Array.isArray(completion) ? completion : completion.items;
  assert.ok(items.length > 10, 'status codes offered');
  const best = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))[0];
  return best.label.slice(0, 3);
}

function hover(client: LspClient, uri: string, line: number, character: number) {
  return client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

test('hover, completion, diagnostics and quick fixes on a document whose tree was freed', async () => {
  const client = await start();
  try {
    const first = (await openAll(client)).get(0)!;
    assert.equal(first.kind, 'full');
    const uri = uriOf(0);

    // Hover over 405 on line 3.
    const h = await hover(client, uri, 3, at(0, 3, '405', 1).character);
    assert.match(h?.contents.value ?? '', /^\*\*405 Method Not Allowed\*\*/);

    // Completion in `res.status()` of the POST handler ranks 201 first.
    await client.open(uriOf(9), 'javascript', source(9)); // evict document 0 again
    await pull(client, uriOf(9));
    await client.open(uriOf(8), 'javascript', source(8));
    await pull(client, uriOf(8));
    const completion = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(0, 6, '()', 1) });
    assert.equal(firstRanked(completion), '201', 'a POST handler ranks 201 first');

    // Diagnostics pulled again without a previous result: computed again, the same findings.
    const again = await pull(client, uri);
    assert.equal(again.kind, 'full');
    assert.deepEqual(codesOf((again as { items: Diagnostic[] }).items), ['method-not-allowed-without-allow', 'nonstandard-code']);

    // A quick fix whose diagnostic carries no fixes (as an editor may send it back): the server
    // analyses the document again and runs the adapter's edits on the new tree.
    for (const n of [9, 8]) await hover(client, uriOf(n), 3, at(n, 3, '405', 1).character); // evict document 0 once more
    const d = (again as { items: Diagnostic[] }).items.find((x) => x.code === 'nonstandard-code')!;
    const bare = { ...d, data: undefined };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [bare] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, 'Change to 200 OK');
    assert.deepEqual(fix?.edit?.changes?.[uri], [{ range: rangeOf(0, 4, '299'), newText: '200' }]);
    const allow = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(allow[0]?.edit?.changes?.[uri]?.[0].newText, ".set('Allow', 'GET')", 'fix-all inserts Allow after res.status(405)');

    // Applied as the editor would (evicting document 0 first): the finding goes, the other stays.
    for (const n of [9, 8]) await hover(client, uriOf(n), 3, at(n, 3, '405', 1).character);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: fix!.edit!.changes![uri].map((e) => ({ range: e.range, text: e.newText })) });
    const fixed = (await pull(client, uri)) as { items: Diagnostic[] };
    assert.deepEqual(codesOf(fixed.items), ['method-not-allowed-without-allow']);
    const h200 = await hover(client, uri, 4, at(0, 4, '299', 1).character);
    assert.match(h200?.contents.value ?? '', /^\*\*200 OK\*\*/, 'the hover reads the fixed text');
    assert.equal(client.stderr.includes('Error'), false, client.stderr);
  } finally {
    await client.stop();
  }
});

test('requests on more documents than are resident, all at once, each get their own answers', async () => {
  const client = await start();
  try {
    await openAll(client);
    // Every request below needs its document's tree (the code actions run the adapter's edits);
    // sent together, the server handles them interleaved while evicting.
    const answers = await Promise.all(
      Array.from({ length: OPENED }, async (_, n) => {
        const uri = uriOf(n);
        const report = (await pull(client, uri)) as { items: Diagnostic[] };
        const d = report.items.find((x) => x.code === 'nonstandard-code')!;
        const [h, actions, completion] = await Promise.all([
          hover(client, uri, 4, at(n, 4, '299', 1).character),
          client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [{ ...d, data: undefined }] } }),
          // Completion reads the tree at the cursor (the adapter's slotAt).
          client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(n, 6, '()', 1) }),
        ]);
        return { h, edit: actions.find((a) => a.isPreferred)?.edit?.changes?.[uri], best: firstRanked(completion) };
      }),
    );
    for (const [n, a] of answers.entries()) {
      assert.match(a.h?.contents.value ?? '', /299/, `hover in document ${n}`);
      assert.deepEqual(a.edit, [{ range: rangeOf(n, 4, '299'), newText: '200' }], `fix in document ${n}`);
      assert.equal(a.best, '201', `completion in the POST handler of document ${n}`);
    }
  } finally {
    await client.stop();
  }
});

test('an incremental edit to a document whose tree was freed gives diagnostics for the new text', async () => {
  const client = await start();
  try {
    await openAll(client);
    const uri = uriOf(0);
    // 299 -> 298 (still nonstandard), and 405 -> 200 (the Allow finding goes).
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: at(0, 4, '299', 2), end: at(0, 4, '299', 3) }, text: '8' },
        { range: rangeOf(0, 3, '405'), text: '200' },
      ],
    });
    const report = await pull(client, uri);
    assert.equal(report.kind, 'full');
    const items = (report as { items: Diagnostic[] }).items;
    assert.deepEqual(codesOf(items), ['nonstandard-code']);
    assert.deepEqual(items[0].range, rangeOf(0, 4, '299'));
    assert.match(items[0].message, /298/);
    // Then a line inserted above, incrementally, on the tree parsed from the edited text.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// moved\n' }],
    });
    const moved = (await pull(client, uri)) as { items: Diagnostic[] };
    assert.deepEqual(moved.items.map((d) => d.range.start.line), [5]);
  } finally {
    await client.stop();
  }
});

test('a pull for a document that has not changed answers "unchanged" until it or the settings change', async () => {
  const client = await start();
  try {
    const reports = await openAll(client);
    const first = reports.get(0) as { kind: 'full'; resultId?: string; items: Diagnostic[] };
    assert.ok(first.resultId, 'a full report carries a resultId');
    // Document 0's tree is gone; its diagnostics are not computed again for an unchanged pull.
    const same = await pull(client, uriOf(0), first.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });
    // A stale resultId (another version's) gets the full report.
    const stale = await pull(client, uriOf(0), 'stale');
    assert.equal(stale.kind, 'full');
    assert.deepEqual(codesOf((stale as { items: Diagnostic[] }).items), codesOf(first.items));
    // Settings change: every document's report is stale.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { httpStatusHints: { rules: { 'nonstandard-code': 'off' } } } });
    const after = await pull(client, uriOf(0), first.resultId);
    assert.equal(after.kind, 'full');
    assert.deepEqual(codesOf((after as { items: Diagnostic[] }).items), ['method-not-allowed-without-allow']);
    // An edit: a new report, and the one before no longer answers "unchanged".
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(0), version: 2 },
      contentChanges: [{ range: rangeOf(0, 3, '405'), text: '200' }],
    });
    const edited = await pull(client, uriOf(0), (after as { resultId: string }).resultId);
    assert.equal(edited.kind, 'full');
    assert.deepEqual((edited as { items: Diagnostic[] }).items, []);
    // Closed and opened again with other text at the same version: not the report of before.
    const empty = (edited as { resultId: string }).resultId;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(0) } });
    await client.open(uriOf(0), 'javascript', source(0), 2);
    const reopened = await pull(client, uriOf(0), empty);
    assert.equal(reopened.kind, 'full', 'a new opening at the same version gets a full report');
    assert.deepEqual(codesOf((reopened as { items: Diagnostic[] }).items), ['method-not-allowed-without-allow']);
  } finally {
    await client.stop();
  }
});
