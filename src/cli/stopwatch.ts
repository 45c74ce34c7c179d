/** Where a build's time went, step by step, for the summary line: `read 4.1 s, plan 1.2 s`. */
export class Stopwatch {
  #last = performance.now();
  readonly #laps: [string, number][] = [];

  /** Ends the step named `step` now; the next step starts now. */
  lap(step: string): void {
    const now = performance.now();
    this.#laps.push([step, (now - this.#last) / 1000]);
    this.#last = now;
  }

  summary(): string {
    return this.#laps.map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`).join(', ');
  }
}
