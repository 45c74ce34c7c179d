import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fingerprinted, fingerprintJson, KeyHash } from '../../src/archive/fingerprint.ts';

const digest = (...parts: string[]) => {
  const key = new KeyHash();
  for (const part of parts) key.add(part);
  return key.digest();
};

describe('the key hash of page fingerprints', () => {
  it('is 16 hex digits, the same for the same parts', () => {
    expect(digest('Κυριάκος', '/onomata/kyriakos/')).toMatch(/^[0-9a-f]{16}$/);
    expect(digest('Κυριάκος', '/onomata/kyriakos/')).toBe(digest('Κυριάκος', '/onomata/kyriakos/'));
  });

  it('writes its two words in hex, eight digits each', () => {
    // Random words hold bytes below 16 (one in sixteen) and zero bytes (one in 256) too.
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 4 }), (parts) => {
        const key = new KeyHash();
        for (const part of parts) key.add(part);
        const words = key.digestWords().map((w) => w.toString(16).padStart(8, '0'));
        expect(key.digest()).toBe(words.join(''));
      }),
    );
  });

  it('tells where one part ends and the next begins', () => {
    expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'));
    expect(digest('abc')).not.toBe(digest('abc', ''));
    expect(digest('', 'x')).not.toBe(digest('x', ''));
  });

  it('is the hash of the parts joined by newlines, whatever the split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }),
        (parts) => {
          expect(digest(parts.join('\n'))).toBe(digest(...parts));
        },
      ),
    );
  });

  it('gives 200,000 keys that differ by a character or an order 200,000 digests', () => {
    const digests = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      digests.add(digest(`2024-01-01-${i}`, 'Ab3xZ_9kLmQ'));
      digests.add(digest('Ab3xZ_9kLmQ', `2024-01-01-${i}`));
    }
    expect(digests.size).toBe(200_000);
  });

  it('changes with any one character changed, Greek or not', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.constantFrom('α', 'ά', 'Α', 'a', ' ', '\n', '/'),
        (text, at, char) => {
          const i = at % text.length;
          const changed = `${text.slice(0, i)}${char}${text.slice(i + 1)}`;
          if (changed !== text) expect(digest(changed)).not.toBe(digest(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('takes a fingerprinted object as the digest of its key, and another as its JSON', () => {
    class Keyed extends Fingerprinted {
      constructor(
        key: string,
        readonly shown: string,
      ) {
        super(key);
      }
    }
    const a = new Keyed('2024-01-01-0 Ab3xZ_9kLmQ', 'Τίτλος');
    const same = new Keyed('2024-01-01-0 Ab3xZ_9kLmQ', 'Άλλος τίτλος');
    const other = new Keyed('2024-01-01-0 Ab3xZ_9kLmR', 'Τίτλος');
    const key = (value: object) => new KeyHash().addKey(value).digest();
    const digest = new KeyHash().add('2024-01-01-0 Ab3xZ_9kLmQ').digestWords();
    expect(key(a)).toBe(new KeyHash().addDigest(digest).digest());
    // Twice: the second time from the digest kept in the object.
    expect(key(a)).toBe(new KeyHash().addDigest(digest).digest());
    // Words given as signed 32-bit numbers (as an Int32Array keeps them) mix the same.
    expect(new KeyHash().addWords(digest[0] | 0, digest[1] | 0).digest()).toBe(key(a));
    // The key stands for the object: what it shows besides is for the key's maker to cover.
    expect(key(same)).toBe(key(a));
    expect(key(other)).not.toBe(key(a));
    const plain = { url: '/a/', label: 'α' };
    expect(key(plain)).toBe(new KeyHash().add(fingerprintJson(plain)).digest());
    expect(Fingerprinted.mixInto(plain, new KeyHash())).toBe(false);
  });

  it('gives digests mixed in a different order a different hash', () => {
    const x: [number, number] = [1, 2];
    const y: [number, number] = [3, 4];
    expect(new KeyHash().addDigest(x).addDigest(y).digest()).not.toBe(
      new KeyHash().addDigest(y).addDigest(x).digest(),
    );
    expect(new KeyHash().addDigest([1, 2]).digest()).not.toBe(
      new KeyHash().addDigest([2, 1]).digest(),
    );
  });

  it('gives 300,000 lists of digests that differ in one word 300,000 hashes', () => {
    const hashes = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      hashes.add(new KeyHash().addDigest([i, 7]).addDigest([0, 0]).digest());
      hashes.add(
        new KeyHash()
          .addDigest([7, 100_000 + i])
          .addDigest([0, 0])
          .digest(),
      );
      hashes.add(
        new KeyHash()
          .addDigest([0, 0])
          .addDigest([i * 65_537, 0])
          .digest(),
      );
    }
    expect(hashes.size).toBe(300_000);
  });
});
