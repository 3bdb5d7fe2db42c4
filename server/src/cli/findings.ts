// The editor's diagnostics as the CLI reports them: a level name, the rule id, the docs link,
// the fix candidates the diagnostic carries in `data`, and a fingerprint that survives edits
// elsewhere in the file (for SARIF consumers that track findings across runs).
import { createHash } from 'node:crypto';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Level } from './args';

export interface CliFix {
  title: string;
  preferred: boolean;
  /** The rule marks the fix safe to apply without a person choosing (what --fix applies). */
  safe: boolean;
  edits: TextEdit[];
}

export interface CliFinding {
  ruleId: string;
  level: Level;
  message: string;
  range: Range;
  href?: string;
  fixes: CliFix[];
  /** Stable across unrelated edits: rule, file, the finding's line text and its occurrence. */
  fingerprint: string;
}

const severityNames: Record<number, Level> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Severity rank for comparisons: error 1 ... hint 4 (LSP's own numbering). */
export const levelRank: Record<Level, number> = { error: 1, warning: 2, info: 3, hint: 4 };

export function toFindings(diagnostics: readonly Diagnostic[], document: TextDocument, relPath: string): CliFinding[] {
  const seen = new Map<string, number>();
  const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return sorted.map((d) => {
    const ruleId = d.code === undefined ? 'unknown' : String(d.code);
    const lineText = document.getText({ start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line + 1, character: 0 } }).trim();
    const key = `${ruleId}\0${relPath}\0${lineText.replace(/\s+/g, ' ')}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      ruleId,
      level: severityNames[d.severity ?? 2] ?? 'warning',
      message: d.message,
      range: d.range,
      href: d.codeDescription?.href,
      fixes: fixesOf(d, document),
      fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
    };
  });
}

/** Reads the fix candidates from `Diagnostic.data`; anything malformed is left out, not trusted. */
function fixesOf(d: Diagnostic, document: TextDocument): CliFix[] {
  const data = d.data as { fixes?: unknown } | undefined;
  const list = Array.isArray(data?.fixes) ? data.fixes : [];
  const out: CliFix[] = [];
  for (const f of list as Record<string, unknown>[]) {
    if (!f || typeof f.title !== 'string' || !Array.isArray(f.edits)) continue;
    const edits = f.edits.map((e) => toTextEdit(e, document)).filter((e): e is TextEdit => !!e);
    if (edits.length !== f.edits.length || !edits.length) continue;
    out.push({ title: f.title, preferred: f.isPreferred === true || f.preferred === true, safe: f.safe === true, edits });
  }
  return out;
}

function toTextEdit(e: unknown, document: TextDocument): TextEdit | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const edit = e as { range?: Range; start?: number; end?: number; newText?: unknown };
  if (typeof edit.newText !== 'string') return undefined;
  if (edit.range) return { range: edit.range, newText: edit.newText };
  if (typeof edit.start === 'number' && typeof edit.end === 'number') {
    return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
  }
  return undefined;
}
