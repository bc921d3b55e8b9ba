// The one bounded memo of the project: answers of pure functions per key (a word form, a name, a role),
// kept for the recently used keys only, so a long reading session cannot grow them without end.

/**
 * A map that keeps at least the `max` most recently used keys and at most 2 × `max` entries, in two
 * generations (as hashlru and quick-lru do): new and recently read entries go to the young generation; when
 * it holds `max` it becomes the old one and the previous old one is dropped. A hit on a young entry costs
 * one Map look-up, so it can sit on the hottest paths. Values are never `undefined` (that means "not kept").
 */
export class Memo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const kept = this.old.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  set(key: K, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.max) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  /** Entries kept now (a key read again from the old generation counts twice), at most 2 × `max`. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
