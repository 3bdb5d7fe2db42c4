// A progress line on stderr while a large tree is checked. Only for a person at a terminal:
// never when stderr is piped or in CI logs, where redrawn lines become noise.

export interface Progress {
  tick(): void;
  done(): void;
}

const silent: Progress = { tick: () => {}, done: () => {} };

export function progressEnabled(flag: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  const ci = env.CI;
  return stream.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}

/** Redraws at most ten times a second, and only once the check has run long enough to notice. */
export function createProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || total === 0) return silent;
  const started = Date.now();
  let done = 0;
  let last = 0;
  let shown = false;
  return {
    tick() {
      done++;
      const now = Date.now();
      if (now - started < 300 || now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[2KChecking files: ${done}/${total} (${Math.floor((done / total) * 100)}%)`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
