// A small JavaScript/TypeScript tokenizer over one top-level statement's text. It finds what the
// syntax tree would cost most to read: every comment, the code outside strings, templates,
// regexes and comments (so text searches for statuses never match inside them), and the names
// that are called. The tree stays the judge of every status: the lexer only narrows where to
// look. JSX text is not JavaScript (an apostrophe in it opens no string), so a statement that
// looks like JSX is flagged and its comments are read from the tree instead.
import type { Span } from '../../model';
import { C, VALUE_KEYWORDS, isIdentPart, isIdentStart, isSpace, keywordAt } from './chars';
import { blockEnd, lineEnd, regexEnd, stringEnd, templateEnd } from './literals';

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

const JSX_MARK = /<\/|\/>/;

/** Tokenizes text[start, end). */
export function lex(text: string, start: number, end: number): Lexed {
  // A closing tag or a self-closing one: within this statement only (a search that ran on to the
  // end of the file for every statement made the lexing of a file quadratic).
  const out: Lexed = { code: '', comments: [], calls: [], jsx: JSX_MARK.test(text.slice(start, end)) };
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

  let i = start;
  if (start === 0 && text.startsWith('#!')) {
    i = lineEnd(text, 0, end);
    blank(0, i);
  }
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === C.Slash && text.charCodeAt(i + 1) === C.Slash) {
      const e = lineEnd(text, i, end);
      out.comments.push({ start: i, end: e });
      blank(i, e);
      i = e;
      continue;
    }
    if (c === C.Slash && text.charCodeAt(i + 1) === C.Star) {
      const e = blockEnd(text, i, end);
      out.comments.push({ start: i, end: e });
      blank(i, e);
      i = e;
      continue;
    }
    if (c === C.Sq || c === C.Dq || c === C.Backtick || (c === C.Slash && !valueEnded && regexEnd(text, i, end) > 0)) {
      const e = c === C.Backtick ? templateEnd(text, i, end) : c === C.Slash ? regexEnd(text, i, end) : stringEnd(text, i, end, c);
      blank(i, e);
      i = e;
      valueEnded = true;
      newChain = false;
      continue;
    }
    if (c >= C.Zero && c <= C.Nine) {
      // A number (with its fraction: `1.5` is no member access).
      for (i++; i < end; i++) {
        const d = text.charCodeAt(i);
        if (!isIdentPart(d) && d !== C.Dot) break;
      }
      afterDot = false;
      valueEnded = true;
      newChain = false;
      continue;
    }
    if (isIdentStart(c)) {
      const s = i;
      for (i++; i < end && isIdentPart(text.charCodeAt(i)); ) i++;
      const property = afterDot;
      afterDot = false;
      // Keywords are short and lower-case: most names need no string made to tell.
      const word = !property && c >= 97 && c <= 122 && i - s <= 10 ? keywordAt(text, s, i) : '';
      const keyword = word !== '';
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
        if ((next === C.LParen || next === C.Backtick) && !newChain && !afterFunction) out.calls.push({ name: text.slice(s, i), at: s });
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
      parens.push(last && (nameEnd === i || (nameEnd < i && i - nameEnd < 200 && isCallParen(text, nameEnd, i))) ? out.calls.length - 1 : -1);
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
  parts.push(text.slice(copied, end));
  out.code = parts.length === 1 ? parts[0] : parts.join('');
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
