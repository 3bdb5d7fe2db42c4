// The completion slot while a status is typed in Python: `abort(|`, `status_code=|`,
// `JSONResponse(x, |`, `return jsonify(x), |`, `assert r.status_code == |`... The code is
// usually broken at that moment, so the place is read from the text of the current statement
// (a small scanner that knows brackets, strings and comments); the tree, walked up from the
// cursor only, gives the handler's method and the branch.
import type { Node } from '../../parsing/treeSitter';
import type { StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { branchOf } from './branches';
import { statusArgument, statusAttrText } from './calls';
import { routeOfFunction } from './handlers';
import { parentOf, upTo } from '../ancestry';

interface Open {
  char: string;
  pos: number;
  /** Start offsets of each argument inside the bracket. */
  argStarts: number[];
}

interface Scan {
  stack: Open[];
  /** Start of the current logical line (outside brackets). */
  lineStart: number;
  /** Offsets of commas at bracket depth 0 in the current logical line. */
  topCommas: number[];
  inside: boolean;
}

/** Scans `text[from, to)` for brackets, strings and comments. `inside`: `to` is in a string or comment. */
function scan(text: string, from: number, to: number): Scan {
  const out: Scan = { stack: [], lineStart: from, topCommas: [], inside: false };
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (ch === '#') {
      const eol = text.indexOf('\n', i);
      if (eol < 0 || eol >= to) return { ...out, inside: true };
      i = eol;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const close = triple ? ch.repeat(3) : ch;
      let j = i + close.length;
      while (j < to && !text.startsWith(close, j) && (triple || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      if (j >= to) return { ...out, inside: true };
      i = j + close.length;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') out.stack.push({ char: ch, pos: i, argStarts: [i + 1] });
    else if (ch === ')' || ch === ']' || ch === '}') out.stack.pop();
    else if (ch === ',') {
      const top = out.stack[out.stack.length - 1];
      if (top) top.argStarts.push(i + 1);
      else out.topCommas.push(i);
    } else if (ch === '\n' && !out.stack.length && text[i - 1] !== '\\') {
      out.lineStart = i + 1;
      out.topCommas = [];
    }
    i++;
  }
  return out;
}

const PERMISSIVE = { flask: true, fastapi: true, django: true, drf: true, aiohttp: true };

/** The slot at `offset`, or undefined when the cursor is not where a status goes. */
export function slotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const { text } = input;
  if (offset < 0 || offset > text.length) return undefined;
  let start = offset;
  while (start > 0 && /[\w.]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /\w/.test(text[end])) end++;
  const partial = text.slice(start, offset);
  if (partial && !/^(\d{1,3}|[A-Za-z_][\w.]*)$/.test(partial)) return undefined;
  const node = input.tree?.rootNode.descendantForIndex(Math.max(0, start - 1)) ?? undefined;
  const from = Math.max(windowStart(node), text.lastIndexOf('\n', Math.max(0, offset - 3000)) + 1);
  const s = scan(text, from, start);
  if (s.inside) return undefined;
  const place = placeAt(text, s, start);
  if (!place) return undefined;
  const fn = node ? enclosingDef(node) : undefined;
  const method = fn ? routeOfFunction(fn)?.method : undefined;
  const branch = node ? branchOf(node)?.kind : undefined;
  return { span: { start, end }, accepts: 'any', role: place.role, form: place.form, method, branch };
}

/** The start of the top-level statement around the cursor: the scan needs nothing before it. */
function windowStart(node: Node | undefined): number {
  if (!node) return 0;
  return upTo('py.topLevel', node, (n) => (parentOf(n)?.type === 'module' || !parentOf(n) ? n : undefined), node).startIndex;
}

/** The function around the cursor; from a decorator, the function it decorates. */
function enclosingDef(node: Node): Node | undefined {
  return upTo('py.def', node, (n): Node | null | undefined => {
    if (n.type === 'function_definition') return n;
    if (n.type !== 'decorated_definition') return undefined;
    const def = n.childForFieldName('definition');
    return def?.type === 'function_definition' ? def : null;
  }, null) ?? undefined;
}

function placeAt(text: string, s: Scan, start: number): { role: StatusSlot['role']; form: string } | undefined {
  const top = s.stack[s.stack.length - 1];
  if (top) {
    const beforeStart = Math.max(s.lineStart, top.pos - 200);
    const before = text.slice(beforeStart, top.pos);
    // r.status_code in (200, |
    const inList = /(\S+)\s+(not\s+)?in\s*$/.exec(before);
    if (inList && statusAttrText(inList[1])) return { role: /^\s*assert\b/.test(text.slice(s.lineStart, top.pos)) ? 'assertion' : 'comparison', form: `${inList[1]} in` };
    if (top.char !== '(') return undefined;
    const argStart = top.argStarts[top.argStarts.length - 1];
    const argText = text.slice(argStart, start);
    const calleeMatch = /([A-Za-z_][\w.]*)\s*$/.exec(before);
    if (!calleeMatch) {
      // return (jsonify(x), |
      return /\breturn\s*$/.test(before) && top.argStarts.length === 2 && argText.trim() === '' ? { role: 'response', form: 'return body, status' } : undefined;
    }
    const full = calleeMatch[1];
    const dot = full.lastIndexOf('.');
    const shape = { name: full.slice(dot + 1), receiver: dot > 0 ? full.slice(0, dot) : undefined, full, decorator: /^\s*@\s*$/.test(text.slice(s.lineStart, beforeStart + calleeMatch.index)) };
    const kw = /^\s*(\w+)\s*=\s*$/.exec(argText);
    if (kw) return statusArgument(shape, { keyword: kw[1] }, PERMISSIVE);
    if (argText.trim() !== '') return undefined;
    const previous = top.argStarts.slice(0, -1).map((p, i) => text.slice(p, top.argStarts[i + 1] - 1));
    const index = previous.filter((a) => !/^\s*\*|^\s*\w+\s*=[^=]/.test(a)).length;
    const other = index === 1 ? previous[0] : undefined;
    return statusArgument(shape, { index, other: other ? statusAttrText(other.trim()) : undefined, otherText: other?.trim() }, PERMISSIVE);
  }
  const line = text.slice(s.lineStart, start);
  // Patterns anchored at the end retry from every start position: on a logical line of 100,000
  // characters that is quadratic, so they read only the line's tail (a status target is short).
  const tail = line.length > TAIL ? line.slice(-TAIL) : line;
  const assign = /(\S+\.(status_code|status))\s*=\s*$/.exec(tail);
  if (assign && !/[=!<>]=\s*$/.test(tail)) return { role: /^(self|cls)\./.test(assign[1]) ? 'declaration' : 'response', form: `${assign[1]} =` };
  const compare = /(\S+)\s*(==|!=)\s*$/.exec(tail);
  if (compare && statusAttrText(compare[1])) return { role: /^\s*assert\b/.test(line) ? 'assertion' : 'comparison', form: `${compare[1]} ${compare[2]}` };
  // Flask: return jsonify(x), |
  const ret = returnedTuple(line);
  if (ret !== undefined && s.topCommas.length === 1 && /^(jsonify|make_response|render_template)\s*\(|^[{'"]/.test(ret.trim())) return { role: 'response', form: 'return body, status' };
  return undefined;
}

const TAIL = 300;

/**
 * What `return <x>,` returns when the line ends with that comma: what `/^\s*return\s+(.*),\s*$/`
 * captures, without its backtracking (`\s+` and `.*` share whitespace: quadratic on long lines).
 */
function returnedTuple(line: string): string | undefined {
  const head = /^\s*return\s/.exec(line);
  if (!head) return undefined;
  const body = line.slice(head[0].length).trimEnd();
  if (!body.endsWith(',')) return undefined;
  const value = body.slice(0, -1).trimStart();
  return /[\n\r\u2028\u2029]/.test(value) ? undefined : value;
}
