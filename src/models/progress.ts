/**
 * Training progress, reported through an injectable callback (a notebook, a terminal, a test).
 */
import { throttledProgressLogger, type ThrottledProgressOptions } from "../core/index";

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

/**
 * Options of {@link progressLogger}: core's `{ write = console.log, every = 0.25 }` (report when at least `every`
 * of the total has passed since the last line; the last unit is always reported).
 *
 * @example
 * ```ts
 * const options: ProgressLoggerOptions = { every: 0.5 };
 * ```
 */
export type ProgressLoggerOptions = ThrottledProgressOptions;

/**
 * A progress callback that writes one short line every `every` of the way, e.g.
 * `random forest: 50/100 trees (0.4 s)` or `LSTM: epoch 3/5, loss 0.000412 (6.1 s)`: core's
 * `throttledProgressLogger`, one run per model and unit (a fit starting over at its first unit counts afresh).
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
  return throttledProgressLogger<ProgressEvent>(
    (e) => `${e.model}/${e.unit}`,
    (e) => {
      const seconds = `${(e.elapsedMs / 1000).toFixed(1)} s`;
      const what = e.unit === "epochs" ? `epoch ${e.done}/${e.total}` : `${e.done}/${e.total} ${e.unit}`;
      const loss = e.loss !== undefined ? `, loss ${e.loss.toPrecision(3)}` : "";
      return `${e.model}: ${what}${loss} (${seconds})`;
    },
    options,
  );
}
