import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyHash } from '../../src/archive/fingerprint.ts';

const digest = (...parts: string[]) => {
  const key = new KeyHash();
  for (const part of parts) key.add(part);
  return key.digest();
};

describe('the key hash of page fingerprints', () => {
  it('is 16 hex digits, the same for the same parts', () => {
    expect(digest('Κυριάκος', '/prosopa/kyriakos/')).toMatch(/^[0-9a-f]{16}$/);
    expect(digest('Κυριάκος', '/prosopa/kyriakos/')).toBe(digest('Κυριάκος', '/prosopa/kyriakos/'));
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
});
