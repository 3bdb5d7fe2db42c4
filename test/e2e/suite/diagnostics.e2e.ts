// Diagnostics in a real VS Code: the rule shows in the Problems data with its docs link, the
// code action provider returns its quick fix, and applying the fix makes the diagnostic go.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openFixture, waitFor } from './util';

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

function ours(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'http-status' && codeOf(d) === rule);
}

describe('diagnostics', function () {
  this.timeout(90_000);

  let doc: vscode.TextDocument;

  before(async function () {
    await activeExtension();
    doc = await openFixture('rules-orders.js');
  });

  after(async function () {
    // Leave the fixture as it is on disk for the next run.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports a body sent with 204, on the status, with a link to the rule page', async function () {
    const [d] = await waitFor(() => (ours(doc.uri, 'body-not-allowed').length ? ours(doc.uri, 'body-not-allowed') : undefined), 60_000, 'a body-not-allowed diagnostic');
    assert.equal(doc.getText(d.range), '204');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    const target = typeof d.code === 'object' && d.code !== null ? d.code.target.toString() : '';
    assert.match(target, /docs\/rules\/body-not-allowed\.md$/);
  });

  it('offers the fix and the disable action, and applying the fix removes the diagnostic', async function () {
    const [d] = ours(doc.uri, 'body-not-allowed');
    assert.ok(d, 'the diagnostic is still there');
    const actions = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      return list?.some((a) => a.title === 'Send no body') ? list : undefined;
    }, 30_000, 'the "Send no body" quick fix');
    assert.ok(actions.some((a) => a.title === 'Disable body-not-allowed for this line'));
    const fix = actions.find((a) => a.title === 'Send no body')!;
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    assert.match(doc.getText(), /res\.status\(204\)\.end\(\);/);
    await waitFor(() => ours(doc.uri, 'body-not-allowed').length === 0, 30_000, 'the diagnostic to disappear after the fix');
  });
});
