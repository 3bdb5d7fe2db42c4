// .gitignore semantics for the walk: every .gitignore from the repository root down to a file's
// folder applies to it, patterns are relative to their own file's folder, and the deepest file
// with a matching pattern decides (so a nested `!keep.js` re-includes what a parent ignored).
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Level {
  dir: string;
  rules: Ignore;
}

/** Folders never walked into: dependencies, build output and version control. */
export const EXCLUDED_DIRS = new Set(['node_modules', 'bower_components', 'vendor', 'dist', 'build', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.tox']);

export class IgnoreStack {
  private constructor(private readonly levels: readonly Level[]) {}

  /** The rules in force in `dir`: .git/info/exclude at the root, then each .gitignore from root down to dir. */
  static forDir(root: string, dir: string): IgnoreStack {
    let stack = new IgnoreStack([]);
    const info = readRules(join(root, '.git', 'info', 'exclude'));
    if (info) stack = new IgnoreStack([{ dir: root, rules: info }]);
    const rel = relative(root, dir);
    if (rel.startsWith('..') || rel === '..' || /^[a-zA-Z]:/.test(rel)) return stack.enter(dir);
    let current = root;
    stack = stack.enter(root);
    for (const part of rel ? rel.split(sep) : []) {
      current = join(current, part);
      stack = stack.enter(current);
    }
    return stack;
  }

  /** The stack for a child folder: adds the folder's own .gitignore, if it has one. */
  enter(dir: string): IgnoreStack {
    const rules = readRules(join(dir, '.gitignore'));
    return rules ? new IgnoreStack([...this.levels, { dir, rules }]) : this;
  }

  /** True when git would ignore `path` (a folder when `isDir`). */
  ignores(path: string, isDir: boolean): boolean {
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const { dir, rules } = this.levels[i];
      const rel = relative(dir, path);
      if (!rel || rel.startsWith('..')) continue;
      const verdict = rules.test(rel.split(sep).join('/') + (isDir ? '/' : ''));
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

function readRules(file: string): Ignore | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}
