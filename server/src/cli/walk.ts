// Which files a check looks at. Paths named on the command line are always taken; inside the
// folders it walks, .gitignore, dependency and build folders decide, and whatever is passed
// over is counted so the summary can say so.
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXCLUDED_DIRS, IgnoreStack } from './ignoreRules';
import { languageIdForPath } from './languageIds';
import { UsageError } from './args';

export interface WalkSkips {
  /** Files and folders that .gitignore excludes. */
  gitignored: number;
  /** Dependency, build and VCS folders by name, with how many of each were passed over. */
  excludedDirs: Record<string, number>;
  /** Symbolic links are not followed (they can loop, or point outside the tree). */
  symlinks: number;
}

export interface WalkResult {
  /** Absolute paths of the files some adapter may serve, sorted and without duplicates. */
  files: string[];
  skips: WalkSkips;
}

export function collectFiles(paths: readonly string[], cwd: string, root: string): WalkResult {
  const files = new Set<string>();
  const skips: WalkSkips = { gitignored: 0, excludedDirs: {}, symlinks: 0 };

  const walkDir = (dir: string, stack: IgnoreStack): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to check in it
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isSymbolicLink()) {
        skips.symlinks++;
      } else if (e.isDirectory()) {
        if (EXCLUDED_DIRS.has(e.name)) skips.excludedDirs[e.name] = (skips.excludedDirs[e.name] ?? 0) + 1;
        else if (stack.ignores(path, true)) skips.gitignored++;
        else walkDir(path, stack.enter(path));
      } else if (e.isFile() && languageIdForPath(path)) {
        if (stack.ignores(path, false)) skips.gitignored++;
        else files.add(path);
      }
    }
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      const st = lstatSync(abs);
      isDir = st.isDirectory() || (st.isSymbolicLink() && lstatSafeDir(abs));
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (isDir) walkDir(abs, IgnoreStack.forDir(root, abs));
    else if (languageIdForPath(abs)) files.add(abs);
  }
  return { files: [...files].sort(), skips };
}

/** A symbolic link named on the command line is followed: the user asked for it. */
function lstatSafeDir(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}
