// LSP-level commands (workspace/executeCommand): the status-code reference for every editor.
// VS Code's "HTTP Status: Look Up Code" quick pick is built on these; other editors call them
// directly (see the README).
import type { TextEdit } from 'vscode-languageserver';
import { allCodes, codeInfo, type StatusCodeInfo } from '../data';
import type { FeatureContext } from './context';
import { describeCode, title } from './describe';
import { writeCode } from './completion';

export const LIST_CODES = 'httpStatusHints.server.listCodes';
export const DESCRIBE = 'httpStatusHints.server.describe';
export const CODE_TEXT = 'httpStatusHints.server.codeText';

/** Command ids the server executes. */
export const serverCommands: string[] = [LIST_CODES, DESCRIBE, CODE_TEXT];

export interface CodeSummary {
  code: number;
  name: string;
  class: string;
  status: StatusCodeInfo['status'];
  summary: string;
  oldNames: string[];
  unofficialUsers?: string;
}

function summarize(info: StatusCodeInfo): CodeSummary {
  return { code: info.code, name: info.name, class: info.class, status: info.status, summary: info.summary, oldNames: info.oldNames, unofficialUsers: info.unofficialUsers };
}

/** Codes matching a query by number prefix, or by every word appearing in name, old names or summary. */
export function searchCodes(query: string): CodeSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return allCodes().map(summarize);
  const words = q.split(/\s+/);
  return allCodes()
    .filter((info) => {
      if (/^\d+$/.test(q)) return String(info.code).startsWith(q);
      const hay = `${info.code} ${info.name} ${info.oldNames.join(' ')} ${info.summary} ${info.unofficialUsers ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .map(summarize);
}

export interface CommandDeps {
  /**
   * Runs `fn` on the document's context, or returns `fallback` when it has none. The context is
   * valid only during `fn` (the server may free the document's tree once it awaits again).
   */
  withContext<T>(uri: string, fallback: T, fn: (ctx: FeatureContext) => T): Promise<T>;
}

/** Runs a server command; returns its result (JSON), or undefined for an unknown command. */
export async function executeCommand(command: string, args: unknown[], deps: CommandDeps): Promise<unknown> {
  switch (command) {
    case LIST_CODES:
      return searchCodes(typeof args[0] === 'string' ? args[0] : typeof args[0] === 'number' ? String(args[0]) : '');
    case DESCRIBE: {
      const code = Number(args[0]);
      const format = args[1] === 'compact' ? 'compact' : 'full';
      const info = codeInfo(code);
      if (!Number.isInteger(code)) return null;
      return { code, title: info ? title(info) : String(code), markdown: describeCode(code, { format }) };
    }
    case CODE_TEXT: {
      // How to write a code at a position in a document, in the file's own style.
      const [uri, offsetOrPosition, codeArg] = args as [string, number | { line: number; character: number }, number];
      const code = Number(codeArg);
      if (typeof uri !== 'string' || !codeInfo(code)) return null;
      return deps.withContext(uri, { text: String(code), additionalTextEdits: [] as TextEdit[] }, (ctx) => {
        const offset = typeof offsetOrPosition === 'number' ? offsetOrPosition : ctx.document.offsetAt(offsetOrPosition);
        const slot = ctx.slotAt(offset) ?? { span: { start: offset, end: offset }, accepts: 'any' as const, role: 'response' as const, form: '' };
        const written = writeCode(ctx, slot, code) ?? { text: String(code) };
        const edits: TextEdit[] = written.importEdit
          ? [{ range: { start: ctx.document.positionAt(written.importEdit.start), end: ctx.document.positionAt(written.importEdit.end) }, newText: written.importEdit.newText }]
          : [];
        return { text: written.text, additionalTextEdits: edits };
      });
    }
    default:
      return undefined;
  }
}
