// Starting the real server for the benchmark and reading its resident memory. The server is
// the benchmark's snapshot of dist/ (see paths.ts), started as `node server.js --stdio`.
import { readFileSync } from 'node:fs';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { BenchClient } from './client';
import { snapshot } from './paths';

const markdown: ClientCapabilities = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
    publishDiagnostics: { relatedInformation: true },
  },
};

/** VS Code's side of the handshake: Markdown hovers, inlay hints and pull diagnostics. */
export const pullCapabilities: ClientCapabilities = {
  textDocument: { ...markdown.textDocument, diagnostic: { dynamicRegistration: false }, inlayHint: {} },
};

/** A client without pull diagnostics (Neovim 0.7, Helix...): the server pushes. */
export const pushCapabilities: ClientCapabilities = markdown;

export function launch(nodeArgs: string[] = [], env: Record<string, string> = {}): BenchClient {
  return new BenchClient(snapshot.server, nodeArgs, env);
}

export async function startServer(capabilities: ClientCapabilities, nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<BenchClient> {
  const client = launch(nodeArgs, env);
  await client.initialize(capabilities);
  return client;
}

/** The server's resident set in MB (VmRSS), the figure an OS task manager shows. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** A request the server does not know: answered at once with MethodNotFound, so it is the JSON-RPC round trip alone. */
export async function roundTrip(client: BenchClient): Promise<void> {
  try {
    await client.request('bench/noSuchMethod', {});
  } catch {
    // MethodNotFound is the expected answer.
  }
}

/** Pulls diagnostics (as VS Code does after opening a file); returns how many. */
export async function pullDiagnostics(client: BenchClient, uri: string): Promise<number> {
  const r = await client.request<{ items?: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
  return r.items?.length ?? 0;
}
