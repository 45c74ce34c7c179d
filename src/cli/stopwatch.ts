/** Where a build's time went, step by step, for the summary line: `read 4.1 s, plan 1.2 s`. */
export class Stopwatch {
  readonly #now: () => number;
  #last: number;
  readonly #laps: [string, number][];

  /**
   * `steps` are summed up in this order whenever they are timed, which may be in several
   * laps in another order (the state is packed before the pages are rendered, and put in place
   * after); other steps follow in the order they first end. `now` gives milliseconds.
   */
  constructor(steps: readonly string[], now = () => performance.now()) {
    this.#now = now;
    this.#last = now();
    this.#laps = steps.map((step) => [step, Number.NaN]);
  }

  /** Ends the step named `step` now; the next step starts now. A step met again adds up. */
  lap(step: string): void {
    const now = this.#now();
    const seconds = (now - this.#last) / 1000;
    const known = this.#laps.find(([name]) => name === step);
    if (!known) this.#laps.push([step, seconds]);
    else known[1] = Number.isNaN(known[1]) ? seconds : known[1] + seconds;
    this.#last = now;
  }

  summary(): string {
    return this.#laps
      .filter(([, seconds]) => !Number.isNaN(seconds))
      .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
      .join(', ');
  }
}
