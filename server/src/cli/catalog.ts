// The rule table as the CLI shows it: ids for --rule, descriptions and docs links for SARIF and
// the `rules` command. Importing rules/config registers the rule settings before any settings
// file is normalised.
import '../rules/config';
import { docsUrl, ruleById, rules } from '../rules';
import { suggest, UsageError, type RuleSetting } from './args';

export interface RuleEntry {
  id: string;
  defaultLevel: RuleSetting;
  description: string;
  helpUri: string;
}

export function ruleCatalog(): RuleEntry[] {
  return rules.map((r) => ({ id: r.id, defaultLevel: r.defaultLevel, description: r.description, helpUri: docsUrl(r.id) }));
}

/** Throws a UsageError naming the nearest rule id when `id` is not one. */
export function assertRuleId(id: string): void {
  if (ruleById(id)) return;
  const ids = rules.map((r) => r.id);
  throw new UsageError(`--rule: there is no rule '${id}'${suggest(id, ids)}; run 'http-status-hints rules' for the list`);
}
