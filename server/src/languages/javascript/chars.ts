// Character classes and keywords of JavaScript/TypeScript, as the lexer needs them.

export const KEYWORDS = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'with', 'return', 'typeof', 'void', 'delete', 'await', 'yield', 'in', 'of',
  'instanceof', 'new', 'do', 'else', 'case', 'throw', 'function', 'async', 'super', 'import', 'class', 'extends', 'let',
  'const', 'var', 'export', 'default', 'try', 'finally', 'as', 'satisfies', 'keyof', 'is', 'declare', 'get', 'set', 'static',
]);
/** Keywords after which a value ends, so a `/` that follows divides. */
export const VALUE_KEYWORDS = new Set(['this', 'super', 'null', 'true', 'false', 'undefined']);

export const enum C {
  Tab = 9, Nl = 10, Cr = 13, Space = 32, Bang = 33, Dq = 34, Hash = 35, Dollar = 36, Sq = 39, LParen = 40, RParen = 41,
  Star = 42, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Lt = 60, Gt = 62, Question = 63, LBracket = 91,
  Backslash = 92, RBracket = 93, Underscore = 95, Backtick = 96, LBrace = 123, RBrace = 125,
}

/** Character classes of the ASCII range, one lookup instead of a chain of comparisons. */
const IDENT_START = 1;
const IDENT_PART = 2;
const SPACE = 4;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C.Dollar || c === C.Underscore || c === C.Hash;
  ASCII[c] = (start ? IDENT_START | IDENT_PART : 0) | (c >= C.Zero && c <= C.Nine ? IDENT_PART : 0) | (c === C.Space || c === C.Nl || c === C.Tab || c === C.Cr ? SPACE : 0);
}

export function isIdentStart(c: number): boolean {
  return c > 127 || (ASCII[c] & IDENT_START) !== 0;
}

export function isIdentPart(c: number): boolean {
  return c > 127 || (ASCII[c] & IDENT_PART) !== 0;
}

export function isSpace(c: number): boolean {
  return c < 128 ? (ASCII[c] & SPACE) !== 0 : c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** The keywords by length and first letter (all are lower-case, 2 to 10 letters). */
const KEYWORDS_BY_SHAPE: (string[] | undefined)[] = new Array<string[] | undefined>(11 * 26).fill(undefined);
for (const k of KEYWORDS) (KEYWORDS_BY_SHAPE[k.length * 26 + k.charCodeAt(0) - 97] ??= []).push(k);

/**
 * The keyword that text[start, end) is, or '' (what `KEYWORDS.has(text.slice(start, end))`
 * tells, without making the string). The caller makes sure the name starts with a-z.
 */
export function keywordAt(text: string, start: number, end: number): string {
  const list = KEYWORDS_BY_SHAPE[(end - start) * 26 + text.charCodeAt(start) - 97];
  if (list) for (const k of list) if (text.startsWith(k, start)) return k;
  return '';
}
