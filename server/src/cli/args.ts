// The command line, parsed by hand so that every mistake gets a one-line message that names the
// flag, what it takes, and the flag the user probably meant.

export type Level = 'error' | 'warning' | 'info' | 'hint';
export type RuleSetting = 'off' | Level;
export type Format = 'text' | 'json' | 'sarif';

export const levels: readonly Level[] = ['error', 'warning', 'info', 'hint'];
const ruleSettings: readonly RuleSetting[] = ['off', 'hint', 'info', 'warning', 'error'];
const formats: readonly Format[] = ['text', 'json', 'sarif'];

export interface Options {
  command: 'check' | 'explain' | 'rules' | 'help' | 'version';
  paths: string[];
  format: Format;
  output?: string;
  fix: boolean;
  fixDryRun: boolean;
  rules: { id: string; level: RuleSetting }[];
  maxSeverity: Level;
  config?: string;
  /** Threads, the main one included; undefined picks by the size of the tree. */
  jobs?: number;
  /** undefined: decide from the terminal and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  progress?: boolean;
  explain?: string;
}

/** A mistake on the command line: exit code 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

interface FlagSpec {
  value?: string;
  set(o: Options, v: string): void;
}

const flags: Record<string, FlagSpec> = {
  '--format': { value: formats.join(', '), set: (o, v) => (o.format = oneOf('--format', v, formats)) },
  '--output': { value: 'a file name', set: (o, v) => (o.output = v) },
  '--fix': { set: (o) => (o.fix = true) },
  '--fix-dry-run': { set: (o) => (o.fixDryRun = true) },
  '--rule': { value: 'id=severity, e.g. created-without-location=off', set: (o, v) => o.rules.push(parseRule(v)) },
  '--max-severity': { value: levels.join(', '), set: (o, v) => (o.maxSeverity = oneOf('--max-severity', v, levels, LEVEL_ALIASES)) },
  '--config': { value: 'a settings file', set: (o, v) => (o.config = v) },
  '--jobs': { value: 'a number of threads (1 = no worker threads)', set: (o, v) => (o.jobs = positiveInt('--jobs', v)) },
  '--color': { set: (o) => (o.color = true) },
  '--no-color': { set: (o) => (o.color = false) },
  '--progress': { set: (o) => (o.progress = true) },
  '--no-progress': { set: (o) => (o.progress = false) },
  '--explain': { value: 'a status code, e.g. 409', set: (o, v) => ((o.explain = v), (o.command = 'explain')) },
  '--help': { set: (o) => (o.command = 'help') },
  '--version': { set: (o) => (o.command = 'version') },
};

const aliases: Record<string, string> = { '-f': '--format', '-o': '--output', '-j': '--jobs', '-h': '--help', '-v': '--version', '-V': '--version' };
const commands = ['check', 'explain', 'rules', 'help', 'version'] as const;

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { command: 'check', paths: [], format: 'text', fix: false, fixDryRun: false, rules: [], maxSeverity: 'warning' };
  let command: Options['command'] | undefined;
  let onlyPaths = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (command === undefined && !onlyPaths) {
        if (!(commands as readonly string[]).includes(arg)) throw new UsageError(`unknown command '${arg}'${suggest(arg, commands)}; the commands are ${commands.join(', ')}`);
        command = arg as Options['command'];
      } else positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      if (command === undefined) command = 'check';
      continue;
    }
    const eq = arg.indexOf('=');
    const name = aliases[eq > 0 ? arg.slice(0, eq) : arg] ?? (eq > 0 ? arg.slice(0, eq) : arg);
    const spec = flags[name];
    if (!spec) throw new UsageError(`unknown option '${arg}'${suggest(name, Object.keys(flags))}`);
    if (!spec.value) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      spec.set(o, '');
      continue;
    }
    let value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value: ${spec.value}`);
    value = value.trim();
    if (!value) throw new UsageError(`${name} needs a value: ${spec.value}`);
    spec.set(o, value);
  }
  if (o.command === 'help' || o.command === 'version') return o;
  if (o.command !== 'explain') o.command = command ?? 'check';
  if (o.command === 'explain' && o.explain === undefined) {
    if (positional.length !== 1) throw new UsageError('explain needs one status code, e.g. explain 409');
    o.explain = positional[0];
  } else if (o.command === 'check') {
    o.paths = positional.length ? positional : ['.'];
  } else if (positional.length) {
    throw new UsageError(`${o.command} takes no paths`);
  }
  if (o.fix && o.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (o.fixDryRun && o.format === 'sarif') throw new UsageError('--fix-dry-run prints a diff; use it with --format text or json (SARIF already carries the fixes)');
  return o;
}

/** The spellings the editor's settings also accept. */
const LEVEL_ALIASES: Record<string, string> = { warn: 'warning', information: 'info' };

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[], aliases: Record<string, string> = {}): T {
  const value = aliases[v] ?? v;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} '${v}' is not one of ${allowed.join(', ')}${suggest(v, allowed)}`);
}

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1) throw new UsageError(`${flag} needs a whole number of at least 1, not '${v}'`);
  return n;
}

function parseRule(v: string): { id: string; level: RuleSetting } {
  const m = /^([^=\s]+)\s*=\s*(\S+)$/.exec(v);
  if (!m) throw new UsageError(`--rule '${v}' is not id=severity (e.g. --rule created-without-location=off)`);
  const level = (LEVEL_ALIASES[m[2]] ?? m[2]) as RuleSetting;
  if (!ruleSettings.includes(level)) throw new UsageError(`--rule ${m[1]}: '${m[2]}' is not one of ${ruleSettings.join(', ')}${suggest(m[2], ruleSettings)}`);
  return { id: m[1], level };
}

/** `; did you mean '--format'?` for a near miss, or nothing. */
export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    // A prefix (`--fo`, `warn`) is as good a hint as a typo.
    const d = word.length >= 2 && c.toLowerCase().startsWith(word.toLowerCase()) ? 1 : distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}
