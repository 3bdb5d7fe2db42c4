// Runs the rule table over one document's model: levels from the settings, test files exempt
// from the production rules, suppression comments honoured. The editor and the CLI share it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel, OffsetEdit } from '../model';
import type { Settings } from '../settings';
import { levelOf } from './config';
import { rules } from './index';
import { isSuppressed, readSuppressions } from './suppression';
import { isTestFile } from './testFiles';
import type { Finding, Rule, RuleLevel } from './types';

export interface RuleResult {
  rule: Rule;
  level: Exclude<RuleLevel, 'off'>;
  finding: Finding;
}

export interface RunInput {
  document: TextDocument;
  model: DocumentModel;
  settings: Settings;
  importEdit?(vocabulary: string): OffsetEdit | undefined;
}

export interface RunOutput {
  results: RuleResult[];
  /** Rules that threw on this document (a bug; the other rules still ran). */
  failures: { rule: string; error: unknown }[];
}

export function runRules({ document, model, settings, importEdit }: RunInput): RunOutput {
  const out: RunOutput = { results: [], failures: [] };
  if (settings.diagnostics?.enable === false) return out;
  const testFile = isTestFile(document.uri, document.languageId, settings.testFiles);
  const suppressions = readSuppressions(model.comments, document);
  const text = document.getText();
  for (const rule of rules) {
    const level = levelOf(rule, settings);
    if (level === 'off' || (testFile && !rule.appliesToTests)) continue;
    let findings: Finding[];
    try {
      findings = rule.check(model, { text, languageId: document.languageId, uri: document.uri, isTestFile: testFile, level, importEdit: (v) => importEdit?.(v) });
    } catch (error) {
      out.failures.push({ rule: rule.id, error });
      continue;
    }
    for (const finding of findings) {
      const line = document.positionAt(finding.span.start).line;
      if (isSuppressed(suppressions, rule.id, line)) continue;
      // A finding's own level (503 is only info) holds while the user keeps the rule's default.
      const effective = level === rule.defaultLevel && finding.level ? finding.level : level;
      out.results.push({ rule, level: effective, finding });
    }
  }
  out.results.sort((a, b) => a.finding.span.start - b.finding.span.start || a.rule.id.localeCompare(b.rule.id));
  return out;
}
