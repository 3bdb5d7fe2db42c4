// Suppression comments, read from the comments the adapter reports:
//   http-status-disable-next-line <rule>[, <rule>]   the line after the comment
//   http-status-disable [<rule>, ...]                the whole file (no rule: every rule)
// in the language's own comment syntax. Text after `--` is a free reason.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CommentFact, OffsetEdit } from '../model';

export interface Suppressions {
  /** Rule ids disabled for the whole file; `*` for all. */
  file: Set<string>;
  /** 0-based line -> rule ids disabled on it (`*` for all). */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /\bhttp-status-disable(-next-line)?(?=$|[\s,*])([^\n]*)/;

function ruleList(rest: string): string[] {
  const body = rest.split('--')[0].replace(/\*\/.*$/, '').replace(/-->.*$/, '');
  return body.split(/[\s,]+/).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
}

export function readSuppressions(comments: CommentFact[], doc: TextDocument): Suppressions {
  const out: Suppressions = { file: new Set(), lines: new Map() };
  for (const c of comments) {
    if (!c.text.includes('http-status-disable')) continue;
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = ruleList(m[2]);
    const list = ids.length ? ids : ['*'];
    if (m[1]) {
      const line = doc.positionAt(c.span.end).line + 1;
      const set = out.lines.get(line) ?? new Set<string>();
      list.forEach((id) => set.add(id));
      out.lines.set(line, set);
    } else {
      list.forEach((id) => out.file.add(id));
    }
  }
  return out;
}

export function isSuppressed(s: Suppressions, ruleId: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(ruleId)) return true;
  const l = s.lines.get(line);
  return !!l && (l.has('*') || l.has(ruleId));
}

/** The line-comment opener of a language, or undefined when it has none (plain JSON). */
export function lineCommentFor(languageId: string): string | undefined {
  if (['python', 'ruby', 'yaml', 'http', 'shellscript', 'dockerfile', 'toml'].includes(languageId)) return '#';
  if (languageId === 'json') return undefined;
  return '//';
}

/**
 * The edit that disables `ruleId` on `line`: extends a disable-next-line comment on the line
 * above when there is one, otherwise inserts a new comment line with the same indentation.
 */
export function disableLineEdit(doc: TextDocument, languageId: string, line: number, ruleId: string): OffsetEdit | undefined {
  const prefix = lineCommentFor(languageId);
  if (!prefix) return undefined;
  const text = doc.getText();
  const lineStart = doc.offsetAt({ line, character: 0 });
  const lineText = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
  if (line > 0) {
    const prevStart = doc.offsetAt({ line: line - 1, character: 0 });
    const prev = text.slice(prevStart, lineStart).replace(/\r?\n$/, '');
    const m = /^(\s*)(\/\/|#)\s*http-status-disable-next-line\b([^\n]*)$/.exec(prev);
    if (m && m[2] === prefix) {
      const ids = ruleList(m[3]);
      if (ids.includes(ruleId)) return undefined;
      const reason = m[3].indexOf('--');
      const insertAt = reason >= 0 ? prevStart + prev.length - m[3].length + reason : prevStart + prev.length;
      const before = text.slice(prevStart, insertAt).replace(/\s+$/, '');
      return { start: prevStart + before.length, end: insertAt, newText: `, ${ruleId}${reason >= 0 ? ' ' : ''}` };
    }
  }
  // Before `<?php` a comment would be page output, not a comment.
  if (lineText.trimStart().startsWith('<?')) return undefined;
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, newText: `${indent}${prefix} http-status-disable-next-line ${ruleId}${eol}` };
}
