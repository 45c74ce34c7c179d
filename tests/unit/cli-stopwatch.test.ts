/** The build summary's times (cli/stopwatch.ts): steps in a set order, laps of a step added up. */
import { describe, expect, it } from 'vitest';
import { Stopwatch } from '../../src/cli/stopwatch.ts';

describe('Stopwatch', () => {
  it('sums the laps of a step and lists the steps in the order given, then the others', () => {
    let now = 0;
    const stopwatch = new Stopwatch(['read', 'render', 'state'], () => now);
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
    let now = 0;
    const stopwatch = new Stopwatch(['read', 'plan'], () => now);
    now += 1500;
    stopwatch.lap('read');
    expect(stopwatch.summary()).toBe('read 1.5 s');
  });
});
