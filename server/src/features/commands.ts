// LSP-level commands (workspace/executeCommand), so editors other than VS Code get them too.

/** Command ids the server executes. */
export const serverCommands: string[] = [];

/** Runs a server command; returns its result (JSON), or undefined for an unknown command. */
export function executeCommand(_command: string, _args: unknown[]): unknown {
  return undefined;
}
