/** The build summary's times (cli/stopwatch.ts): steps in a set order, laps of a step added up. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Stopwatch } from '../../src/cli/stopwatch.ts';

afterEach(() => vi.restoreAllMocks());

describe('Stopwatch', () => {
  it('sums the laps of a step and lists the steps in the order given, then the others', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const stopwatch = new Stopwatch('read', 'render', 'state');
    for (const [step, seconds] of [
      ['read', 2],
      ['state', 0.5],
      ['render', 3],
      ['extra', 0.25],
      ['state', 1],
    ] as const) {
      now += seconds * 1000;
      stopwatch.lap(step);
    }
    expect(stopwatch.summary()).toBe('read 2.0 s, render 3.0 s, state 1.5 s, extra 0.3 s');
  });

  it('leaves out the steps never timed', () => {
    const stopwatch = new Stopwatch('read', 'plan');
    stopwatch.lap('read');
    expect(stopwatch.summary()).toMatch(/^read \d+\.\d s$/);
  });
});
