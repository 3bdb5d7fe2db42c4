// Which documents are tests. Tests set up odd responses on purpose (a mock that answers 418, a
// fake 500 without Retry-After), so the rules about production responses skip them.
// Patterns are globs matched against the document's path (glob.ts says why not regexes).
import { compileGlob, type Glob } from './glob';

/** Per VS Code language id; `*` applies to every language. */
export const defaultTestFiles: Record<string, string[]> = {
  '*': ['**/test/**', '**/tests/**', '**/__tests__/**', '**/spec/**', '**/__mocks__/**', '**/testdata/**', '**/fixtures/**'],
  javascript: ['**/*.test.*', '**/*.spec.*', '**/*.e2e.*'],
  javascriptreact: ['**/*.test.*', '**/*.spec.*'],
  typescript: ['**/*.test.*', '**/*.spec.*', '**/*.e2e.*'],
  typescriptreact: ['**/*.test.*', '**/*.spec.*'],
  python: ['**/test_*.py', '**/*_test.py', '**/conftest.py'],
  go: ['**/*_test.go'],
  java: ['**/*Test.java', '**/*Tests.java', '**/*IT.java', '**/src/test/**'],
  csharp: ['**/*Test.cs', '**/*Tests.cs', '**/*.Tests/**', '**/*.Test/**'],
  ruby: ['**/*_spec.rb', '**/*_test.rb'],
  php: ['**/*Test.php'],
  rust: ['**/tests/**', '**/benches/**'],
};

const compiled = new Map<string, Glob | string>();

/**
 * A glob (`**`, `*`, `?`, `{a,b}`) compiled for a `/`-separated path, or what it is instead
 * (a phrase: "<pattern> is <phrase>; it is ignored.").
 * `/regular expressions/` are refused: the setting can come from an untrusted repository, and
 * a pattern like `/(a+)+$/` would backtrack for minutes on every file path.
 */
export function compileTestPattern(pattern: string): Glob | string {
  const known = compiled.get(pattern);
  if (known !== undefined) return known;
  let out: Glob | string;
  if (/^\/.+\/[a-z]*$/.test(pattern)) out = 'a regular expression, and only globs (`**`, `*`, `?`, `{a,b}`) are accepted: a pattern from a workspace could hang the server';
  else {
    try {
      out = compileGlob(pattern);
    } catch (e) {
      out = `not a valid glob (${(e as Error).message})`;
    }
  }
  if (compiled.size > 1000) compiled.clear();
  compiled.set(pattern, out);
  return out;
}

/** The document's path from its URI (file URIs decoded; other schemes keep their path). */
export function pathOf(uri: string): string {
  try {
    const u = new URL(uri);
    return decodeURIComponent(u.pathname);
  } catch {
    return uri;
  }
}

/** Workspace folder paths, longest first: patterns match the path inside its folder. */
let roots: string[] = [];

/**
 * Tells test-file matching where the workspace folders are, so that a project kept under a
 * folder named `test` (or the extension's own e2e workspace) is not taken for tests as a whole.
 */
export function setWorkspaceFolders(uris: readonly string[]): void {
  roots = uris.map((u) => pathOf(u).replace(/\/+$/, '')).filter(Boolean).sort((a, b) => b.length - a.length);
}

export function isTestFile(uri: string, languageId: string, patterns: Record<string, string[]> = defaultTestFiles): boolean {
  const full = pathOf(uri);
  const root = roots.find((r) => full.startsWith(`${r}/`));
  const path = root ? full.slice(root.length) : full;
  const list = [...(patterns['*'] ?? []), ...(patterns[languageId] ?? [])];
  return list.some((p) => {
    const g = compileTestPattern(p);
    return typeof g !== 'string' && g.test(path);
  });
}
