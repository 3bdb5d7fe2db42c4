// A small JavaScript/TypeScript tokenizer over one top-level statement's text. It finds what the
// syntax tree would cost most to read: every comment, the code outside strings, templates,
// regexes and comments (so text searches for statuses never match inside them), and the names
// that are called. The tree stays the judge of every status: the lexer only narrows where to
// look. JSX text is not JavaScript (an apostrophe in it opens no string), so a statement that
// looks like JSX is flagged and its comments are read from the tree instead.
import type { Span } from '../../model';

export interface Lexed {
  /** The statement's text with strings, templates, regexes and comments blanked; index 0 is the statement's start. */
  code: string;
  /** Absolute spans of the comments. */
  comments: Span[];
  /** Names written as the callee of a call (`save` in `db.save(x)`, `sql` in sql`...`), with their offsets. */
  calls: { name: string; at: number }[];
  /** The text may hold JSX, where this lexer is not to be trusted. */
  jsx: boolean;
}

const KEYWORDS = new Set([
  'if', 'for', 'while', 'switch', 'catch', 'with', 'return', 'typeof', 'void', 'delete', 'await', 'yield', 'in', 'of',
  'instanceof', 'new', 'do', 'else', 'case', 'throw', 'function', 'async', 'super', 'import', 'class', 'extends', 'let',
  'const', 'var', 'export', 'default', 'try', 'finally', 'as', 'satisfies', 'keyof', 'is', 'declare', 'get', 'set', 'static',
]);
/** Keywords after which a value ends, so a `/` that follows divides. */
const VALUE_KEYWORDS = new Set(['this', 'super', 'null', 'true', 'false', 'undefined']);

const enum C {
  Tab = 9, Nl = 10, Cr = 13, Space = 32, Bang = 33, Dq = 34, Hash = 35, Dollar = 36, Sq = 39, LParen = 40, RParen = 41,
  Star = 42, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Lt = 60, Gt = 62, Question = 63, LBracket = 91,
  Backslash = 92, RBracket = 93, Underscore = 95, Backtick = 96, LBrace = 123, RBrace = 125,
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C.Dollar || c === C.Underscore || c === C.Hash || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= C.Zero && c <= C.Nine);
}

