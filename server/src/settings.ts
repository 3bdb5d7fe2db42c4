// The server's settings: one typed object, defaults, and a normaliser that falls back to the
// default for anything malformed and says which setting was wrong, once.

export type HoverFormat = 'full' | 'compact';

export type CompletionStyle = 'auto' | 'number' | 'constant';
export type UncommonCodes = 'bottom' | 'hide';
export type InlayMode = 'off' | 'all' | 'uncommon';

export interface Settings {
  enable: boolean;
  hover: { format: HoverFormat };
  completion: { style: CompletionStyle; uncommonCodes: UncommonCodes };
  inlayHints: { mode: InlayMode };
  /** Documents larger than this many bytes are not analysed. */
  maxFileSize: number;
}

export const defaultSettings: Settings = {
  enable: true,
  hover: { format: 'full' },
  completion: { style: 'auto', uncommonCodes: 'bottom' },
  inlayHints: { mode: 'uncommon' },
  maxFileSize: 2 * 1024 * 1024,
};

type Check<T> = (value: unknown) => value is T;
const isBool: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
const oneOf = <T extends string>(...values: T[]): Check<T> => (v): v is T => typeof v === 'string' && (values as string[]).includes(v);
const isPositiveInt: Check<number> = (v): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** A field of the settings tree: its path, its check, and how to read and write it. */
interface Field {
  path: string;
  check: Check<unknown>;
  get(s: Settings): unknown;
  set(s: Settings, v: unknown): void;
}

const fields: Field[] = [];

/** Registers a settings field; features register their own fields next to their code. */
export function registerSetting<T>(path: string, check: Check<T>, get: (s: Settings) => T, set: (s: Settings, v: T) => void): void {
  fields.push({ path, check: check as Check<unknown>, get: get as (s: Settings) => unknown, set: set as (s: Settings, v: unknown) => void });
}

registerSetting('enable', isBool, (s) => s.enable, (s, v) => (s.enable = v));
registerSetting('hover.format', oneOf<HoverFormat>('full', 'compact'), (s) => s.hover.format, (s, v) => (s.hover.format = v));
registerSetting('completion.style', oneOf<CompletionStyle>('auto', 'number', 'constant'), (s) => s.completion.style, (s, v) => (s.completion.style = v));
registerSetting('completion.uncommonCodes', oneOf<UncommonCodes>('bottom', 'hide'), (s) => s.completion.uncommonCodes, (s, v) => (s.completion.uncommonCodes = v));
registerSetting('inlayHints.mode', oneOf<InlayMode>('off', 'all', 'uncommon'), (s) => s.inlayHints.mode, (s, v) => (s.inlayHints.mode = v));
registerSetting('maxFileSize', isPositiveInt, (s) => s.maxFileSize, (s, v) => (s.maxFileSize = v));

/** Extra normalisers for settings that are maps (e.g. per-rule severities). */
const mapNormalisers: ((raw: Record<string, unknown>, out: Settings, warn: (msg: string) => void) => void)[] = [];
export function registerMapSetting(fn: (raw: Record<string, unknown>, out: Settings, warn: (msg: string) => void) => void): void {
  mapNormalisers.push(fn);
}

function readPath(raw: unknown, path: string): unknown {
  let v: unknown = raw;
  for (const part of path.split('.')) {
    // Accept both nested objects and VS Code's flat dotted keys (read below when nesting fails).
    if (v === null || typeof v !== 'object') {
      v = undefined;
      break;
    }
    const obj = v as Record<string, unknown>;
    v = obj[part];
  }
  if (v === undefined && raw && typeof raw === 'object') v = (raw as Record<string, unknown>)[path];
  return v;
}

export function cloneDefaults(): Settings {
  return structuredClone(defaultSettings);
}

/**
 * Merges raw user settings onto the defaults. Every value of the wrong type or unknown value is
 * replaced by its default and reported in `warnings`, naming the setting.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  const settings = cloneDefaults();
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { settings, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, warnings: ['httpStatusHints: settings must be an object; using the defaults.'] };
  }
  for (const f of fields) {
    const v = readPath(raw, f.path);
    if (v === undefined) continue;
    if (f.check(v)) f.set(settings, v);
    else warnings.push(`httpStatusHints.${f.path}: ${JSON.stringify(v)} is not valid; using the default ${JSON.stringify(f.get(settings))}.`);
  }
  for (const m of mapNormalisers) m(raw as Record<string, unknown>, settings, (msg) => warnings.push(msg));
  return { settings, warnings };
}
