// The Rack version a Ruby project has locked, from the nearest Gemfile.lock above the file.
// Rack 3.1 renamed the 413 and 422 symbols (:content_too_large, :unprocessable_content); older
// Racks raise on the new names, so a project locked below 3.1 must keep writing the old ones.
// The lockfile is read as text (never executed), once per change of its modification time.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LockedVersion {
  major: number;
  minor: number;
}

/** Directory -> the Gemfile.lock that governs it (null: none up to the filesystem root). */
const lockOfDir = new Map<string, string | null>();
const versionOfLock = new Map<string, { mtimeMs: number; version: LockedVersion | undefined }>();

/** Lockfiles larger than this are not a Gemfile.lock we can use. */
const MAX_LOCK_BYTES = 4 * 1024 * 1024;

/** `    rack (3.0.9)` in the GEM specs: four spaces, the gem, its exact version. */
export function rackInLockfile(text: string): LockedVersion | undefined {
  const m = /^ {4}rack \((\d+)\.(\d+)[^)\n]*\)\r?$/m.exec(text);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

function findLock(dir: string): string | null {
  const seen: string[] = [];
  let found: string | null = null;
  for (let d = dir, i = 0; i < 64; i++) {
    const known = lockOfDir.get(d);
    if (known !== undefined) {
      found = known;
      break;
    }
    seen.push(d);
    const candidate = join(d, 'Gemfile.lock');
    try {
      if (statSync(candidate).isFile()) {
        found = candidate;
        break;
      }
    } catch {
      // Not here: look one level up.
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of seen) lockOfDir.set(d, found);
  return found;
}

/** The locked Rack version for a document, when it is a file under a project with a Gemfile.lock naming rack. */
export function lockedRack(uri: string): LockedVersion | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let lock: string | null;
  try {
    lock = findLock(dirname(fileURLToPath(uri)));
  } catch {
    return undefined;
  }
  if (!lock) return undefined;
  try {
    const st = statSync(lock);
    const cached = versionOfLock.get(lock);
    if (cached && cached.mtimeMs === st.mtimeMs) return cached.version;
    const version = st.size <= MAX_LOCK_BYTES ? rackInLockfile(readFileSync(lock, 'utf8')) : undefined;
    versionOfLock.set(lock, { mtimeMs: st.mtimeMs, version });
    return version;
  } catch {
    return undefined;
  }
}

/** True when the project is locked to a Rack that lacks the 3.1 names; undefined when unknown. */
export function rackBefore31(uri: string): boolean | undefined {
  const v = lockedRack(uri);
  return v ? v.major < 3 || (v.major === 3 && v.minor < 1) : undefined;
}

/** Forget where lockfiles are (one was added or removed). */
export function clearRackVersions(): void {
  lockOfDir.clear();
  versionOfLock.clear();
}
