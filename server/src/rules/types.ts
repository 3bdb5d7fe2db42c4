// The shape of a diagnostic rule. A rule reads only the language-neutral model and the status
// data; what it finds carries ready-made edits, so code actions never re-run the analysis.
import type { DocumentModel, OffsetEdit, Span } from '../model';

/** A rule's level: its setting value and, except for `off`, the diagnostic severity. */
export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';
export const ruleLevels: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** One way to fix a finding. */
export interface FixCandidate {
  title: string;
  edits: OffsetEdit[];
  /** The best fix of the finding; at most one per finding. */
  preferred?: boolean;
  /**
   * Safe to apply without a person choosing: it keeps what the code means apart from fixing the
   * problem, and guesses no value (the CLI's --fix and source.fixAll apply only these).
   */
  safe?: boolean;
}

export interface Finding {
  span: Span;
  message: string;
  /** A level for this finding that differs from the rule's default (e.g. 503 is only info). Used while the rule is at its default level. */
  level?: Exclude<RuleLevel, 'off'>;
  /** Rendered by editors as strike-through (`deprecated`) or faded (`unnecessary`). */
  tags?: ('deprecated' | 'unnecessary')[];
  fixes: FixCandidate[];
}

/** What a rule may know about the document beyond its model. */
export interface RuleContext {
  text: string;
  languageId: string;
  uri: string;
  /** The document is a test file (by the httpStatusHints.testFiles patterns). */
  isTestFile: boolean;
  /** The level the rule runs at (already known not to be `off`). */
  level: Exclude<RuleLevel, 'off'>;
  /** The adapter's edit that imports a vocabulary into this document, if it lacks it. */
  importEdit(vocabulary: string): OffsetEdit | undefined;
}

export interface Rule {
  /** Stable id: the diagnostic code, the setting key and the docs page name. */
  id: string;
  defaultLevel: RuleLevel;
  /** One line for settings and docs. */
  description: string;
  /** Also runs in test files (rules about production responses do not). */
  appliesToTests: boolean;
  check(model: DocumentModel, ctx: RuleContext): Finding[];
}
