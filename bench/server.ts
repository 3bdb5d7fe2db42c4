// Starting the real server (`node dist/server.js --stdio`) for the benchmark, through the test
// suite's own LSP client, and reading its resident memory.
import { readFileSync } from 'node:fs';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { LspClient, markdownCapabilities } from '../test/helpers/lsp';

/** VS Code's side of the handshake: Markdown hovers and pull diagnostics. */
export const pullCapabilities: ClientCapabilities = {
  ...markdownCapabilities,
  textDocument: { ...markdownCapabilities.textDocument, diagnostic: { dynamicRegistration: false }, inlayHint: {} },
};

/** A client without pull diagnostics (Neovim 0.7, Helix...): the server pushes. */
export const pushCapabilities: ClientCapabilities = markdownCapabilities;

export async function startServer(capabilities: ClientCapabilities, nodeOptions?: string): Promise<LspClient> {
  const saved = process.env.NODE_OPTIONS;
  if (nodeOptions) process.env.NODE_OPTIONS = nodeOptions;
  const client = new LspClient();
  if (nodeOptions) {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  }
  await client.initialize({ capabilities });
  return client;
}

/** The server's resident set in MB (VmRSS), the figure an OS task manager shows. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** A request the server does not know: answered at once with MethodNotFound, so it is the JSON-RPC round trip alone. */
export async function roundTrip(client: LspClient): Promise<void> {
  try {
    await client.request('bench/noSuchMethod', {});
  } catch {
    // MethodNotFound is the expected answer.
  }
}

/** Pulls diagnostics (as VS Code does after opening a file); returns how many. */
export async function pullDiagnostics(client: LspClient, uri: string): Promise<number> {
  const r = await client.request<{ items?: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
  return r.items?.length ?? 0;
}
