// Reads the call being typed at the cursor from the text alone, backwards, for C-family syntax
// (Java and C#). Completion runs on half-typed code (`ResponseEntity.status(` with no closing
// parenthesis), which a parse tree only represents as an error, so the slot is found from the
// characters; the scan is bounded and never looks at the rest of the file.
import type { Span } from '../model';

export interface TypedCall {
  /** The partial token under the cursor: digits, a constant (`HttpStatus.CON`), or the digits inside quotes. */
  token: Span;
  /** The cursor is right inside a string literal's opening quote (`responseCode = "4|`). */
  inString: boolean;
  /** The callee before `(`: `ResponseEntity.status`, `status().is`, `ResponseStatus`; or the assigned member. */
  callee: string;
  /** `new` precedes the callee; `@` precedes it (a Java annotation); `[` precedes it (a C# attribute). */
  isNew: boolean;
  isAnnotation: boolean;
  isAttribute: boolean;
  /** Index of the argument being typed. */
  index: number;
  /** `key = |` or `key: |` right before the token (annotation element, named argument, initializer). */
  key?: string;
  /** `target = |` outside any call (`Response.StatusCode = |`): the callee is the assigned member. */
  assignment: boolean;
  /** `{ StatusCode = |`: an object initializer rather than an argument list. */
  initializer: boolean;
}

const LIMIT = 2000;
const isWord = (c: string | undefined) => !!c && /[\w$]/.test(c);

function skipSpaceBack(text: string, i: number): number {
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

/** Reads a dotted callee backwards from `i` (inclusive): `a.b().c`, `new X<>`. Returns its start. */
function readCalleeBack(text: string, i: number): number {
  let j = i;
  if (text[j] === '>') {
    let depth = 0;
    for (; j >= 0 && i - j < 200; j--) {
      if (text[j] === '>') depth++;
      else if (text[j] === '<' && --depth === 0) break;
    }
    j = skipSpaceBack(text, j - 1);
  }
  for (let guard = 0; guard < 20; guard++) {
    while (isWord(text[j])) j--;
    if (text[j] === '.' ) {
      j--;
      if (text[j] === ')') {
        // status().is: step over one argument-less or simple call.
        let depth = 0;
        for (; j >= 0 && i - j < LIMIT; j--) {
          if (text[j] === ')') depth++;
          else if (text[j] === '(' && --depth === 0) break;
        }
        j--;
      }
      continue;
    }
    break;
  }
  return j + 1;
}

/** Where a string literal opened on the cursor's line is still open (its quote's offset), or `comment` after `//`. */
function lineState(text: string, offset: number): number | 'comment' | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let open: number | undefined;
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (open !== undefined) {
      if (c === '\\') i++;
      else if (c === '"') open = undefined;
    } else if (c === '"') {
      open = i;
    } else if (c === "'") {
      // A character literal: '"' or '\''.
      i += text[i + 1] === '\\' ? 3 : 2;
    } else if (c === '/' && text[i + 1] === '/') {
      return 'comment';
    }
  }
  return open;
}

/** The call (or assignment) the cursor types a value into, or undefined when it is not in one. */
export function scanTypedCall(text: string, offset: number): TypedCall | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const state = lineState(text, offset);
  if (state === 'comment') return undefined;
  let start = offset;
  while (start > 0 && /[\w.$]/.test(text[start - 1]) && offset - start < 100) start--;
  let end = offset;
  while (end < text.length && isWord(text[end])) end++;
  let inString = false;
  // Inside a string only right after its opening quote, typing digits: `responseCode = "4|`.
  if (state !== undefined) {
    if (state !== start - 1 || !/^\d*$/.test(text.slice(start, offset))) return undefined;
    inString = true;
  }
  const token = { start, end };
  let i = skipSpaceBack(text, inString ? start - 2 : start - 1);
  let key: string | undefined;
  if ((text[i] === '=' && !/[=!<>+\-*/&|^%]/.test(text[i - 1] ?? '')) || (text[i] === ':' && text[i - 1] !== ':' && text[i - 1] !== '?')) {
    const k = skipSpaceBack(text, i - 1);
    let ks = k;
    while (isWord(text[ks])) ks--;
    key = text.slice(ks + 1, k + 1);
    if (!key) return undefined;
    i = skipSpaceBack(text, ks);
    if (text[i] === '.' && !inString) {
      // A member assignment: Response.StatusCode = |
      const from = readCalleeBack(text, ks);
      return { token, inString, callee: text.slice(from, k + 1).replace(/\s+/g, ''), isNew: false, isAnnotation: false, isAttribute: false, index: 0, key, assignment: true, initializer: false };
    }
  }
  // Find the opening bracket of the list the token is in, counting top-level commas.
  let index = 0;
  let depth = 0;
  let open = -1;
  for (let j = i; j >= 0 && i - j < LIMIT; j--) {
    const c = text[j];
    if (c === '"') {
      const q = text.lastIndexOf('"', j - 1);
      if (q < 0 || text.slice(q, j).includes('\n')) return undefined;
      j = q;
    } else if (c === ')' || c === ']' || c === '}') {
      depth++;
    } else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) {
        open = j;
        break;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      index++;
    } else if (c === ';' && depth === 0) {
      return undefined;
    }
  }
  if (open < 0) return undefined;
  const initializer = text[open] === '{';
  if (text[open] === '[' || (initializer && !key)) return undefined;
  const calleeEnd = skipSpaceBack(text, open - 1);
  const calleeStart = readCalleeBack(text, calleeEnd);
  const callee = text.slice(calleeStart, calleeEnd + 1).replace(/\s+/g, '');
  const before = skipSpaceBack(text, calleeStart - 1);
  const isAnnotation = text[before] === '@';
  const isNew = /\bnew$/.test(text.slice(Math.max(0, before - 3), before + 1));
  const isAttribute = text[before] === '[' || (text[before] === ',' && /\[[^\]]*$/.test(text.slice(Math.max(0, before - 200), before)));
  return { token, inString, callee, isNew, isAnnotation, isAttribute, index, key, assignment: false, initializer };
}
