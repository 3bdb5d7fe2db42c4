// File name -> the VS Code language id the editor would give the file, so the CLI hands each file
// to the same adapter the editor does. Only ids some adapter serves are kept.
import { basename, extname } from 'node:path';
import { supportedLanguageIds } from '../languages/registry';

const byExtension: Record<string, string> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.py': 'python',
  '.pyi': 'python',
  '.go': 'go',
  '.java': 'java',
  '.cs': 'csharp',
  '.rb': 'ruby',
  '.rake': 'ruby',
  '.php': 'php',
  '.rs': 'rust',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.http': 'http',
  '.rest': 'http',
};

/** Files VS Code knows by name rather than by extension. */
const byName: Record<string, string> = {
  Rakefile: 'ruby',
  Gemfile: 'ruby',
};

let served: Set<string> | undefined;

/** The language id for a path, or undefined when no adapter serves files like it. */
export function languageIdForPath(path: string): string | undefined {
  served ??= new Set(supportedLanguageIds());
  const name = basename(path);
  const id = byName[name] ?? byExtension[extname(name).toLowerCase()];
  return id && served.has(id) ? id : undefined;
}
