/**
 * Progress of a running backtest, through an injectable callback.
 */
import { throttledProgressLogger, type ThrottledProgressOptions } from "../core/index";

/**
 * One progress report: `done` of `total` trading days simulated.
 *
 * @example
 * ```ts
 * const e: BacktestProgress = { strategy: "min volatility", date: "2015-06-01", done: 2400, total: 5040, rebalances: 114, elapsedMs: 930 };
 * ```
 */
export interface BacktestProgress {
  readonly strategy: string;
  /** The day just simulated. */
  readonly date: string;
  readonly done: number;
  readonly total: number;
  /** Rebalances so far, the initial investment included. */
  readonly rebalances: number;
  /** Milliseconds since the backtest began. */
  readonly elapsedMs: number;
}

/** Receives progress reports (after each rebalance and after the last day). Must not throw. */
export type BacktestProgressCallback = (event: BacktestProgress) => void;

/**
 * Options of {@link backtestProgressLogger}: core's `{ write = console.log, every = 0.25 }` (a line each time at
 * least `every` of the days has passed since the strategy's last line).
 *
 * @example
 * ```ts
 * const options: BacktestProgressLoggerOptions = { every: 0.5 };
 * ```
 */
export type BacktestProgressLoggerOptions = ThrottledProgressOptions;

/**
 * A progress callback writing one short line every `every` of the way, e.g.
 * `min volatility: 2,520/5,040 days to 2016-01-04, 120 rebalances (1.1 s)`: core's `throttledProgressLogger`, one
 * run per strategy.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const log = backtestProgressLogger({ write: (l) => lines.push(l), every: 0.5 });
 * log({ strategy: "s", date: "d9", done: 10, total: 10, rebalances: 3, elapsedMs: 1500 });
 * lines; // => ["s: 10/10 days to d9, 3 rebalances (1.5 s)"]
 * ```
 */
export function backtestProgressLogger(options: BacktestProgressLoggerOptions = {}): BacktestProgressCallback {
  return throttledProgressLogger<BacktestProgress>(
    (e) => e.strategy,
    (e) => `${e.strategy}: ${e.done.toLocaleString("en-US")}/${e.total.toLocaleString("en-US")} days to ${e.date}, ${e.rebalances} rebalance${e.rebalances === 1 ? "" : "s"} (${(e.elapsedMs / 1000).toFixed(1)} s)`,
    options,
  );
}
