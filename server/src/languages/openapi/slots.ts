// The completion slot while a response key is typed under an operation's `responses`. Runs per
// keystroke, so it only reads the cursor's line and walks up to the enclosing keys: nothing is
// parsed, and the cost does not grow with the document.
import type { StatusSlot } from '../../model';
import { FORM } from './model';
import { HTTP_METHODS } from './tree';

const METHOD_KEY = /^["']?(get|put|post|delete|options|head|patch|trace)["']?[ \t]*:[ \t]*(#.*)?\r?$/;
const RESPONSES_KEY = /^["']?responses["']?[ \t]*:[ \t]*(#.*)?\r?$/;

function slot(start: number, end: number, method: string): StatusSlot {
  return { span: { start, end }, accepts: 'string', role: 'declaration', form: FORM, method: method.toUpperCase() };
}

/** The nearest line above `from` (a line start) indented less than `indent`, as [indent, trimmed text]. */
function parentLine(text: string, from: number, indent: number): { start: number; indent: number; text: string } | undefined {
  let pos = from;
  while (pos > 0) {
    const end = pos - 1;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    pos = start;
    const line = text.slice(start, end);
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith('#') || trimmed === '\r') continue;
    const ind = line.length - trimmed.length;
    if (ind < indent) return { start, indent: ind, text: trimmed };
  }
  return undefined;
}

export function yamlSlot(text: string, offset: number): StatusSlot | undefined {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const before = text.slice(ls, offset);
  const after = text.slice(offset, nl < 0 ? text.length : nl);
  const m = /^( *)(['"]?)([0-9xX]*)$/.exec(before);
  const rest = /^[0-9xX]*/.exec(after)![0];
  if (!m || !/^[0-9xX]*['"]?[ \t]*(:.*)?\r?$/.test(after)) return undefined;
  const indent = m[1].length;
  if (indent === 0) return undefined;
  const responses = parentLine(text, ls, indent);
  if (!responses || !RESPONSES_KEY.test(responses.text)) return undefined;
  const op = parentLine(text, responses.start, responses.indent);
  const method = op && METHOD_KEY.exec(op.text)?.[1];
  if (!method) return undefined;
  return slot(offset - m[3].length, offset + rest.length, method);
}

/** The `{` that opens the object around `from` (scanning back over strings and nested values). */
function openBrace(text: string, from: number, limit: number): number | undefined {
  let depth = 0;
  for (let i = from; i >= limit; i--) {
    const c = text[i];
    if (c === '"') {
      // Back to the string's opening quote; JSON strings never span lines.
      let j = i - 1;
      for (; j >= limit && text[j] !== '\n'; j--) {
        if (text[j] !== '"') continue;
        let k = j - 1;
        while (text[k] === '\\') k--;
        if ((j - k - 1) % 2 === 0) break;
      }
      i = j;
    } else if (c === '}' || c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) return undefined;
      depth--;
    } else if (c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** The property name `"name": ` just before `brace`, and where its opening quote is. */
function keyBefore(text: string, brace: number): { key: string; start: number } | undefined {
  const m = /"([^"\\\n]*)"\s*:\s*$/.exec(text.slice(Math.max(0, brace - 200), brace));
  return m ? { key: m[1], start: brace - m[0].length } : undefined;
}

export function jsonSlot(text: string, offset: number, limit = 0): StatusSlot | undefined {
  const m = /([{,])\s*("?)([0-9xX]*)$/.exec(text.slice(Math.max(0, offset - 200), offset));
  const rest = /^[0-9xX]*/.exec(text.slice(offset, offset + 8))![0];
  if (!m) return undefined;
  const punct = offset - m[0].length;
  const brace = m[1] === '{' ? punct : openBrace(text, punct - 1, limit);
  if (brace === undefined) return undefined;
  const responses = keyBefore(text, brace);
  if (!responses || responses.key !== 'responses') return undefined;
  const opBrace = openBrace(text, responses.start - 1, limit);
  const op = opBrace === undefined ? undefined : keyBefore(text, opBrace);
  if (!op || !HTTP_METHODS.has(op.key)) return undefined;
  return slot(offset - m[3].length, offset + rest.length, op.key);
}
