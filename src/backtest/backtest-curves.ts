/**
 * Several backtests' daily curves as one wide frame (dates × strategies): equity, drawdown, rolling Sharpe ratio.
 */
import { frame, InputError, type Frame, type Unit } from "../core/index";
import { drawdowns, rollingSharpe, type ReturnSeries, type RollingSharpeOptions } from "../measures/index";
import type { BacktestResult } from "./backtest-result";
import { returnSeriesOf } from "./return-series-of";

function checkSameDates(results: readonly BacktestResult[], caller: string): readonly string[] {
  const first = results[0];
  if (first === undefined) throw new InputError("EMPTY_TABLE", `${caller}: no backtest results; run at least one strategy`);
  for (const r of results) {
    if (r.dates.length !== first.dates.length || r.dates.some((d, i) => d !== first.dates[i])) {
      throw new InputError("BENCHMARK_DATES", `${caller}: ${r.strategy} runs over ${r.dates[0]} … ${r.dates[r.dates.length - 1]} (${r.dates.length} days), ${first.strategy} over ${first.dates[0]} … ${first.dates[first.dates.length - 1]} (${first.dates.length}); run them over the same dates (same start and end)`, { strategy: r.strategy });
    }
  }
  const names = results.map((r) => r.strategy);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new InputError("DUPLICATE_LABEL", `${caller}: two results are named ${twice}; label the runs differently`, { strategy: twice });
  return first.dates;
}

function wide(dates: readonly string[], results: readonly BacktestResult[], columns: readonly ArrayLike<number>[], unit: Unit): Frame {
  const m = results.length;
  const values = new Float64Array(dates.length * m);
  columns.forEach((c, j) => {
    for (let i = 0; i < dates.length; i++) values[i * m + j] = c[i] as number;
  });
  return frame({ dates, tickers: results.map((r) => r.strategy), values }, { unit });
}

/**
 * Portfolio value at each close, one column per strategy (money): what `equityCurveChart` draws as growth of 100.
 *
 * @param results backtests over the same dates (e.g. `[...runBacktests(…), benchmark]`); not changed.
 * @throws InputError EMPTY_TABLE for no results; BENCHMARK_DATES when their dates differ; DUPLICATE_LABEL.
 * @example
 * ```ts
 * equityCurves([...results, benchmark]).last(); // final values by strategy
 * ```
 */
export function equityCurves(results: readonly BacktestResult[]): Frame {
  const dates = checkSameDates(results, "equityCurves");
  return wide(dates, results, results.map((r) => r.equity), "money");
}

/**
 * Distance below the running peak at each close, one column per strategy (fractions ≤ 0, `drawdowns` of each
 * result's daily returns).
 *
 * @throws InputError as {@link equityCurves}.
 * @example
 * ```ts
 * drawdownCurves(results).select(["equal weight", "min volatility"]);
 * ```
 */
export function drawdownCurves(results: readonly BacktestResult[]): Frame {
  const dates = checkSameDates(results, "drawdownCurves");
  return wide(dates, results, results.map((r) => drawdowns(returnSeriesOf(r)).values), "fraction");
}

/**
 * Sharpe ratio over the trailing `window` days at each close, one column per strategy (`rollingSharpe` of each
 * result's daily returns, annualised; the frame starts at the window's first full day).
 *
 * @param options `{ window = 126, riskFreeRate = 0, frequency = 252 }`, as `rollingSharpe`.
 * @throws InputError as {@link equityCurves}; EMPTY_RANGE when the window is longer than the backtest.
 * @example
 * ```ts
 * rollingSharpeCurves(results, { window: 126, riskFreeRate: 0.02 }).tail(1); // the latest six-month Sharpe ratios
 * ```
 */
export function rollingSharpeCurves(results: readonly BacktestResult[], options: RollingSharpeOptions = {}): Frame {
  checkSameDates(results, "rollingSharpeCurves");
  const rolling: ReturnSeries[] = results.map((r) => rollingSharpe(returnSeriesOf(r), options));
  const dates = (rolling[0] as ReturnSeries).dates;
  if (dates.length === 0) {
    throw new InputError("EMPTY_RANGE", `rollingSharpeCurves: the window of ${options.window ?? 126} days is longer than the backtest (${results[0]?.dates.length} days); shorten it`, { window: options.window });
  }
  return wide(dates, results, rolling.map((s) => s.values), "ratio");
}
