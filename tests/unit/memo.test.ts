import { describe, expect, it } from 'vitest';
import { memo } from '../../src/memo.ts';

function counting(maxEntries?: number) {
  const calls: string[] = [];
  const upper = memo((key: string) => {
    calls.push(key);
    return key.toUpperCase();
  }, maxEntries);
  return { calls, upper };
}

describe('memo', () => {
  it('computes each key once', () => {
    const { calls, upper } = counting();
    expect(['a', 'b', 'a', 'b', 'a'].map(upper)).toEqual(['A', 'B', 'A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('forgets everything once it keeps as many keys as allowed, and computes them again', () => {
    const { calls, upper } = counting(2);
    for (const key of ['a', 'b', 'a', 'c', 'a', 'c']) upper(key);
    // `c` is the third key: it is kept alone, so `a` is computed again, then `c` is still known.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
