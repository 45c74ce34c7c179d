/** Where a build's time went, step by step, for the summary line: `read 4.1 s, plan 1.2 s`. */
export class Stopwatch {
  readonly #now: () => number;
  #last: number;
  /** Seconds by step, in the summary's order; undefined for a step not timed yet. */
  readonly #seconds = new Map<string, number | undefined>();

  /**
   * `steps` are summed up in this order whenever they are timed, which may be in several
   * laps in another order (the state is packed before the pages are rendered, and put in place
   * after); other steps follow in the order they first end. `now` gives milliseconds.
   */
  constructor(steps: readonly string[], now = () => performance.now()) {
    this.#now = now;
    this.#last = now();
    for (const step of steps) this.#seconds.set(step, undefined);
  }

  /** Ends the step named `step` now; the next step starts now. A step met again adds up. */
  lap(step: string): void {
    const now = this.#now();
    this.#seconds.set(step, (this.#seconds.get(step) ?? 0) + (now - this.#last) / 1000);
    this.#last = now;
  }

  summary(): string {
    return [...this.#seconds]
      .flatMap(([step, seconds]) =>
        seconds === undefined ? [] : [`${step} ${seconds.toFixed(1)} s`],
      )
      .join(', ');
  }
}
