// A minimal LSP client for the benchmark: spawns a server bundle (the benchmark's own snapshot of
// dist/, so another build in the same working tree cannot pull it away mid-run) and speaks
// JSON-RPC to it over stdio, recording pushed diagnostics.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export class BenchClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  stderr = '';
  private waiters: (() => void)[] = [];

  constructor(serverPath: string, nodeArgs: string[] = [], env: Record<string, string> = {}) {
    this.proc = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
    this.proc.stderr.on('data', (d) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    // The server may ask for these; a plain client answers with nothing.
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities): Promise<void> {
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, languageId: string, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolves when the server has pushed diagnostics for `uri`. */
  async diagnosticsFor(uri: string, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.diagnostics.has(uri)) {
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within ${ms} ms; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    if (this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      const t = setTimeout(() => this.proc.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(t);
    }
  }
}
