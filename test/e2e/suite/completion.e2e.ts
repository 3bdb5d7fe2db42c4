// Completion, inlay names and the look-up command in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, positionIn, waitFor, waitForHover } from './util';

describe('completion, inlay hints and look-up', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async function () {
    doc = await openFixture('completion.ts');
    // The server answers for this document once a hover works.
    await waitForHover(doc.uri, positionIn(doc, 'StatusCodes.OK', 'OK'), '200 OK');
  });

  it('res.status( offers 409 Conflict written with the file\'s StatusCodes vocabulary', async function () {
    const position = positionIn(doc, 'res.status();', ')');
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
      return l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '409 Conflict') ? l : undefined;
    }, 20_000, 'a 409 Conflict completion');
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '409 Conflict')!;
    const edit = item.textEdit ?? item.insertText;
    const text = edit instanceof vscode.TextEdit ? edit.newText : typeof edit === 'string' ? edit : (edit as vscode.SnippetString | undefined)?.value;
    assert.equal(text, 'StatusCodes.CONFLICT');
  });

  it('shows the name beside a numeric status as an inlay hint', async function () {
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range);
      return h.length ? h : undefined;
    }, 20_000, 'inlay hints');
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.some((l) => l.includes('Unprocessable Content')), `inlay labels: ${JSON.stringify(labels)}`);
    const at = positionIn(doc, '422).end()', ')');
    assert.ok(hints.some((h) => h.position.isEqual(at)), 'the hint sits right after 422');
  });

  it('"HTTP Status: Look Up Code" inserts a code in the file\'s style', async function () {
    const editor = await vscode.window.showTextDocument(doc);
    const position = positionIn(doc, 'res.status();', ')');
    editor.selection = new vscode.Selection(position, position);
    const result = await vscode.commands.executeCommand<{ code: number; shown: boolean; inserted?: string }>('httpStatusHints.lookUp', 429, { insert: true, noPreview: true });
    assert.equal(result?.code, 429);
    assert.equal(result?.inserted, 'StatusCodes.TOO_MANY_REQUESTS');
    assert.match(editor.document.getText(), /res\.status\(StatusCodes\.TOO_MANY_REQUESTS\);/);
    await vscode.commands.executeCommand('undo');
  });

  it('the command is in the command palette', async function () {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('httpStatusHints.lookUp'));
  });
});
