// The diagnostics settings, registered from here so the rules own them:
//   httpStatusHints.diagnostics.enable   on/off for every rule
//   httpStatusHints.rules.<id>           off | hint | info | warning | error
//   httpStatusHints.testFiles            { "<languageId>" | "*": [glob] }
// Anything malformed falls back to its default with one warning that names the setting.
import { defaultSettings, registerMapSetting, registerSetting, type Settings } from '../settings';
import { ruleById, rules } from './index';
import { compileTestPattern, defaultTestFiles } from './testFiles';
import { ruleLevels, type Rule, type RuleLevel } from './types';

declare module '../settings' {
  interface Settings {
    diagnostics?: { enable: boolean };
    /** Levels the user set, by rule id; a rule not listed runs at its default level. */
    rules?: Record<string, RuleLevel>;
    testFiles?: Record<string, string[]>;
  }
}

defaultSettings.diagnostics = { enable: true };
defaultSettings.rules = {};
defaultSettings.testFiles = structuredClone(defaultTestFiles);

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
registerSetting('diagnostics.enable', isBool, (s) => s.diagnostics?.enable ?? true, (s, v) => (s.diagnostics = { enable: v }));

const ALIASES: Record<string, RuleLevel> = { information: 'info', warn: 'warning' };

registerMapSetting((raw, out, warn) => {
  const entries: [string, unknown][] = [];
  const nested = raw.rules;
  if (nested !== undefined && (nested === null || typeof nested !== 'object' || Array.isArray(nested))) {
    warn('httpStatusHints.rules: expected an object of rule ids to levels; using the default levels.');
  } else if (nested) {
    entries.push(...Object.entries(nested as Record<string, unknown>));
  }
  // Clients that send VS Code's flat keys: { "rules.nonstandard-code": "off" }.
  for (const [k, v] of Object.entries(raw)) if (k.startsWith('rules.')) entries.push([k.slice(6), v]);
  const levels: Record<string, RuleLevel> = {};
  for (const [id, value] of entries) {
    const rule = ruleById(id);
    if (!rule) {
      warn(`httpStatusHints.rules.${id}: there is no rule with this id; the setting is ignored.`);
      continue;
    }
    const level = typeof value === 'string' ? (ALIASES[value] ?? value) : value;
    if (typeof level === 'string' && (ruleLevels as string[]).includes(level)) levels[id] = level as RuleLevel;
    else warn(`httpStatusHints.rules.${id}: ${JSON.stringify(value)} is not one of ${ruleLevels.join(', ')}; using the default "${rule.defaultLevel}".`);
  }
  out.rules = levels;
});

registerMapSetting((raw, out, warn) => {
  const value = raw.testFiles ?? raw['testFiles'];
  if (value === undefined) return;
  const merged = structuredClone(defaultTestFiles);
  const given: Record<string, unknown> = Array.isArray(value) ? { '*': value } : value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  if (!Array.isArray(value) && (value === null || typeof value !== 'object')) {
    warn('httpStatusHints.testFiles: expected an object of language ids to lists of patterns; using the defaults.');
  }
  for (const [lang, list] of Object.entries(given)) {
    if (!Array.isArray(list)) {
      warn(`httpStatusHints.testFiles.${lang}: expected a list of patterns; using the default.`);
      continue;
    }
    merged[lang] = list.filter((p): p is string => {
      const refused = typeof p !== 'string' ? 'not a glob' : compileTestPattern(p);
      if (typeof refused === 'string') warn(`httpStatusHints.testFiles.${lang}: ${JSON.stringify(p)} is ${refused}; it is ignored.`);
      return typeof refused !== 'string';
    });
  }
  out.testFiles = merged;
});

/** The level a rule runs at under these settings. */
export function levelOf(rule: Rule, settings: Settings): RuleLevel {
  return settings.rules?.[rule.id] ?? rule.defaultLevel;
}

/** Every rule with its default level, for package.json and docs. */
export function ruleDefaults(): { id: string; level: RuleLevel; description: string }[] {
  return rules.map((r) => ({ id: r.id, level: r.defaultLevel, description: r.description }));
}
