// The VS Code side: starts the language server over IPC and shows what the server reports.
// All analysis lives in the server, so other editors get the same behaviour.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { documentSelector } from './selector';
import { lookUp, ReferenceProvider, SCHEME, type LookUpOptions } from './lookUp';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      configurationSection: 'httpStatusHints',
      // The project's shared settings file: the editor and the CLI read the same one.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.http-status-hints.json,package.json,Gemfile.lock}'),
    },
    outputChannelName: 'HTTP Status Hints',
  };
  client = new LanguageClient('httpStatusHints', 'HTTP Status Hints', serverOptions, clientOptions);

  const skippedItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 10);
  skippedItem.name = 'HTTP Status Hints';
  context.subscriptions.push(skippedItem);
  const skipped = new Map<string, string>();
  const updateSkipped = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const reason = uri ? skipped.get(uri) : undefined;
    if (reason) {
      skippedItem.text = '$(circle-slash) HTTP Status';
      skippedItem.tooltip = `HTTP Status Hints skipped this file: ${reason}`;
      skippedItem.show();
    } else {
      skippedItem.hide();
    }
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateSkipped));
  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((d) => {
      skipped.delete(d.uri.toString());
      updateSkipped();
    }),
  );

  const reference = new ReferenceProvider();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, reference));
  context.subscriptions.push(
    vscode.commands.registerCommand('httpStatusHints.lookUp', (code?: unknown, options?: LookUpOptions) =>
      client ? lookUp(client, reference, typeof code === 'number' ? code : undefined, options) : undefined,
    ),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification('httpStatusHints/skipped', (p: { uri: string; reason: string }) => {
      skipped.set(p.uri, p.reason);
      updateSkipped();
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
