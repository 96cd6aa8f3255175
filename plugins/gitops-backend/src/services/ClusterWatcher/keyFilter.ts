import { hashes } from '../../lib/fnvHashes';

/** Bits per key: with 4 probes, about 1 false "maybe" in 100 lookups. */
const BITS_PER_KEY = 10;
const PROBES = 4;
const MIN_BITS = 1 << 13;
/** Below this many removed keys a rebuild is not worth its scan of every report. */
const MIN_REBUILD_REMOVALS = 256;

/**
 * A Bloom filter of object keys: "certainly not among them" without holding the keys (1.3 to 2.5 bytes per key,
 * in an ArrayBuffer). Keys cannot be taken out: the owner counts the removed ones and rebuilds the filter from the
 * keys it has when they outnumber the live ones (`needsRebuild`).
 */
export class KeyFilter {
  /** Bit `(h1 + i * h2) mod size` for probes i = 0..3 of a key (double hashing), in loops: no array per probe. */
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
    const [h1, h2] = hashes(key);
    const { bits } = this;
    const mask = bits.length * 32 - 1;
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + i * h2) & mask;
      bits[bit >>> 5] |= 1 << (bit & 31);
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
    const [h1, h2] = hashes(key);
    const { bits } = this;
    const mask = bits.length * 32 - 1;
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + i * h2) & mask;
      if ((bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  /** It holds no key that is still wanted (a rebuild needs none of the owner's keys but the new ones). */
  get holdsNone(): boolean {
    return this.live <= 0;
  }

  /** Too many stale or too many live keys for its size: the false "maybe"s grow. */
  get needsRebuild(): boolean {
    return this.needsRebuildAdding(0);
  }

  /** Whether it would need a rebuild with `count` more keys (then adding them first is wasted work). */
  needsRebuildAdding(count: number): boolean {
    const live = this.live + count;
    return (
      this.removed > Math.max(live, MIN_REBUILD_REMOVALS) ||
      live * BITS_PER_KEY > this.bits.length * 32
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
