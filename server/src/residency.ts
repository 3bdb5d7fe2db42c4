// Which open documents keep their parse tree and model in memory. A tree takes ~36 bytes of the
// tree-sitter wasm heap per character of text (~11 MB for a 10,000-line file), and the wasm heap
// never shrinks; a model ~18 bytes of JS heap per character (its facts hold the tree's nodes).
// With 50 such files open that was ~900 MB. Only the most recently used documents stay
// resident, within a count and a text budget; the others keep their text and are parsed and
// analysed again when a feature needs them. This module only keeps the order and the sizes;
// DocumentStore frees what it names.

export interface ResidentLimit {
  /** At most this many documents keep a tree and a model. */
  documents: number;
  /** And their texts add up to at most this many characters (the document just used always stays). */
  characters: number;
}

/**
 * Eight documents and 640K characters: every file of an ordinary session (a few hundred to a
 * few thousand lines each), but no more than two 10,000-line files (~30 MB of trees and models).
 */
export const DEFAULT_RESIDENT: ResidentLimit = { documents: 8, characters: 640 * 1024 };

export const UNLIMITED: ResidentLimit = { documents: Infinity, characters: Infinity };

/**
 * The limit for the server: HTTP_STATUS_HINTS_RESIDENT is a number of documents (with the
 * default text budget), or `all` for no limit (the benchmark's baseline, and the server as it
 * was before); anything else means the default.
 */
export function residentLimitFromEnv(value = process.env.HTTP_STATUS_HINTS_RESIDENT): ResidentLimit {
  const v = value?.trim().toLowerCase();
  if (v === 'all') return UNLIMITED;
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 ? { ...DEFAULT_RESIDENT, documents: n } : DEFAULT_RESIDENT;
}

/** Least-recently-used order of keys, each with a size, bounded by a count and a total size. */
export class Residency {
  // A Map iterates in insertion order: deleting and re-inserting a key moves it to the end.
  private readonly order = new Map<string, number>();
  private total = 0;

  constructor(readonly limit: ResidentLimit) {
    if (!(limit.documents >= 1) || !(limit.characters >= 0)) throw new RangeError(`bad resident limit ${JSON.stringify(limit)}`);
  }

  /**
   * Marks `key` (of `size` characters) as just used; returns the keys that must give up their
   * memory now, least recently used first. `key` itself is never among them.
   */
  touch(key: string, size: number): string[] {
    this.forget(key);
    this.order.set(key, size);
    this.total += size;
    const evicted: string[] = [];
    for (const [k, s] of this.order) {
      if (this.order.size - evicted.length <= this.limit.documents && this.total <= this.limit.characters) break;
      if (k === key) continue;
      evicted.push(k);
      this.total -= s;
    }
    for (const k of evicted) this.order.delete(k);
    return evicted;
  }

  /** The key no longer holds anything (closed, or its tree was dropped). */
  forget(key: string): void {
    const size = this.order.get(key);
    if (size === undefined) return;
    this.total -= size;
    this.order.delete(key);
  }

  /** Resident keys, least recently used first. */
  keys(): string[] {
    return [...this.order.keys()];
  }
}
