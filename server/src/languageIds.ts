// Editors name languages differently (Neovim sends its filetype, e.g. `cs`; Helix `c-sharp`).
// The server maps the common aliases, and falls back to the file extension for ids it does
// not know, so one configuration works in every LSP client.

const ALIASES: Record<string, string> = {
  cs: 'csharp',
  'c-sharp': 'csharp',
  c_sharp: 'csharp',
  'c#': 'csharp',
  js: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  tsx: 'typescriptreact',
  'javascript.jsx': 'javascriptreact',
  'typescript.tsx': 'typescriptreact',
  py: 'python',
  python3: 'python',
  golang: 'go',
  rb: 'ruby',
  rs: 'rust',
  yml: 'yaml',
  'yaml.openapi': 'yaml',
  'json.openapi': 'json',
  rest: 'http',
  httpyac: 'http',
};

const BY_EXTENSION: Record<string, string> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', mts: 'typescript', cts: 'typescript',
  tsx: 'typescriptreact', py: 'python', go: 'go', java: 'java', cs: 'csharp', rb: 'ruby', php: 'php', rs: 'rust',
  yaml: 'yaml', yml: 'yaml', json: 'json', http: 'http', rest: 'http',
};

/** The VS Code language id for what a client sent, using the URI's extension as a fallback. */
export function normalizeLanguageId(languageId: string, uri: string, known: (id: string) => boolean): string {
  const id = (languageId ?? '').toLowerCase();
  if (known(id)) return id;
  const alias = ALIASES[id];
  if (alias && known(alias)) return alias;
  const ext = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(uri)?.[1]?.toLowerCase();
  const byExt = ext ? BY_EXTENSION[ext] : undefined;
  return byExt && known(byExt) ? byExt : languageId;
}

/** The language id for a file path (CLI). */
export function languageIdForPath(path: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}
