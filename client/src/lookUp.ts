// "HTTP Status: Look Up Code": a searchable quick pick over every code, grouped by class. The
// data and texts come from the server's commands, so other editors get the same reference.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

interface CodeSummary {
  code: number;
  name: string;
  class: string;
  status: string;
  summary: string;
  oldNames: string[];
  unofficialUsers?: string;
}

interface CodeItem extends vscode.QuickPickItem {
  code?: number;
}

const CLASS_TITLES: Record<string, string> = {
  '1xx': '1xx Informational',
  '2xx': '2xx Success',
  '3xx': '3xx Redirection',
  '4xx': '4xx Client error',
  '5xx': '5xx Server error',
};

export const SCHEME = 'http-status-reference';

export class ReferenceProvider implements vscode.TextDocumentContentProvider {
  readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }
}

function run<T>(client: LanguageClient, command: string, args: unknown[]): Promise<T> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
}

/** Builds the quick pick items: separators per class, flags for unofficial and deprecated codes. */
export function toItems(codes: CodeSummary[]): CodeItem[] {
  const items: CodeItem[] = [];
  let cls = '';
  for (const c of codes) {
    if (c.class !== cls) {
      cls = c.class;
      items.push({ label: CLASS_TITLES[cls] ?? cls, kind: vscode.QuickPickItemKind.Separator });
    }
    const flags = c.status === 'standard' ? '' : c.status === 'unofficial' ? `unofficial${c.unofficialUsers ? ` (${c.unofficialUsers})` : ''}` : c.status;
    const also = c.oldNames.length ? `also ${c.oldNames.join(', ')}` : '';
    items.push({ label: `${c.code} ${c.name}`, description: [flags, also].filter(Boolean).join(' · '), detail: c.summary, code: c.code });
  }
  return items;
}

export interface LookUpOptions {
  /** Insert the chosen code at the cursor without asking (used by tests and keyboard flows). */
  insert?: boolean;
  /** Do not open the reference preview. */
  noPreview?: boolean;
}

/**
 * Runs the look-up. With a `code` argument the quick pick is skipped. Returns what happened, so
 * the command is scriptable: { code, shown, inserted }.
 */
export async function lookUp(client: LanguageClient, provider: ReferenceProvider, codeArg?: number, options: LookUpOptions = {}): Promise<{ code: number; shown: boolean; inserted?: string } | undefined> {
  let code = typeof codeArg === 'number' ? codeArg : undefined;
  if (code === undefined) {
    const codes = await run<CodeSummary[]>(client, 'httpStatusHints.server.listCodes', []);
    const picked = await vscode.window.showQuickPick(toItems(codes), {
      title: 'HTTP Status: Look Up Code',
      placeHolder: 'Type a number, a name or a word from the summary (e.g. 409, conflict, rate limit)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    code = picked?.code;
  }
  if (code === undefined) return undefined;
  const described = await run<{ code: number; title: string; markdown: string } | null>(client, 'httpStatusHints.server.describe', [code, 'full']);
  if (!described) return undefined;
  let shown = false;
  if (!options.noPreview) {
    const path = `/${described.title}.md`;
    provider.texts.set(path, `# ${described.title}\n\n${described.markdown.replace(/^\*\*[^*]+\*\*[^\n]*\n/, '')}`);
    const uri = vscode.Uri.from({ scheme: SCHEME, path });
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      shown = true;
    } catch {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      shown = true;
    }
  }
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'file');
  if (!editor || editor.document.uri.scheme === SCHEME) return { code, shown };
  const written = await run<{ text: string; additionalTextEdits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] } | null>(
    client,
    'httpStatusHints.server.codeText',
    [editor.document.uri.toString(), { line: editor.selection.active.line, character: editor.selection.active.character }, code],
  );
  if (!written) return { code, shown };
  let insert = options.insert;
  if (!insert) {
    const choice = await vscode.window.showInformationMessage(`${described.title}`, `Insert ${written.text}`);
    insert = choice !== undefined;
  }
  if (!insert) return { code, shown };
  const ok = await editor.edit((b) => {
    b.replace(editor.selection, written.text);
    for (const e of written.additionalTextEdits) {
      b.insert(new vscode.Position(e.range.start.line, e.range.start.character), e.newText);
    }
  });
  return { code, shown, inserted: ok ? written.text : undefined };
}
