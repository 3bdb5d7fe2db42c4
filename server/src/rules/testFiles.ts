// Which documents are tests. Tests set up odd responses on purpose (a mock that answers 418, a
// fake 500 without Retry-After), so the rules about production responses skip them.
// Patterns are globs matched against the document's path, or /regular expressions/.

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

const compiled = new Map<string, RegExp | undefined>();

/** A glob (`**`, `*`, `?`, `{a,b}`) or a `/regex/flags` as a RegExp over a `/`-separated path; undefined when invalid. */
export function patternToRegExp(pattern: string): RegExp | undefined {
  if (compiled.has(pattern)) return compiled.get(pattern);
  let re: RegExp | undefined;
  try {
    const m = /^\/(.+)\/([a-z]*)$/.exec(pattern);
    re = m ? new RegExp(m[1], m[2]) : new RegExp(`^${globSource(pattern)}$`);
  } catch {
    re = undefined;
  }
  compiled.set(pattern, re);
  return re;
}

function globSource(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of directories, including none; a trailing `**` anything.
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      out += '(?:';
      braces++;
    } else if (ch === '}' && braces) {
      out += ')';
      braces--;
    } else if (ch === ',' && braces) out += '|';
    else out += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  if (braces) throw new Error('unbalanced braces');
  // A pattern without a directory part names a file anywhere.
  return glob.includes('/') ? out : `(?:.*/)?${out}`;
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
  return list.some((p) => patternToRegExp(p)?.test(path) ?? false);
}
