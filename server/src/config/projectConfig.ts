// The project's own settings file, shared by the editor and CI so that both report the same
// findings: `.http-status-hints.json` (JSON with comments) or the "httpStatusHints" key of
// package.json, at the repository root. The values are the editor's settings without the
// `httpStatusHints.` prefix, normalised by the same normalizeSettings.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { normalizeSettings, type Settings } from '../settings';

export const CONFIG_FILE = '.http-status-hints.json';
export const PACKAGE_KEY = 'httpStatusHints';

/** A settings file that cannot be used at all (bad JSON, not an object). */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ConfigError';
  }
}

export interface ProjectConfig {
  /** The file the settings came from (as given to the reader), or undefined for none. */
  source?: string;
  /** The settings object as written, before normalising. */
  raw: Record<string, unknown>;
  settings: Settings;
  /** One line per value that was not valid and fell back to its default. */
  warnings: string[];
}

export interface ConfigTexts {
  /** Contents of `.http-status-hints.json`, when it exists. */
  configFile?: { name: string; text: string };
  /** Contents of package.json, when it exists. */
  packageJson?: { name: string; text: string };
}

/**
 * Pure: the project's settings from the texts of its settings files. The dedicated file wins
 * over the package.json key. `overrides` (already in settings shape) are merged on top, so
 * command-line flags go through the same checks. Throws ConfigError for unusable files.
 */
export function parseProjectConfig(texts: ConfigTexts, overrides?: (raw: Record<string, unknown>) => Record<string, unknown>): ProjectConfig {
  let raw: Record<string, unknown> = {};
  let source: string | undefined;
  const warnings: string[] = [];
  const fromPackage = texts.packageJson ? packageSection(texts.packageJson.name, texts.packageJson.text) : undefined;
  if (texts.configFile) {
    raw = asObject(texts.configFile.name, parseJsonc(texts.configFile.name, texts.configFile.text), 'the file');
    source = texts.configFile.name;
    if (fromPackage !== undefined) warnings.push(`${texts.packageJson!.name}: the "${PACKAGE_KEY}" key is ignored because ${texts.configFile.name} exists.`);
  } else if (fromPackage !== undefined) {
    raw = asObject(texts.packageJson!.name, fromPackage, `"${PACKAGE_KEY}"`);
    source = texts.packageJson!.name;
  }
  const merged = overrides ? overrides(structuredClone(raw)) : raw;
  const normalised = normalizeSettings(merged);
  const where = source ?? 'settings';
  warnings.push(...normalised.warnings.map((w) => `${where}: ${w}`));
  return { source, raw, settings: normalised.settings, warnings };
}

/**
 * For the language server: the editor's raw `httpStatusHints` settings with the project file's
 * values laid over them, key by key (nested objects such as `rules` are merged), so a rule the
 * team set in the file reads the same in the editor as in CI. Normalise the result as usual.
 */
export function withProjectSettings(editorRaw: unknown, projectRaw: Record<string, unknown>): Record<string, unknown> {
  const base = editorRaw && typeof editorRaw === 'object' && !Array.isArray(editorRaw) ? structuredClone(editorRaw as Record<string, unknown>) : {};
  return deepMerge(base, projectRaw);
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    const bothObjects = [current, value].every((v) => v && typeof v === 'object' && !Array.isArray(v));
    into[key] = bothObjects ? deepMerge({ ...(current as Record<string, unknown>) }, value as Record<string, unknown>) : structuredClone(value);
  }
  return into;
}

/** Reads the settings files at `root` (the repository root). Throws ConfigError for unusable files. */
export function loadProjectConfig(root: string, overrides?: (raw: Record<string, unknown>) => Record<string, unknown>): ProjectConfig {
  return parseProjectConfig(
    {
      configFile: readIfExists(join(root, CONFIG_FILE)),
      packageJson: readIfExists(join(root, 'package.json')),
    },
    overrides,
  );
}

/** Reads a settings file named explicitly (e.g. `--config`); it must exist. */
export function loadConfigFile(file: string, overrides?: (raw: Record<string, unknown>) => Record<string, unknown>): ProjectConfig {
  const found = readIfExists(file);
  if (!found) throw new ConfigError(file, 'no such file');
  return /(^|[\\/])package\.json$/.test(file) ? parseProjectConfig({ packageJson: found }, overrides) : parseProjectConfig({ configFile: found }, overrides);
}

/**
 * The repository root for a directory: the nearest ancestor holding `.git`, or the directory
 * itself outside a repository.
 */
export function findProjectRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(start);
    dir = up;
  }
}

function readIfExists(file: string): { name: string; text: string } | undefined {
  try {
    return { name: file, text: readFileSync(file, 'utf8') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function packageSection(name: string, text: string): unknown {
  const pkg = parseJsonc(name, text, false);
  return pkg && typeof pkg === 'object' && !Array.isArray(pkg) ? (pkg as Record<string, unknown>)[PACKAGE_KEY] : undefined;
}

function asObject(file: string, value: unknown, what: string): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new ConfigError(file, `${what} must be a JSON object of settings, e.g. { "maxFileSize": 1048576 }`);
}

function parseJsonc(file: string, text: string, comments = true): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: comments, disallowComments: !comments });
  if (errors.length) {
    const e = errors[0];
    const { line, column } = lineColumn(text, e.offset);
    throw new ConfigError(file, `invalid JSON at line ${line}, column ${column}: ${humanise(printParseErrorCode(e.error))}`);
  }
  return value;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** `PropertyNameExpected` -> `property name expected`. */
function humanise(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
