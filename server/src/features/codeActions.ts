// Code actions: the fixes each diagnostic carries in `data` (computed with the diagnostics, so
// nothing is analysed again here), "Disable <rule> for this line", and
// source.fixAll.httpStatus, which applies every preferred fix that is safe to apply unasked.
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind } from '../lspConstants';
import { disableLineEdit } from '../rules/suppression';
import type { FeatureContext } from './context';
import { DIAGNOSTIC_SOURCE, doValidate, toTextEdit, type DiagnosticData, type FixData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.httpStatus`;

/** The code action kinds the server offers. */
export const codeActionKinds: string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** `requested` (from `context.only`) covers `kind` when equal or a parent in the dotted hierarchy. */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function ours(d: Diagnostic): boolean {
  return d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string';
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  const r = a.range;
  const s = b.range;
  return r.start.line === s.start.line && r.start.character === s.start.character && r.end.line === s.end.line && r.end.character === s.end.character;
}

/**
 * The fixes of a diagnostic for the document as it is now. Edits computed for an older version
 * would land in the wrong place, so those are looked up again among the current diagnostics.
 */
function fixesOf(d: Diagnostic, doc: TextDocument, current: () => Diagnostic[]): FixData[] {
  const data = d.data as DiagnosticData | undefined;
  if (data && data.version === doc.version && Array.isArray(data.fixes)) return data.fixes;
  const now = current().find((c) => c.code === d.code && sameRange(c, d));
  return (now?.data as DiagnosticData | undefined)?.fixes ?? [];
}

function edit(uri: string, edits: TextEdit[]) {
  return { changes: { [uri]: edits } };
}

/** Quick fixes for the diagnostics in `params.context`, and source.fixAll. */
export function doCodeActions(ctx: FeatureContext, params: CodeActionParams): CodeAction[] {
  const { document: doc } = ctx;
  const uri = doc.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => covers(k, kind));
  let cache: Diagnostic[] | undefined;
  const current = () => (cache ??= doValidate(ctx));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics.filter(ours)) {
      for (const f of fixesOf(d, doc, current)) {
        actions.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.isPreferred || undefined, edit: edit(uri, f.edits) });
      }
      const disable = disableLineEdit(doc, doc.languageId, d.range.start.line, String(d.code));
      if (disable) {
        actions.push({ title: `Disable ${d.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(uri, [toTextEdit(doc, disable)]) });
      }
    }
  }

  // Offered when asked for (on save, "Fix all"), or beside quick fixes when one of them is safe.
  const explicit = !!only?.some((k) => covers(k, FIX_ALL_KIND));
  const beside = !only && params.context.diagnostics.some((d) => ours(d) && fixesOf(d, doc, current).some((f) => f.safe && f.isPreferred));
  if (explicit || beside) {
    const all = fixAllEdits(current());
    if (all.length) actions.push({ title: 'Fix all auto-fixable status problems', kind: FIX_ALL_KIND, diagnostics: [], edit: edit(uri, all) });
  }
  return actions;
}

function offsetKey(e: TextEdit): [number, number, number, number] {
  return [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character];
}

function before(a: TextEdit['range']['start'], b: TextEdit['range']['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The preferred safe fix of every diagnostic, as one list of edits without overlaps or repeats. */
export function fixAllEdits(diagnostics: Diagnostic[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const fix = (d.data as DiagnosticData | undefined)?.fixes?.find((f) => f.isPreferred && f.safe);
    if (!fix) continue;
    // A fix goes in whole or not at all; an edit identical to one already taken (a shared import) is shared.
    const fresh = fix.edits.filter((e) => !seen.has(JSON.stringify(e)));
    const clashes = fresh.some((e) => chosen.some((c) => overlaps(c, e)));
    if (clashes) continue;
    for (const e of fresh) {
      seen.add(JSON.stringify(e));
      chosen.push(e);
    }
  }
  return chosen.sort((a, b) => {
    const x = offsetKey(a);
    const y = offsetKey(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
  });
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point would depend on order: treat them as overlapping.
  const aEmpty = !before(a.range.start, a.range.end);
  const bEmpty = !before(b.range.start, b.range.end);
  if (aEmpty && bEmpty) return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}
