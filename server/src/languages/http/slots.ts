// The completion slot while a status is typed in a request file: after `?? status == ` and after
// `HTTP/1.1 ` on an expected-response line. Reads the cursor's line, and for the method only the
// lines of the request the cursor is in.
import type { StatusSlot } from '../../model';
import { COMMENT, SEPARATOR, requestLine } from './requests';

const ASSERTION_SLOT = /^[ \t]*\?\?[ \t]*(status|js[ \t]+response\.statusCode)[ \t]*(?:===?|!==?|>=?|<=?)[ \t]*(\d{0,3})$/;
const STATUS_LINE_SLOT = /^(?:[ \t]*(?:#|\/\/).*?[\s#])?HTTP\/\d(?:\.\d)?[ \t]+(\d{0,3})$/;

/** The method of the request around `offset`: its block's first request line. */
function methodAt(text: string, offset: number): string | undefined {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  // Back to the block's start (a `###` line or the top of the file).
  while (start > 0) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    if (SEPARATOR.test(text.slice(prev, start - 1))) break;
    start = prev;
  }
  for (let pos = start; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl < 0 ? text.length : nl).replace(/\r$/, '');
    if (SEPARATOR.test(line)) return undefined;
    if (line.trim() && !COMMENT.test(line) && !/^[ \t]*(@|\?\?)/.test(line)) return requestLine(line)?.method;
    if (nl < 0) return undefined;
    pos = nl + 1;
  }
  return undefined;
}

export function httpSlot(text: string, offset: number): StatusSlot | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(ls, offset);
  const rest = /^\d*/.exec(text.slice(offset, offset + 3))![0];
  const assertion = ASSERTION_SLOT.exec(before);
  const statusLine = assertion ? undefined : STATUS_LINE_SLOT.exec(before);
  const typed = assertion?.[2] ?? statusLine?.[1];
  if (typed === undefined) return undefined;
  return {
    span: { start: offset - typed.length, end: offset + rest.length },
    accepts: 'number',
    role: 'assertion',
    form: assertion ? `?? ${assertion[1]}` : 'HTTP status line',
    method: methodAt(text, offset),
  };
}
