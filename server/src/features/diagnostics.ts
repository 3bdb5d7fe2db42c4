// Diagnostics: the rule table over the document's model, as LSP diagnostics. Each one carries
// its fixes, already computed, in `data`, so code actions never re-run the analysis.
import type { Diagnostic, DiagnosticSeverity as Severity, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag } from '../lspConstants';
import type { OffsetEdit } from '../model';
import { docsUrl } from '../rules/index';
import { runRules, type RuleResult } from '../rules/run';
import type { RuleLevel } from '../rules/types';
import type { FeatureContext } from './context';

export const DIAGNOSTIC_SOURCE = 'http-status';

/** A fix as it travels in `Diagnostic.data`. */
export interface FixData {
  title: string;
  edits: TextEdit[];
  isPreferred: boolean;
  /** Safe to apply unasked (source.fixAll, the CLI's --fix). */
  safe: boolean;
}

export interface DiagnosticData {
  /** The document version the edits were computed for. */
  version: number;
  fixes: FixData[];
}

const SEVERITY: Record<Exclude<RuleLevel, 'off'>, Severity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toTextEdit(doc: TextDocument, e: OffsetEdit): TextEdit {
  return { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText };
}

export function toDiagnostic(doc: TextDocument, r: RuleResult): Diagnostic {
  const { finding, rule } = r;
  const data: DiagnosticData = {
    version: doc.version,
    fixes: finding.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => toTextEdit(doc, e)), isPreferred: !!f.preferred, safe: !!f.safe })),
  };
  const d: Diagnostic = {
    range: { start: doc.positionAt(finding.span.start), end: doc.positionAt(finding.span.end) },
    severity: SEVERITY[r.level],
    source: DIAGNOSTIC_SOURCE,
    code: rule.id,
    codeDescription: { href: docsUrl(rule.id) },
    message: finding.message,
    data,
  };
  if (finding.tags?.length) d.tags = finding.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return d;
}

/** Every rule over the document's model, honouring the settings and suppression comments. */
export function doValidate(ctx: FeatureContext): Diagnostic[] {
  const { results, failures } = runRules({ document: ctx.document, model: ctx.model, settings: ctx.settings, importEdit: ctx.importEdit });
  // A rule that throws is a bug; the others still report. stderr reaches the client's server log.
  for (const f of failures) console.error(`http-status rule ${f.rule} failed on ${ctx.document.uri} (${ctx.document.languageId}): ${f.error instanceof Error ? f.error.stack : String(f.error)}`);
  return results.map((r) => toDiagnostic(ctx.document, r));
}
