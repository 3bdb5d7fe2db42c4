// Glob patterns (`**`, `*`, `?`, `{a,b}`) matched by a small automaton, never by a backtracking
// RegExp: the patterns come from settings that an untrusted repository can set (its
// .vscode/settings.json, its .http-status-hints.json), and a compiled RegExp such as the one
// `**/**/**/**/x` or `*a*a*a*b` turns into backtracks polynomially (or worse) on a long path.
// Matching here costs at most the path length times the pattern length.

/** A compiled glob: a nondeterministic automaton over the path's characters. */
export interface Glob {
  test(path: string): boolean;
}

/** Longest pattern accepted: a glob in a settings file is a line, not a program. */
export const MAX_GLOB_LENGTH = 1000;

// A state either reads one character (`ch`: that character, `seg`: any but `/`, `any`: any)
// and moves on to `next`, or moves without reading to each of `eps`.
interface State {
  read?: { ch?: string; seg?: true; any?: true; next: number };
  eps: number[];
}

/** Compiles a glob; throws on unbalanced braces or an over-long pattern. */
export function compileGlob(glob: string): Glob {
  if (glob.length > MAX_GLOB_LENGTH) throw new Error(`longer than ${MAX_GLOB_LENGTH} characters`);
  const states: State[] = [];
  const add = (s: State): number => states.push(s) - 1;
  // Each add* function appends states that start at the current end and leave the last state
  // open (no `read`, no `eps` yet); the next piece links from it.
  let tail = add({ eps: [] });
  const start = tail;
  const read = (r: string): void => {
    const next = add({ eps: [] });
    states[tail].read = r === 'seg' ? { seg: true, next } : r === 'any' ? { any: true, next } : { ch: r, next };
    tail = next;
  };
  // `[^/]*` (loop = 'seg') or `.*` (loop = 'any'): a state that reads into itself or moves on.
  const loop = (kind: 'seg' | 'any'): void => {
    const next = add({ eps: [] });
    states[tail].read = kind === 'seg' ? { seg: true, next: tail } : { any: true, next: tail };
    states[tail].eps.push(next);
    tail = next;
  };
  // `(?:[^/]*/)*`: any number of whole directories, including none.
  const dirs = (): void => {
    const head = tail;
    const inner = add({ eps: [] });
    const next = add({ eps: [] });
    states[head].eps.push(inner, next);
    states[inner].read = { seg: true, next: inner };
    const slash = add({ eps: [] });
    states[inner].eps.push(slash);
    states[slash].read = { ch: '/', next: head };
    tail = next;
  };
  // Braces: a stack of open alternations, each with its fork state and the ends of its branches.
  const open: { fork: number; ends: number[] }[] = [];
  if (!glob.includes('/')) dirs(); // a pattern without a directory part names a file anywhere
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        dirs();
        i += 2;
      } else {
        loop('any');
        i += 1;
      }
    } else if (ch === '*') loop('seg');
    else if (ch === '?') read('seg');
    else if (ch === '{') {
      const fork = tail;
      const branch = add({ eps: [] });
      states[fork].eps.push(branch);
      open.push({ fork, ends: [] });
      tail = branch;
    } else if (ch === ',' && open.length) {
      const top = open[open.length - 1];
      top.ends.push(tail);
      const branch = add({ eps: [] });
      states[top.fork].eps.push(branch);
      tail = branch;
    } else if (ch === '}' && open.length) {
      const top = open.pop()!;
      top.ends.push(tail);
      const join = add({ eps: [] });
      for (const e of top.ends) states[e].eps.push(join);
      tail = join;
    } else read(ch);
  }
  if (open.length) throw new Error('unbalanced braces');
  const accept = tail;
  return { test: (path) => run(states, start, accept, path) };
}

function run(states: State[], start: number, accept: number, path: string): boolean {
  let current = new Uint8Array(states.length);
  let nextSet = new Uint8Array(states.length);
  const stack: number[] = [];
  const close = (set: Uint8Array, s: number): void => {
    if (set[s]) return;
    set[s] = 1;
    stack.push(s);
    while (stack.length) for (const e of states[stack.pop()!].eps) if (!set[e]) (set[e] = 1), stack.push(e);
  };
  close(current, start);
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    nextSet.fill(0);
    let any = false;
    for (let s = 0; s < states.length; s++) {
      const r = current[s] ? states[s].read : undefined;
      if (!r) continue;
      if (r.any || (r.seg && ch !== '/') || r.ch === ch) (close(nextSet, r.next), (any = true));
    }
    if (!any) return false;
    [current, nextSet] = [nextSet, current];
  }
  return current[accept] === 1;
}
