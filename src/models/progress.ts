/**
 * Training progress, reported through an injectable callback (a notebook, a terminal, a test).
 */

/**
 * One progress report. `done` of `total` units of `unit` (trees built, epochs run, folds
 * validated); `loss` for neural networks after each epoch.
 *
 * @example
 * ```ts
 * const e: ProgressEvent = { model: "random forest", unit: "trees", done: 50, total: 100, elapsedMs: 420 };
 * ```
 */
export interface ProgressEvent {
  /** The model or step reporting, e.g. `"random forest"`, `"LSTM"`, `"walk-forward"`. */
  readonly model: string;
  readonly unit: "trees" | "epochs" | "folds" | "models";
  readonly done: number;
  readonly total: number;
  /** Training loss after this epoch (mean squared error for the LSTM). */
  readonly loss?: number;
  /** Milliseconds since this training began. */
  readonly elapsedMs: number;
}

/**
 * Receives progress reports. Must not throw.
 *
 * @example
 * ```ts
 * const onProgress: ProgressCallback = (e) => console.log(`${e.model}: ${e.done}/${e.total} ${e.unit}`);
 * ```
 */
export type ProgressCallback = (event: ProgressEvent) => void;

/** Options of {@link progressLogger}. */
export interface ProgressLoggerOptions {
  /** Where lines go (default `console.log`, which a notebook shows under the cell and a terminal prints). */
  readonly write?: (line: string) => void;
  /** Report when at least this fraction of the total has passed since the last line (default 0.25); the last unit is always reported. */
  readonly every?: number;
}

/**
 * A progress callback that writes one short line every `every` of the way, e.g.
 * `random forest: 50/100 trees (0.4 s)` or `LSTM: epoch 3/5, loss 0.000412 (6.1 s)`.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const log = progressLogger({ write: (l) => lines.push(l), every: 0.5 });
 * for (let i = 1; i <= 4; i++) log({ model: "rf", unit: "trees", done: i, total: 4, elapsedMs: 100 * i });
 * lines; // => ["rf: 2/4 trees (0.2 s)", "rf: 4/4 trees (0.4 s)"]
 * ```
 */
export function progressLogger(options: ProgressLoggerOptions = {}): ProgressCallback {
  const write = options.write ?? ((line: string) => console.log(line));
  const every = options.every ?? 0.25;
  const last = new Map<string, number>();
  return (e) => {
    const key = `${e.model}/${e.unit}`;
    const previous = e.done <= 1 ? 0 : (last.get(key) ?? 0);
    if (e.done < e.total && (e.done - previous) / e.total < every - 1e-12) return;
    last.set(key, e.done);
    const seconds = `${(e.elapsedMs / 1000).toFixed(1)} s`;
    const what = e.unit === "epochs" ? `epoch ${e.done}/${e.total}` : `${e.done}/${e.total} ${e.unit}`;
    const loss = e.loss !== undefined ? `, loss ${e.loss.toPrecision(3)}` : "";
    write(`${e.model}: ${what}${loss} (${seconds})`);
  };
}
