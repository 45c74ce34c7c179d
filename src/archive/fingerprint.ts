/**
 * Page fingerprints, kept small. A page's fingerprint is the JSON of its view model, but an
 * article inside it (or a reference to one) is written as its URL, the hash of its text and
 * what else it shows that the text does not decide: the text decides the excerpt, names, key
 * words and reading time, and the code version is part of every fingerprint. This keeps the
 * fingerprints of 100,000 article pages and their lists to a few bytes per article instead of
 * kilobytes, which is most of what comparing two builds costs.
 */
const FINGERPRINT = Symbol('fingerprint');

type Fingerprinted = { [FINGERPRINT]?: string };

/** True while `fingerprintJson` runs: only then do marked objects write themselves as keys. */
let compacting = false;

// JSON.stringify calls `toJSON` natively, and only on the objects that have one: several times
// cheaper than a replacer function called for every value.
function toJSON(this: Fingerprinted): unknown {
  return compacting ? this[FINGERPRINT] : this;
}

/** Marks `value` to stand in page fingerprints as `key`; invisible to JSON and to `toEqual`. */
export function withFingerprint<T extends object>(value: T, key: string): T {
  Object.defineProperty(value, FINGERPRINT, { value: key, enumerable: false });
  Object.defineProperty(value, 'toJSON', { value: toJSON, enumerable: false });
  return value;
}

/** How `value` stands in a fingerprint: the key `withFingerprint` gave it, else its JSON. */
export function fingerprintKey(value: object): string {
  return (value as Fingerprinted)[FINGERPRINT] ?? fingerprintJson(value);
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
