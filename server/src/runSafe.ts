// Every request handler runs through here: an exception or a cancellation returns the
// fallback and is logged; the server keeps serving (the pattern of VS Code's css server).
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { errorText } from './errorText';

export { errorText };

export type Logger = (message: string) => void;

export async function runSafe<T>(log: Logger, what: string, fallback: T, token: CancellationToken | undefined, fn: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await fn();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (e) {
    log(`${what} failed: ${errorText(e)}`);
    return fallback;
  }
}

/** Runs a step for one document and feature; a failure is logged with both names and yields the fallback. */
export function guard<T>(log: Logger, what: string, fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    log(`${what} failed: ${errorText(e)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
