// A caught value as one log entry: the message and the top of its stack. Its own module so the
// CLI can use it without runSafe's LSP imports.

export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 4).join('\n')}` : ''}`;
  return String(e);
}
