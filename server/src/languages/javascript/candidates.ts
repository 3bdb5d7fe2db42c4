// Where in one statement a status, a route or a response can be, found in its text (strings,
// templates, regexes and comments blanked by the lexer). Each candidate is only a place to ask
// the syntax tree about; the searches are wide enough to find every place the tree-based
// analysis accepts (contexts.ts), and narrow enough to leave most numbers of a file alone.

export type CandidateKind = 'number' | 'constant' | 'http2' | 'route' | 'implicit' | 'koa' | 'nest' | 'export';

export interface Candidate {
  kind: CandidateKind;
  /** Absolute offsets of the text to find in the tree. */
  start: number;
  end: number;
}

/** Calls whose arguments can hold a status (contexts.ts): the names before their `(`. */
const STATUS_CALLEES = new Set([
  'status', 'sendStatus', 'writeHead', 'code', 'expect', 'redirect', 'throw', 'assert', 'HttpCode', 'createError', 'createHttpError',
  'httpErrors', 'error', 'setResponseStatus', 'sendRedirect', 'HttpException', 'HttpError', 'HTTPException', 'json', 'text', 'html', 'body', 'newResponse',
  'toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'notEqual', 'notStrictEqual', 'is',
]);

const PATTERNS: { kind: CandidateKind; re: RegExp }[] = [
  { kind: 'number', re: /(?<![\w$.])\d{1,4}(?![\w$.])/g },
  { kind: 'constant', re: /(?<![\w$])(?:StatusCodes|HttpStatus)\s*\??\.\s*[A-Za-z_$][\w$]*/g },
  { kind: 'http2', re: /(?<![\w$])HTTP_STATUS_[\w$]+/g },
  { kind: 'route', re: /\.\s*(?:get|post|put|patch|delete|del|head|options|all)\s*(?:<[^(){};]*>)?\s*\(/g },
  { kind: 'implicit', re: /(?<![\w$.])(?:res|response|c|ctx|context|NextResponse|Response)\s*\.\s*(?:json|send)\s*\(/g },
  { kind: 'koa', re: /(?<![\w$.])(?:ctx|context)\.body\s*=(?!=)/g },
  { kind: 'nest', re: /@\s*(?:Get|Post|Put|Patch|Delete|Head|Options|All)\b/g },
  { kind: 'export', re: /(?<![\w$.])(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?![\w$])/g },
];

/** A cheap first look: whether the statement can hold any candidate at all. */
const ANY = /\d|StatusCodes|HttpStatus|HTTP_STATUS_|\.\s*(?:get|post|put|patch|delete|del|head|options|all|json|send)\b|\.body|@|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS/;

/** A cheap test that rules a kind out for a statement (the literal text every match of its pattern holds). */
function mayHold(kind: CandidateKind, code: string): boolean {
  switch (kind) {
    case 'constant':
      return code.includes('StatusCodes') || code.includes('HttpStatus');
    case 'http2':
      return code.includes('HTTP_STATUS_');
    case 'implicit':
      return code.includes('json') || code.includes('send');
    case 'koa':
      return code.includes('.body');
    case 'nest':
      return code.includes('@');
    case 'export':
      return /GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS/.test(code);
    default:
      return true;
  }
}

/**
 * The candidates of one statement in source order. `code` is the statement's text with
 * non-code blanked (or its raw text), `raw` the document text, `base` the statement's offset.
 */
export function findCandidates(code: string, raw: string, base: number): Candidate[] {
  if (!ANY.test(code)) return [];
  const out: Candidate[] = [];
  for (const { kind, re } of PATTERNS) {
    if (!mayHold(kind, code)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(code); m; m = re.exec(code)) {
      const at = m.index;
      const end = at + m[0].length;
      switch (kind) {
        case 'number':
          if (numberInContext(code, raw, base, at, end)) out.push({ kind, start: base + at, end: base + end });
          break;
        case 'route': {
          // Only a route with a path string first, or a chain on a route() call, registers anything.
          let j = base + end;
          while (/\s/.test(raw[j] ?? '')) j++;
          if (raw[j] === "'" || raw[j] === '"' || /\)\s*$/.test(code.slice(Math.max(0, at - 40), at))) out.push({ kind, start: base + end - 1, end: base + end });
          break;
        }
        case 'implicit':
          out.push({ kind, start: base + end - 1, end: base + end });
          break;
        case 'koa':
          out.push({ kind, start: base + at, end: base + at + m[0].indexOf('.body') + 5 });
          break;
        case 'nest':
          out.push({ kind, start: base + at, end: base + at + 1 });
          break;
        default:
          out.push({ kind, start: base + at, end: base + end });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The index of the nearest non-space character before `i` (or after, with step 1). */
function skipSpace(code: string, i: number, step: -1 | 1): number {
  while (i >= 0 && i < code.length && /\s/.test(code[i])) i += step;
  return i;
}

/**
 * True when the number at [at, end) may sit where contexts.ts reads a status: an argument of a
 * status-taking call, the value of a `status` key, the right side of `x.status =`, or one side
 * of an equality with `x.status`. Doubtful shapes pass: the tree decides.
 */
function numberInContext(code: string, raw: string, base: number, at: number, end: number): boolean {
  const p = skipSpace(code, at - 1, -1);
  const n = skipSpace(code, end, 1);
  const before = code[p];
  if (code[n] === '=' || code[n] === '!') {
    if (/^[=!]==?\s*[\w$.?\s]*\.\s*status(?:Code)?(?![\w$])/.test(code.slice(n, n + 120))) return true;
  }
  switch (before) {
    case '(':
      return calleeBefore(code, p);
    case ',': {
      const open = openParen(code, p);
      return open === undefined || (open >= 0 && calleeBefore(code, open));
    }
    case ':':
      // The key, read past a comment before the colon (`statusCode /* why */ : 410`): unquoted in
      // the code (comments blanked), quoted in the raw text with its block comments left out.
      return /\bstatus(?:Code)?\s*$/.test(code.slice(Math.max(0, p - 40), p)) || /['"](?:status|statusCode|:status)['"]\s*$/.test(withoutBlockComments(raw.slice(Math.max(0, base + p - 80), base + p)));
    case '=':
      return /(?:\?\.|\.)\s*status(?:Code)?\s*(?:===|!==|==|!=|=)$/.test(code.slice(Math.max(0, p - 80), p + 1));
    case '/':
      return true; // a comment just before: let the tree tell
    default:
      return false;
  }
}

/** `text` with its `/* ... *\/` comments blanked (an unrolled pattern: linear, no backtracking). */
function withoutBlockComments(text: string): string {
  return text.includes('/*') ? text.replace(/\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//g, ' ') : text;
}

/** True when the name right before the `(` at `paren` is one of the status-taking calls. */
function calleeBefore(code: string, paren: number): boolean {
  let i = paren - 1;
  while (i >= 0 && /\s/.test(code[i])) i--;
  // Type arguments (`json<Body>(`) and an optional call (`status?.(`) may stand in between.
  if (code[i] === '>') {
    const open = code.lastIndexOf('<', i);
    if (open < 0 || i - open > 200 || /[(){};]/.test(code.slice(open, i))) return false;
    i = open - 1;
    while (i >= 0 && /\s/.test(code[i])) i--;
  }
  if (code[i] === '.' && code[i - 1] === '?') i -= 2;
  while (i >= 0 && /\s/.test(code[i])) i--;
  const end = i + 1;
  while (i >= 0 && /[\w$]/.test(code[i])) i--;
  return end > i + 1 && STATUS_CALLEES.has(code.slice(i + 1, end));
}

/**
 * The `(` that opens the argument list around `comma`; -1 when the comma separates array or
 * object items; undefined when the search gives up (the caller keeps the candidate).
 */
function openParen(code: string, comma: number): number | undefined {
  let depth = 0;
  for (let i = comma - 1; i >= 0 && i > comma - 4000; i--) {
    const c = code[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) return c === '(' ? i : -1;
      depth--;
    }
  }
  return undefined;
}
