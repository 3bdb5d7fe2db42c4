// Where a status is being typed in Go (`w.WriteHeader(|`, `c.JSON(|`, `rr.Code != |`), and
// how to import net/http. Half-typed code parses badly, so the call form is read from the text
// before the cursor on its line (bounded); the tree only supplies the handler and the branch.
import type { Node } from '../../parsing/treeSitter';
import type { OffsetEdit, StatusSlot } from '../../model';
import type { AdapterInput } from '../adapter';
import { branchOf, enclosingFunction } from './branches';
import { callRole, contextParamType, type GoFileInfo } from './contexts';
import { methodOfLiteral } from './handlers';
import { importSpecEdit } from './imports';

const PARTIAL = /(?:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.?|\d{0,3})$/;
const MAX_PREFIX = 400;
const CONTEXT_NAMES = /^(c|ctx|context|gc|ec|fc|gctx|ectx|fctx|ginCtx|echoCtx|fiberCtx)$/;
const RECORDER = /\b(?:\w+\.StatusCode(?:\(\))?|(?:rr|rec|recorder|w|rw|resp|res|response)\.Code)\b(?!\w)/;
const ASSERT_EQUAL = /^(Equal|Equalf|EqualValues|EqualValuesf|Exactly|Exactlyf|NotEqual|NotEqualf)$/;

/** Handler methods by function name, from the latest extract of each document (bounded). */
const methodCache = new Map<string, Map<string, string>>();
export function rememberMethods(uri: string, methods: Map<string, string>): void {
  methodCache.delete(uri);
  methodCache.set(uri, methods);
  if (methodCache.size > 64) methodCache.delete(methodCache.keys().next().value!);
}

/** The innermost call left open at the end of `before`: its callee text and the argument index. */
export function openCall(before: string): { callee: string; index: number; args: string[] } | undefined {
  const stack: { callee: string; args: string[]; from: number }[] = [];
  let depth = 0;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (ch === '"' || ch === '`' || ch === "'") {
      const close = before.indexOf(ch, i + 1);
      if (ch === '"') {
        let j = i + 1;
        while (j < before.length && before[j] !== '"') j += before[j] === '\\' ? 2 : 1;
        i = j;
      } else {
        i = close < 0 ? before.length : close;
      }
      continue;
    }
    if (ch === '(') {
      const callee = /([A-Za-z_][\w.]*(?:\(\))?(?:\.[A-Za-z_]\w*)*)\s*$/.exec(before.slice(0, i))?.[1] ?? '';
      stack.push({ callee, args: [], from: i + 1 });
    } else if (ch === '[' || ch === '{') {
      depth++;
    } else if (ch === ']' || ch === '}') {
      depth = Math.max(0, depth - 1);
    } else if (ch === ')') {
      stack.pop();
    } else if (ch === ',' && depth === 0 && stack.length) {
      const top = stack[stack.length - 1];
      top.args.push(before.slice(top.from, i).trim());
      top.from = i + 1;
    }
  }
  const top = stack[stack.length - 1];
  return top ? { callee: top.callee, index: top.args.length, args: top.args } : undefined;
}

/** True when the text ends inside a string or after a line comment. */
function inStringOrComment(before: string): boolean {
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (ch === '/' && before[i + 1] === '/') return true;
    if (ch === '"' || ch === '`' || ch === "'") {
      let j = i + 1;
      while (j < before.length && before[j] !== ch) j += ch !== '`' && before[j] === '\\' ? 2 : 1;
      if (j >= before.length) return true;
      i = j;
    }
  }
  return false;
}

/**
 * Import names from the top of the file only (imports come first in Go). An alias and its path
 * share a line in Go, so the patterns skip only spaces and tabs: `\s*` after each `\n` would run
 * across every blank line below it (quadratic, and this runs per keystroke).
 */
function fileInfo(text: string): GoFileInfo {
  const head = text.slice(0, 6000);
  const alias = (re: RegExp, fallback: string) => re.exec(head)?.[1] ?? fallback;
  return {
    httpName: alias(/(?:^|\n)[ \t]*(?:import[ \t]+)?([A-Za-z_]\w*)[ \t]+"net\/http"/, 'http'),
    echoName: alias(/(?:^|\n)[ \t]*(?:import[ \t]+)?([A-Za-z_]\w*)[ \t]+"github\.com\/labstack\/echo[^"]*"/, 'echo'),
    fiberName: alias(/(?:^|\n)[ \t]*(?:import[ \t]+)?([A-Za-z_]\w*)[ \t]+"github\.com\/gofiber\/fiber[^"]*"/, 'fiber'),
    recorders: new Set(),
  };
}

export function goSlotAt(input: AdapterInput, offset: number): StatusSlot | undefined {
  const { text } = input;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(Math.max(lineStart, offset - MAX_PREFIX), offset);
  const partial = PARTIAL.exec(line)?.[0] ?? '';
  const before = line.slice(0, line.length - partial.length);
  if (inStringOrComment(before)) return undefined;
  const node = input.tree?.rootNode.descendantForIndex(Math.max(0, offset - 1));
  const slot = slotForm(before, text, offset, node ?? undefined);
  if (!slot) return undefined;
  const result: StatusSlot = { span: { start: offset - partial.length, end: offset }, accepts: 'any', ...slot };
  if (node) {
    result.branch = branchOf(node)?.kind;
    const fn = enclosingFunction(node);
    if (fn) result.method = fn.type === 'func_literal' ? methodOfLiteral(fn) : methodCache.get(input.uri)?.get(fn.childForFieldName('name')?.text ?? '');
  }
  return result;
}

function slotForm(before: string, text: string, offset: number, node: Node | undefined): Pick<StatusSlot, 'role' | 'form'> | undefined {
  const cmp = /(\b[\w.]+(?:\(\))?)\s*(==|!=)\s*$/.exec(before);
  if (cmp && RECORDER.test(cmp[1])) return { role: 'comparison', form: `${cmp[1]} ${cmp[2]}` };
  if (/\bStatusCode:\s*$/.test(before)) return { role: 'declaration', form: 'StatusCode:' };
  const open = openCall(before);
  if (!open) return undefined;
  const dot = open.callee.lastIndexOf('.');
  const name = open.callee.slice(dot + 1);
  const receiver = dot < 0 ? '' : open.callee.slice(0, dot);
  if (ASSERT_EQUAL.test(name)) {
    const lineEnd = text.indexOf('\n', offset);
    const after = text.slice(offset, lineEnd < 0 ? Math.min(text.length, offset + MAX_PREFIX) : Math.min(lineEnd, offset + MAX_PREFIX));
    const compared = open.args.some((a) => RECORDER.test(a)) || RECORDER.test(after);
    return compared && open.index <= 2 ? { role: 'assertion', form: `${receiver}.${name}()` } : undefined;
  }
  const isCtx = CONTEXT_NAMES.test(receiver) || (!!node && /^[A-Za-z_]\w*$/.test(receiver) && contextParamType(node, receiver) !== undefined);
  const role = callRole(name, receiver, open.index, undefined, fileInfo(text), isCtx);
  return role ? { role: role.role, form: role.form } : undefined;
}

/** The import of net/http (the go-http vocabulary), unless the file can already write its constants. */
export function goImportEdit(input: AdapterInput, vocabulary: string): OffsetEdit | undefined {
  if (vocabulary !== 'go-http') return undefined;
  const head = input.text.slice(0, 20_000);
  if (/"github\.com\/gofiber\/fiber[^"]*"/.test(head)) return undefined;
  return importSpecEdit(input.text, input.tree, 'net/http');
}
