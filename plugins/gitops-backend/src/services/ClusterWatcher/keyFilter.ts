/** Bits per key: with 4 probes, about 1 false "maybe" in 100 lookups. */
const BITS_PER_KEY = 10;
const PROBES = 4;
const MIN_BITS = 1 << 13;
/** Below this many removed keys a rebuild is not worth its scan of every report. */
const MIN_REBUILD_REMOVALS = 256;

/** Two independent 32-bit hashes of a string (FNV-1a with two offset bases). */
export function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return [a >>> 0, (b >>> 0) | 1];
}

/**
 * A Bloom filter of object keys: "certainly not among them" without holding the keys (1.3 to 2.5 bytes per key,
 * in an ArrayBuffer). Keys cannot be taken out: the owner counts the removed ones and rebuilds the filter from the
 * keys it has when they outnumber the live ones (`needsRebuild`).
 */
export class KeyFilter {
  private bits = new Uint32Array(KeyFilter.words(0));
  private live = 0;
  private removed = 0;

  private static words(keys: number) {
    let bits = MIN_BITS;
    while (bits < keys * BITS_PER_KEY) bits *= 2;
    return bits / 32;
  }

  add(key: string) {
    this.live++;
    for (const bit of this.positions(key)) {
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** The key is no longer wanted (its bits stay set until the next rebuild). */
  removedOne() {
    this.live--;
    this.removed++;
  }

  /** False: the key was never added. True: it probably was. */
  mayHave(key: string): boolean {
    if (this.live === 0) return false;
    return this.positions(key).every(
      bit => (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0,
    );
  }

  /** The bits a key sets (double hashing). */
  private positions(key: string): number[] {
    const [h1, h2] = hashes(key);
    const mask = this.bits.length * 32 - 1;
    return Array.from({ length: PROBES }, (_, i) => (h1 + i * h2) & mask);
  }

  /** Too many stale or too many live keys for its size: the false "maybe"s grow. */
  get needsRebuild(): boolean {
    return (
      this.removed > Math.max(this.live, MIN_REBUILD_REMOVALS) ||
      this.live * BITS_PER_KEY > this.bits.length * 32
    );
  }

  /** Starts over with exactly these keys, with room for as many again. */
  rebuild(keys: Iterable<string>, count: number) {
    this.bits = new Uint32Array(KeyFilter.words(count * 2));
    this.live = 0;
    this.removed = 0;
    for (const key of keys) this.add(key);
  }
}
