// prefer-named-constant (off by default): a bare number where the file could name the status.
// It only speaks where a vocabulary is at hand: one the file already imports, or the standard
// library's own (Python's http.HTTPStatus, Go's net/http). It never adds a dependency.
import { constantFor, vocabularies } from '../data';
import type { DocumentModel, OffsetEdit } from '../model';
import { codeLabel } from './facts';
import type { Finding, Rule, RuleContext } from './types';

/** Vocabularies every program of the language can import without installing anything. */
const STANDARD_LIBRARY: Record<string, string> = { python: 'python-http', go: 'go-http' };

interface Choice {
  vocabulary: string;
  form: string;
  importEdit?: OffsetEdit;
}

function chooseVocabulary(model: DocumentModel, ctx: RuleContext): Choice | undefined {
  const fits = (v: string) => vocabularies()[v]?.languages.includes(ctx.languageId) ?? false;
  const used = model.vocabularies.find((u) => u.imported && fits(u.vocabulary));
  if (used) return { vocabulary: used.vocabulary, form: used.form };
  const std = STANDARD_LIBRARY[ctx.languageId];
  const form = std ? vocabularies()[std]?.form : undefined;
  if (!std || !form) return undefined;
  const importEdit = ctx.importEdit(std);
  // The adapter gives no import edit when the file already has it; a form it already uses is fine too.
  const present = model.vocabularies.some((u) => u.vocabulary === std);
  if (!importEdit && !present) return undefined;
  return { vocabulary: std, form: model.vocabularies.find((u) => u.vocabulary === std)?.form ?? form, importEdit };
}

export const preferNamedConstant: Rule = {
  id: 'prefer-named-constant',
  defaultLevel: 'off',
  description: 'A numeric status where the file could use a named constant (off by default).',
  appliesToTests: true,
  check(model, ctx) {
    const numbers = model.sites.filter((s) => s.kind === 'number' && s.role !== 'reference' && s.role !== 'declaration');
    if (!numbers.length) return [];
    const choice = chooseVocabulary(model, ctx);
    if (!choice) return [];
    const findings: Finding[] = [];
    for (const site of numbers) {
      const name = constantFor(choice.vocabulary, site.code);
      if (!name) continue;
      const written = choice.form.replace('NAME', name);
      const edits: OffsetEdit[] = [{ start: site.span.start, end: site.span.end, newText: written }];
      if (choice.importEdit) edits.unshift(choice.importEdit);
      findings.push({
        span: site.span,
        message: `${codeLabel(site.code)} can be written ${written}, which says what it means.`,
        fixes: [{ title: `Write ${written}`, edits, preferred: true, safe: true }],
      });
    }
    return findings;
  },
};
