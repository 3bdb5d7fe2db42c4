// The status slot under the cursor while a Ruby status is being typed: `render json: x,
// status: |`, `head |`, `halt |`, `assert_response |`... The call is usually half typed, so the
// call form is read from the text before the cursor (the current statement only); the tree is
// used to skip strings and comments and to find the handler and branch by walking up.
import type { Node } from '../../parsing/treeSitter';
import type { StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { branchOf, rescueHandlerName, scopeOf } from './branches';
import { isHidden, methodRoute, routeBlock } from './handlers';
import { parentOf } from '../parents';

interface Form {
  re: RegExp;
  role: StatusSlot['role'];
  form: string;
  /** Rails forms take Rack symbols as well as numbers; Sinatra and RSpec `eq` take numbers. */
  symbols: boolean;
}

const RENDERISH = /(^|[\s;{(])(render|redirect_to|redirect_back|redirect_back_or_to|respond_with|send_data|send_file|render_\w+|\w+_response)\b/;
const FORMS: Form[] = [
  { re: /(^|[\s(,{])(status:|:status\s*=>)\s*$/, role: 'response', form: 'render status:', symbols: true },
  { re: /(^|[\s;{(]|return\s)head(\s+|\(\s*)$/, role: 'response', form: 'head', symbols: true },
  { re: /(^|[\s;{(])assert_response(\s+|\(\s*)$/, role: 'assertion', form: 'assert_response', symbols: true },
  { re: /\bhave_http_status(\s+|\(\s*)$/, role: 'assertion', form: 'have_http_status()', symbols: true },
  { re: /\bexpect\(\s*[\w@.]*\.(status|status_code)\s*\)\s*\.\s*(to|not_to|to_not)\s+(eq|eql|equal|be)(\s+|\(\s*)$/, role: 'assertion', form: 'expect(…).to eq', symbols: false },
  { re: /@?\b(response|res|resp)\.status\s*=\s*$/, role: 'response', form: 'response.status =', symbols: true },
  { re: /(^|[\s;{])status(\s+|\(\s*)$/, role: 'response', form: 'status', symbols: false },
  { re: /(^|[\s;{]|return\s)halt(\s+|\(\s*)$/, role: 'response', form: 'halt', symbols: false },
  { re: /(^|[\s;{])redirect[\s(].+,\s*$/, role: 'response', form: 'redirect', symbols: false },
];

/**
 * A quoted string on one line. A backslash is only ever an escape: in `(?:\\.|(?!\1).)*` it could
 * also be a plain character, and a run of backslashes before a missing quote backtracked
 * exponentially.
 */
const QUOTED = /(['"])(?:\\.|(?!\1)[^\\\n\r\u2028\u2029])*\1/g;
/** How much of the statement before the cursor is read: every form fits, and the regexes stay cheap on a 100,000-character line. */
const MAX_STATEMENT = 1000;

/**
 * `status:` belongs to the render-like call itself, not to a call nested in its arguments
 * (`render json: Order.where(status: |` is a query, not a status).
 */
function topLevelOption(head: string): boolean {
  const m = RENDERISH.exec(head);
  if (!m) return false;
  const rest = head.slice(m.index + m[0].length);
  let depth = 0;
  for (const ch of rest.replace(QUOTED, '')) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
  }
  return depth === 0 || (depth === 1 && /^\s*\(/.test(rest));
}

/** The text of the statement before `offset`: its line, plus earlier lines it continues (`,` / `(` endings). */
function statementBefore(text: string, offset: number): string {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  for (let i = 0; i < 8 && start > 0; i++) {
    const prevStart = text.lastIndexOf('\n', start - 2) + 1;
    const prev = text.slice(prevStart, start - 1);
    if (!/[,(]\s*$/.test(prev)) break;
    start = prevStart;
  }
  return text.slice(Math.max(start, offset - MAX_STATEMENT), offset).replace(/\n/g, ' ');
}

function insideLiteral(node: Node | null): boolean {
  for (let n = node; n; n = parentOf(n)) {
    if (['comment', 'string', 'string_content', 'heredoc_body', 'regex'].includes(n.type)) return true;
  }
  return false;
}

export function slotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const { text, tree } = input;
  if (offset < 0 || offset > text.length) return undefined;
  const node = tree?.rootNode.descendantForIndex(lastToken(text, offset)) ?? null;
  if (insideLiteral(node)) return undefined;
  const before = statementBefore(text, offset);
  const partial = /:?\w*$/.exec(before)![0];
  if (partial && !/^(:\w*|\d+)$/.test(partial)) return undefined;
  const head = before.slice(0, before.length - partial.length);
  if (/#/.test(head.replace(QUOTED, ''))) return undefined; // a comment on the line
  const form = FORMS.find((f) => f.re.test(head) && (f.form !== 'render status:' || topLevelOption(head)));
  if (!form) return undefined;
  if (!form.symbols && partial.startsWith(':')) return undefined;
  const slot: StatusSlot = {
    span: { start: offset - partial.length, end: offset },
    accepts: !form.symbols || /^\d/.test(partial) ? 'number' : 'symbol',
    role: form.role,
    form: form.form,
  };
  if (node) enclosing(node, slot);
  return slot;
}

/** The handler method and branch kind around the cursor, found by walking up. */
function enclosing(node: Node, slot: StatusSlot): void {
  const scope = scopeOf(node, (b) => routeBlock(b) !== undefined || parentOf(b)?.childForFieldName('method')?.text === 'rescue_from');
  for (let n: Node | null = node; n && !slot.method; n = parentOf(n)) {
    if (n.type === 'method') slot.method = methodRoute(n, isHidden(n))?.method;
    else if (n.type === 'do_block' || n.type === 'block') slot.method = routeBlock(n)?.method;
  }
  slot.branch = branchOf(node, scope, isRescueHandler(scope))?.kind;
}

/** A method named by a `rescue_from ..., with:` in its class, or a `rescue_from` block. */
function isRescueHandler(scope: Node | undefined): boolean {
  if (!scope) return false;
  if (scope.type !== 'method') return parentOf(scope)?.type === 'call' && parentOf(scope)?.childForFieldName('method')?.text === 'rescue_from';
  const name = scope.childForFieldName('name')?.text;
  // Bounded: a slot is computed per keystroke.
  let i = 0;
  for (let s = parentOf(scope)?.firstNamedChild; s && i < 200; s = s.nextNamedSibling, i++) {
    if (s.type === 'call' && rescueHandlerName(s) === name) return true;
  }
  return false;
}

/** The offset of the last non-blank character before `offset`: the node the cursor follows. */
function lastToken(text: string, offset: number): number {
  let i = offset - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  return Math.max(0, i);
}