function isSpace(c: number): boolean {
  return c === C.Space || c === C.Nl || c === C.Tab || c === C.Cr || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** Tokenizes text[start, end). */
export function lex(text: string, start: number, end: number): Lexed {
  const raw = text.slice(start, end);
  const out: Lexed = { code: raw, comments: [], calls: [], jsx: /<\/|\/>/.test(raw) };
  const parts: string[] = [];
  let copied = start;
  const blank = (from: number, to: number) => {
    parts.push(text.slice(copied, from), ' '.repeat(to - from));
    copied = to;
  };
  // Calls waiting for their closing parenthesis: a `{` or `:` after it makes them method heads.
  const parens: (number | -1)[] = [];
  let valueEnded = false;
  // After a `.`, a keyword is a property name (`ctx.throw`, `map.get`).
  let afterDot = false;
  let newChain = false;
  let afterFunction = false;

  /** Index after a string starting at i (unterminated strings end at the line's end). */
  const stringEnd = (i: number, quote: number): number => {
    for (i++; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === C.Backslash) i++;
      else if (c === quote) return i + 1;
      else if (c === C.Nl) return i;
    }
    return end;
  };
  /** Index after a template starting at i, skipping its substitutions' code. */
  const templateEnd = (i: number): number => {
    for (i++; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === C.Backslash) i++;
      else if (c === C.Backtick) return i + 1;
      else if (c === C.Dollar && text.charCodeAt(i + 1) === C.LBrace) i = codeEnd(i + 2) - 1;
    }
    return end;
  };
  /** Index after the `}` that closes code starting at i (inside a template substitution). */
  const codeEnd = (i: number): number => {
    let depth = 0;
    let value = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === C.Sq || c === C.Dq) (i = stringEnd(i, c)), (value = true);
      else if (c === C.Backtick) (i = templateEnd(i)), (value = true);
      else if (c === C.Slash && text.charCodeAt(i + 1) === C.Slash) i = lineEnd(i);
      else if (c === C.Slash && text.charCodeAt(i + 1) === C.Star) i = blockEnd(i);
      else if (c === C.Slash && !value && regexEnd(i) > 0) (i = regexEnd(i)), (value = true);
      else if (c === C.LBrace) depth++, i++, (value = false);
      else if (c === C.RBrace) {
        if (depth-- === 0) return i + 1;
        i++;
        value = false;
      } else if (isIdentPart(c)) {
        const s = i;
        while (i < end && isIdentPart(text.charCodeAt(i))) i++;
        value = !KEYWORDS.has(text.slice(s, i)) || VALUE_KEYWORDS.has(text.slice(s, i));
      } else {
        if (!isSpace(c)) value = c === C.RParen || c === C.RBracket;
        i++;
      }
    }
    return end;
  };
  const lineEnd = (i: number): number => {
    while (i < end && text.charCodeAt(i) !== C.Nl && text.charCodeAt(i) !== C.Cr && text.charCodeAt(i) !== 0x2028 && text.charCodeAt(i) !== 0x2029) i++;
    return i;
  };
  const blockEnd = (i: number): number => {
    const close = text.indexOf('*/', i + 2);
    return close < 0 || close + 2 > end ? end : close + 2;
  };
  /** Index after a regex literal starting at i, or -1 when the slash cannot start one on this line. */
  const regexEnd = (i: number): number => {
    let inClass = false;
    for (let j = i + 1; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === C.Nl || c === C.Cr) return -1;
      if (c === C.Backslash) j++;
      else if (c === C.LBracket) inClass = true;
      else if (c === C.RBracket) inClass = false;
      else if (c === C.Slash && !inClass) {
        j++;
        while (j < end && isIdentPart(text.charCodeAt(j))) j++;
        return j;
      }
    }
    return -1;
  };

  let i = start;
  if (start === 0 && text.startsWith('#!')) {
    i = lineEnd(0);
    blank(0, i);
  }
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === C.Slash && text.charCodeAt(i + 1) === C.Slash) {
      const e = lineEnd(i);
      out.comments.push({ start: i, end: e });
      blank(i, e);
      i = e;
      continue;
    }
    if (c === C.Slash && text.charCodeAt(i + 1) === C.Star) {
      const e = blockEnd(i);
      out.comments.push({ start: i, end: e });
      blank(i, e);
      i = e;
      continue;
    }
    if (c === C.Sq || c === C.Dq || c === C.Backtick || (c === C.Slash && !valueEnded && regexEnd(i) > 0)) {
      const e = c === C.Backtick ? templateEnd(i) : c === C.Slash ? regexEnd(i) : stringEnd(i, c);
      blank(i, e);
      i = e;
      valueEnded = true;
      newChain = false;
      continue;
    }
    if (isIdentStart(c) || (c >= C.Zero && c <= C.Nine)) {
      const s = i;
      while (i < end && (isIdentPart(text.charCodeAt(i)) || (c >= C.Zero && c <= C.Nine && text.charCodeAt(i) === C.Dot))) i++;
      const word = text.slice(s, i);
      const property = afterDot;
      afterDot = false;
      if (c >= C.Zero && c <= C.Nine) {
        valueEnded = true;
        newChain = false;
        continue;
      }
      const keyword = !property && KEYWORDS.has(word);
      valueEnded = !keyword || VALUE_KEYWORDS.has(word);
      if (word === 'new') newChain = true;
      else if (word === 'function') afterFunction = true;
      else if (!keyword) {
        // A callee: the name, then `(`, `?.(`, type arguments or a template (a tagged template).
        let j = i;
        while (j < end && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === C.Question && text.charCodeAt(j + 1) === C.Dot) j += 2;
        if (text.charCodeAt(j) === C.Lt) j = typeArgsEnd(text, j, end);
        while (j < end && isSpace(text.charCodeAt(j))) j++;
        const next = text.charCodeAt(j);
        if ((next === C.LParen || next === C.Backtick) && !newChain && !afterFunction) out.calls.push({ name: word, at: s });
        if (next === C.LParen || next === C.Backtick) {
          newChain = false;
          afterFunction = false;
        }
      }
      continue;
    }
    // Punctuation.
    if (c === C.LParen) {
      const last = out.calls[out.calls.length - 1];
      const nameEnd = last ? last.at + last.name.length : -1;
      parens.push(last && nameEnd <= i && i - nameEnd < 200 && isCallParen(text, nameEnd, i) ? out.calls.length - 1 : -1);
    } else if (c === C.RParen) {
      const call = parens.pop();
      if (call !== undefined && call >= 0) {
        let j = i + 1;
        while (j < end && isSpace(text.charCodeAt(j))) j++;
        const next = text.charCodeAt(j);
        // `name(...) {` or `name(...): T {` is a method or function head, not a call.
        if (next === C.LBrace || next === C.Colon) out.calls[call] = { name: '', at: -1 };
      }
    }
    if (c !== C.Dot) newChain = false;
    afterDot = c === C.Dot;
    if (c !== C.Star) afterFunction = false;
    valueEnded = c === C.RParen || c === C.RBracket;
    i++;
  }
  out.calls = out.calls.filter((k) => k.at >= 0);
  if (parts.length) {
    parts.push(text.slice(copied, end));
    out.code = parts.join('');
  }
  return out;
}

/** Index after `<...>` type arguments at i, or i when what follows is no type argument list. */
function typeArgsEnd(text: string, i: number, end: number): number {
  let depth = 0;
  for (let j = i; j < end && j < i + 200; j++) {
    const c = text.charCodeAt(j);
    if (c === C.Lt) depth++;
    else if (c === C.Gt) {
      if (--depth === 0) return j + 1;
    } else if (c === C.LParen || c === C.RParen || c === 59 /* ; */ || c === C.LBrace || c === C.RBrace) return i;
  }
  return i;
}

/** True when only whitespace, `?.` or type arguments lie between a name's end and the `(` at `paren`. */
function isCallParen(text: string, nameEnd: number, paren: number): boolean {
  const between = text.slice(nameEnd, paren);
  return /^\s*(\?\.)?\s*(<[^(){};]*>)?\s*$/.test(between);
}
