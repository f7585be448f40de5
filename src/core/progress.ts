/**
 * Progress lines for long runs (backtests, model training), written every so often rather than at every step.
 */

/** How far a run has got: `done` of `total` units (days, trees, epochs, folds…). */
export interface ProgressCount {
  readonly done: number;
  readonly total: number;
}

/** Options of {@link throttledProgressLogger} (and of the loggers built on it). */
export interface ThrottledProgressOptions {
  /** Where lines go. Default `console.log` (a notebook shows them under the cell, a terminal prints them). */
  readonly write?: (line: string) => void;
  /** Write a line each time at least this fraction of the total has passed since the run's last line. Default 0.25. */
  readonly every?: number;
}

/**
 * A progress callback that writes `format(event)` as one line every `every` of the way, and always at the end.
 *
 * The throttling rule, per run (`runOf(event)`, e.g. the strategy or the model name): a line is written when the
 * run is complete (`done ≥ total`) or when at least `every` of the total has passed since the run's last line
 * (with 1e-12 of slack, so that 0.25 · 8 = 2 units count). A run starts over — counting from 0 again — when
 * `done` is at most 1 or falls below its last line's `done` (the same name run again, e.g. the next fold).
 *
 * @param runOf which run an event belongs to; each run is throttled on its own.
 * @param format the line for an event.
 * @param options `{ write = console.log, every = 0.25 }`.
 * @returns the callback; it never throws unless `write` or `format` does.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const log = throttledProgressLogger<ProgressCount>(() => "job", (e) => `${e.done}/${e.total}`, { write: (l) => lines.push(l), every: 0.5 });
 * for (let done = 1; done <= 4; done++) log({ done, total: 4 });
 * lines; // => ["2/4", "4/4"]
 * ```
 */
export function throttledProgressLogger<E extends ProgressCount>(
  runOf: (event: E) => string,
  format: (event: E) => string,
  options: ThrottledProgressOptions = {},
): (event: E) => void {
  const write = options.write ?? ((line: string) => console.log(line));
  const every = options.every ?? 0.25;
  const last = new Map<string, number>();
  return (e) => {
    const run = runOf(e);
    const lastDone = last.get(run) ?? 0;
    const previous = e.done <= 1 || e.done < lastDone ? 0 : lastDone;
    if (e.done < e.total && (e.done - previous) / e.total < every - 1e-12) return;
    last.set(run, e.done);
    write(format(e));
  };
}
