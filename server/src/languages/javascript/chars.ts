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

export function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C.Dollar || c === C.Underscore || c === C.Hash || c > 127;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= C.Zero && c <= C.Nine);
}

export function isSpace(c: number): boolean {
  return c === C.Space || c === C.Nl || c === C.Tab || c === C.Cr || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

