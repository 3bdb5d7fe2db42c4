// Where a status is being typed in JavaScript/TypeScript, and how to import a vocabulary.
// Half-typed code parses badly, so the call form is read from the text before the cursor on
// its line (bounded), and the tree only supplies the handler and branch around it.
import type { OffsetEdit, StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { branchOf, enclosingFunction } from './responses';
import { nameBeforeClause } from '../nameBeforeClause';
import { bindTree, parentOf, releaseTree } from './nodes';

/** Each pattern ends right before the partial token; the partial is matched separately. */
const FORMS: { re: RegExp; role: StatusSlot['role']; form: string; accepts?: StatusSlot['accepts'] }[] = [
  { re: /expect\([^()]*\.status(?:Code)?\)\s*\.(?:toBe|toEqual|toStrictEqual)\(\s*$/, role: 'assertion', form: 'expect().toBe()' },
  { re: /(?:\)|^\s*)\.expect\(\s*$/, role: 'assertion', form: '.expect()', accepts: 'number' },
  { re: /\bassert\.(?:strictEqual|equal|deepStrictEqual)\([^()]*\.status(?:Code)?\s*,\s*$/, role: 'assertion', form: 'assert.equal()' },
  { re: /\.status(?:Code)?\s*(?:===|!==|==|!=)\s*$/, role: 'comparison', form: 'status ===' },
  { re: /\.(?:status|sendStatus|writeHead)\(\s*$/, role: 'response', form: 'res.status()' },
  { re: /\b(?:reply|rep|res|response)\.code\(\s*$/, role: 'response', form: 'reply.code()' },
  { re: /\.(?:status|statusCode)\s*=\s*$/, role: 'response', form: 'ctx.status =' },
  { re: /\b(?:c|ctx|context)\.(?:json|text|html|body|newResponse)\([^]*,\s*$/, role: 'response', form: 'c.json()' },
  { re: /(?:Response|NextResponse)\b[^]*\{[^{}]*\b(?:status|statusCode)\s*:\s*$/, role: 'response', form: 'new Response()' },
  { re: /\{[^{}]*\bstatusCode\s*:\s*$/, role: 'response', form: '{ statusCode }' },
  { re: /@HttpCode\(\s*$/, role: 'response', form: '@HttpCode()' },
  { re: /new\s+(?:HttpException|HttpError)\([^]*,\s*$/, role: 'response', form: 'new HttpException()' },
  { re: /new\s+HTTPException\(\s*$/, role: 'response', form: 'new HTTPException()' },
  { re: /\.redirect\(\s*$/, role: 'response', form: 'res.redirect()', accepts: 'number' },
  { re: /\b(?:createError|createHttpError|httpErrors)\(\s*$/, role: 'response', form: 'createError()' },
  { re: /\b(?:ctx|context)\.throw\(\s*$/, role: 'response', form: 'ctx.throw()' },
];

const PARTIAL = /(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.?|\d{0,3})$/;
const MAX_PREFIX = 400;
/**
 * A quoted string on one line. A backslash is only ever an escape: in `(?:\\.|(?!\1).)*` it could
 * also be a plain character, and 50 backslashes before a missing quote backtracked for hours.
 */
const QUOTED = /(['"`])(?:\\.|(?!\1)[^\\\n\r\u2028\u2029])*\1/g;

export function javascriptSlotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const { text } = input;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  // Only this line (bounded): enough for every call form, and nothing proportional to the file.
  const line = text.slice(Math.max(lineStart, offset - MAX_PREFIX), offset);
  const partial = PARTIAL.exec(line)?.[0] ?? '';
  const before = line.slice(0, line.length - partial.length);
  if (/\/\/|\/\*/.test(before.replace(QUOTED, '')) && !/\*\//.test(before)) return undefined;
  if (insideString(before)) return undefined;
  const form = FORMS.find((f) => f.re.test(before));
  if (!form) return undefined;
  const slot: StatusSlot = { span: { start: offset - partial.length, end: offset }, accepts: form.accepts ?? 'any', role: form.role, form: form.form };
  const tree = input.tree;
  const node = tree?.rootNode.descendantForIndex(Math.max(0, offset - 1));
  if (tree && node) {
    // Reads cached while climbing (nodes.ts): the path from the root is searched once, not at every level.
    bindTree(tree, text, tree.rootNode);
    try {
      const fn = enclosingFunction(node);
      slot.branch = branchOf(node, text)?.kind;
      slot.method = fn ? methodOf(fn) : undefined;
    } finally {
      releaseTree(tree);
    }
  }
  return slot;
}

/** The route method a function is registered for: app.post('/x', fn), @Post(), export function POST. */
function methodOf(fn: import('../../parsing/treeSitter').Node): string | undefined {
  const args = parentOf(fn);
  const call = args?.type === 'arguments' ? parentOf(args) : undefined;
  if (call?.type === 'call_expression') {
    const callee = call.childForFieldName('function');
    const name = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
    if (name && /^(get|post|put|patch|delete|del|head|options)$/.test(name)) return name === 'del' ? 'DELETE' : name.toUpperCase();
  }
  if (fn.type === 'function_declaration') {
    const n = fn.childForFieldName('name')?.text;
    if (n && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(n)) return n;
  }
  if (fn.type === 'method_definition') {
    for (let d = fn.previousNamedSibling; d?.type === 'decorator'; d = d.previousNamedSibling) {
      const m = /^@(Get|Post|Put|Patch|Delete|Head|Options)\b/.exec(d.text);
      if (m) return m[1].toUpperCase();
    }
    for (let i = 0; i < fn.namedChildCount; i++) {
      const m = /^@(Get|Post|Put|Patch|Delete|Head|Options)\b/.exec(fn.namedChild(i)?.text ?? '');
      if (m) return m[1].toUpperCase();
    }
  }
  return undefined;
}

/** True when the text ends inside an unterminated string on its line. */
function insideString(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    }
  }
  return quote !== undefined;
}

// Each `imported` asks what /NAME[^STOPS]*CLAUSE/ would, in one pass (nameBeforeClause).
const IMPORTS: Record<string, { esm: string; cjs: string; imported: (text: string) => boolean }> = {
  'http-status-codes': {
    esm: "import { StatusCodes } from 'http-status-codes';",
    cjs: "const { StatusCodes } = require('http-status-codes');",
    imported: (text) => nameBeforeClause(text, /\bStatusCodes\b/, /from\s+['"]http-status-codes['"]|require\(\s*['"]http-status-codes['"]/, ';\n'),
  },
  nestjs: {
    esm: "import { HttpStatus } from '@nestjs/common';",
    cjs: "const { HttpStatus } = require('@nestjs/common');",
    imported: (text) => nameBeforeClause(text, /\bHttpStatus\b/, /from\s+['"]@nestjs\/common['"]/, ';'),
  },
  'node-http2': {
    esm: "import http2 from 'node:http2';",
    cjs: "const http2 = require('node:http2');",
    imported: (text) => nameBeforeClause(text, /\bhttp2\b/, /['"](node:)?http2['"]/, ';\n'),
  },
};

/**
 * The braces of the first `import { ... } from '@nestjs/common'`. Found from each clause's `}`
 * back to its `{` within the text after the previous clause, so the whole search is linear (the
 * regex `import\s*\{([^}]*)\}\s*from...` rescans to the end from every unclosed `import {`).
 */
export function nestjsImportBraces(text: string): { open: number; close: number } | undefined {
  let from = 0;
  for (const m of text.matchAll(/\}\s*from\s*['"]@nestjs\/common['"]/g)) {
    const close = m.index;
    const start = from;
    const window = text.slice(start, close);
    from = close + 1;
    const open = window.lastIndexOf('{');
    if (open < 0 || window.includes('}', open)) continue;
    if (/import\s*$/.test(window.slice(Math.max(0, window.lastIndexOf('import', open)), open))) return { open: start + open, close };
  }
  return undefined;
}

/** The import line for a vocabulary, in the file's module style, after its last import. */
export function javascriptImportEdit(input: AdapterInput, vocabulary: string): OffsetEdit | undefined {
  const spec = IMPORTS[vocabulary];
  if (!spec) return undefined;
  const { text } = input;
  if (spec.imported(text)) return undefined;
  // NestJS files usually already import from @nestjs/common: add HttpStatus to that import.
  if (vocabulary === 'nestjs') {
    const braces = nestjsImportBraces(text);
    if (braces) {
      const names = text.slice(braces.open + 1, braces.close).trimEnd();
      return { start: braces.open + 1 + names.length, end: braces.close, newText: `${names.endsWith(',') ? '' : ','} HttpStatus ` };
    }
  }
  // `[ \t]*`, not `\s*`: with the `m` flag `\s*` runs from every line start across the blank lines below.
  const esm = /^[ \t]*import\s/m.test(text) || !/\brequire\(/.test(text);
  const line = esm ? spec.esm : spec.cjs;
  // Bounded repetitions: an unfinished `import {` or `require(` line would otherwise be rescanned
  // to the end of the file from every such line (quadratic); no real import is that long.
  const importRe = esm
    ? /^(?:import\s[^;]{0,2000}?from\s+['"][^'"]{1,500}['"];?|import\s+['"][^'"]{1,500}['"];?)[ \t]*$/gm
    : /^(?:const|let|var)\s[^\n]*=\s*require\([^)]{0,500}\)[^\n]*$/gm;
  let lastEnd = -1;
  for (let m = importRe.exec(text); m; m = importRe.exec(text)) {
    lastEnd = m.index + m[0].length;
    if (m.index > 20_000) break;
  }
  if (lastEnd >= 0) return { start: lastEnd, end: lastEnd, newText: `\n${line}` };
  // No imports yet: after a leading 'use strict' / shebang / comment block, else at the top.
  const head = /^(#![^\n]*\n)?((['"])use strict\3;?\n)?/.exec(text);
  const at = head ? head[0].length : 0;
  return { start: at, end: at, newText: `${line}\n` };
}
