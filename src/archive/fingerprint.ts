/**
 * Page fingerprints, kept small. A page's fingerprint is the JSON of its view model, but an
 * article inside it (or a reference to one) is written as its URL, the hash of its text and
 * what else it shows that the text does not decide: the text decides the excerpt, names, key
 * words and reading time, and the code version is part of every fingerprint. This keeps the
 * fingerprints of 100,000 article pages and their lists to a few bytes per article instead of
 * kilobytes, which is most of what comparing two builds costs.
 */

/** True while `fingerprintJson` runs: only then do marked objects write themselves as keys. */
let compacting = false;

/**
 * Base of the objects that stand in page fingerprints by a key: an article, a reference to one,
 * a link to one. The key is a private field, invisible to JSON and to `toEqual`; a class rather
 * than a property defined on each object, because the plan makes 300,000 of them at 100k
 * articles and `Object.defineProperty` made that ten times slower.
 */
export class Fingerprinted {
  readonly #fingerprint: string;
  /**
   * The key hashed, on first use: page keys take it as two numbers, not its characters. Kept
   * as two fields of the object, not an array: the pages of a 100k archive mix in a million
   * keys, and each array was one more read from memory far from the last.
   */
  #hashed = false;
  #a = 0;
  #b = 0;

  constructor(fingerprint: string) {
    this.#fingerprint = fingerprint;
  }

  // JSON.stringify calls `toJSON` natively, and only on the objects that have one: several
  // times cheaper than a replacer function called for every value.
  toJSON(): unknown {
    return compacting ? this.#fingerprint : this;
  }

  /** Mixes the hash of the key `value` stands as into `key`; false if it is not one of these. */
  static mixInto(value: object, key: KeyHash): boolean {
    if (!(#fingerprint in value)) return false;
    if (!value.#hashed) {
      [value.#a, value.#b] = new KeyHash().add(value.#fingerprint).digestWords();
      value.#hashed = true;
    }
    key.addWords(value.#a, value.#b);
    return true;
  }
}

/** The JSON of a view model, with marked objects written as their keys. */
export function fingerprintJson(value: unknown): string {
  compacting = true;
  try {
    return JSON.stringify(value) ?? 'undefined';
  } finally {
    compacting = false;
  }
}

/**
 * A 64-bit hash of a text given in parts, each part ended as by a newline, without joining
 * them: the keys of 100,000 article pages and their name pages are some 75 million characters,
 * and building them as strings to hash with SHA-1 was a third of planning a rebuild. It only
 * tells two versions of one page apart across builds of one's own archive, which is no place
 * for an adversary, so a cryptographic hash buys nothing here; two independent 32-bit lanes
 * (FNV-1a, and a multiply-rotate) with a final avalanche leave a chance of 2^-64 that a change
 * goes unseen.
 */
export class KeyHash {
  #a = 0x811c9dc5;
  #b = 0x9747b28c;

  add(text: string): this {
    let a = this.#a;
    let b = this.#b;
    for (let i = 0; i <= text.length; i++) {
      // The end of the part is a newline, so that parts cannot run into each other.
      const c = i < text.length ? text.charCodeAt(i) : 10;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b = (b << 13) | (b >>> 19);
    }
    this.#a = a;
    this.#b = b;
    return this;
  }

  /**
   * Mixes in the digest of another key (`Fingerprinted.digestOf`): two steps instead of one a
   * character, for the keys that stand in thousands of pages. Murmur3's block step in each lane,
   * with other constants and the words in the other order in the second.
   */
  addDigest([x, y]: readonly [number, number]): this {
    return this.addWords(x, y);
  }

  /** `addDigest` of the words `x` and `y`. */
  addWords(x: number, y: number): this {
    this.#a = murmurStep(murmurStep(this.#a, x, 0xcc9e2d51, 0x1b873593), y, 0xcc9e2d51, 0x1b873593);
    this.#b = murmurStep(murmurStep(this.#b, y, 0x85ebca6b, 0xc2b2ae35), x, 0x85ebca6b, 0xc2b2ae35);
    return this;
  }

  /** How `value` stands in a fingerprint: its key's digest if it has one, else its JSON. */
  addKey(value: object): this {
    return Fingerprinted.mixInto(value, this) ? this : this.add(fingerprintJson(value));
  }

  /** The hash as two 32-bit words, after a final avalanche of both lanes. */
  digestWords(): [number, number] {
    let a = this.#a;
    let b = this.#b;
    a ^= b >>> 16;
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    a ^= a >>> 16;
    b ^= a >>> 15;
    b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
    b ^= b >>> 16;
    return [a >>> 0, b >>> 0];
  }

  /** 16 hex digits. */
  digest(): string {
    return hexDigest(...this.digestWords());
  }
}

/** Two hex digits per byte value. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A digest's two words as 16 hex digits. */
export function hexDigest(a: number, b: number): string {
  return hexWord(a) + hexWord(b);
}

/**
 * An unsigned 32-bit number as 8 hex digits, byte by byte from a table: a rebuild writes one
 * per article and name page, and `toString(16)` with `padStart` took twice as long.
 */
function hexWord(word: number): string {
  return (
    HEX_BYTES[word >>> 24]! +
    HEX_BYTES[(word >>> 16) & 255]! +
    HEX_BYTES[(word >>> 8) & 255]! +
    HEX_BYTES[word & 255]!
  );
}

function rotate(x: number, bits: number): number {
  return (x << bits) | (x >>> (32 - bits));
}

/** One block step of MurmurHash3 (32-bit), with its two multipliers given. */
function murmurStep(h: number, k: number, c1: number, c2: number): number {
  const mixed = Math.imul(rotate(Math.imul(k, c1), 15), c2);
  return (Math.imul(rotate(h ^ mixed, 13), 5) + 0xe6546b64) | 0;
}
