// "This file imports NAME from MODULE", answered in one pass. The obvious regex
// (/\bHttpStatus\b[^;]*from\s+'@nestjs\/common'/) retries its `[^;]*` from every occurrence of the
// name: on a file that repeats the name without a semicolon that is quadratic (minutes on a
// 100,000-character line), and these checks run on every keystroke.
import { firstAbove, firstAtLeast } from './sorted';

/**
 * True when some match of `name` is followed by a match of `clause` with none of the `stops`
 * characters between the end of the name and the start of the clause: what
 * `/NAME[^STOPS]*CLAUSE/` tests, in time linear in the text (the patterns themselves must be
 * simple: a word, a quoted module).
 */
export function nameBeforeClause(text: string, name: RegExp, clause: RegExp, stops: string): boolean {
  const nameEnds: number[] = [];
  for (const m of text.matchAll(globalOf(name))) nameEnds.push(m.index + m[0].length);
  if (!nameEnds.length) return false;
  const stopAt: number[] = [];
  for (let i = 0; i < text.length; i++) if (stops.includes(text[i])) stopAt.push(i);
  // Every start of a clause counts, overlapping ones too (`http2'node:http2'` ends where `'http2'` starts).
  const re = globalOf(clause);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    re.lastIndex = m.index + 1;
    // The latest name ending at or before the clause has the shortest gap: if any name fits, it does.
    const q = lastAtMost(nameEnds, m.index);
    if (q === undefined) continue;
    const stop = smallestAtLeast(stopAt, q);
    if (stop === undefined || stop >= m.index) return true;
  }
  return false;
}

function globalOf(re: RegExp): RegExp {
  return re.global ? new RegExp(re.source, re.flags) : new RegExp(re.source, `${re.flags}g`);
}

/** The largest value <= x in a sorted array. */
function lastAtMost(sorted: number[], x: number): number | undefined {
  const i = firstAbove(sorted, x);
  return i > 0 ? sorted[i - 1] : undefined;
}

/** The smallest value >= x in a sorted array. */
function smallestAtLeast(sorted: number[], x: number): number | undefined {
  const i = firstAtLeast(sorted, x);
  return i < sorted.length ? sorted[i] : undefined;
}
