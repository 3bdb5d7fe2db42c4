// Where a literal or comment that starts at some index of a JavaScript text ends: strings,
// template literals (their substitutions hold code, with literals of their own), regexes, line
// and block comments. Each function takes the text, the index and the end of the region lexed.
import { KEYWORDS, VALUE_KEYWORDS, isIdentPart, isSpace } from './chars';

/** Index after a string starting at i (an unterminated string ends at the line's end). */
export function stringEnd(text: string, i: number, end: number, quote: number): number {
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i + 1;
    else if (c === 10) return i;
  }
  return end;
}

/** Index after a template starting at i, skipping its substitutions' code. */
export function templateEnd(text: string, i: number, end: number): number {
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 96) return i + 1;
    else if (c === 36 && text.charCodeAt(i + 1) === 123) i = codeEnd(text, i + 2, end) - 1;
  }
  return end;
}

/** Index after the `}` that closes code starting at i (inside a template substitution). */
function codeEnd(text: string, i: number, end: number): number {
  let depth = 0;
  let value = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 39 || c === 34) (i = stringEnd(text, i, end, c)), (value = true);
    else if (c === 96) (i = templateEnd(text, i, end)), (value = true);
    else if (c === 47 && next === 47) i = lineEnd(text, i, end);
    else if (c === 47 && next === 42) i = blockEnd(text, i, end);
    else if (c === 47 && !value && regexEnd(text, i, end) > 0) (i = regexEnd(text, i, end)), (value = true);
    else if (c === 123) depth++, i++, (value = false);
    else if (c === 125) {
      if (depth-- === 0) return i + 1;
      i++;
      value = false;
    } else if (isIdentPart(c)) {
      const s = i;
      while (i < end && isIdentPart(text.charCodeAt(i))) i++;
      const word = text.slice(s, i);
      value = !KEYWORDS.has(word) || VALUE_KEYWORDS.has(word);
    } else {
      if (!isSpace(c)) value = c === 41 || c === 93;
      i++;
    }
  }
  return end;
}

/** Index of the line break that ends a line comment starting at i. */
export function lineEnd(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
    i++;
  }
  return i;
}

/** Index after a block comment starting at i. */
export function blockEnd(text: string, i: number, end: number): number {
  const close = text.indexOf('*/', i + 2);
  return close < 0 || close + 2 > end ? end : close + 2;
}

/** Index after a regex literal starting at i, or -1 when the slash cannot start one on this line. */
export function regexEnd(text: string, i: number, end: number): number {
  let inClass = false;
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return -1;
    if (c === 92) j++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      j++;
      while (j < end && isIdentPart(text.charCodeAt(j))) j++;
      return j;
    }
  }
  return -1;
}
