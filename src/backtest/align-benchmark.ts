/**
 * A benchmark's returns on a backtest's dates.
 */
import { InputError } from "../core/index";
import type { ReturnSeries } from "../measures/index";
import type { BacktestResult } from "./backtest-result";

/** A benchmark: another backtest (e.g. `buyAndHold(prices, "MKTIDX")`) or a dated return series. */
export type Benchmark = BacktestResult | ReturnSeries;

/**
 * The benchmark's daily returns on exactly the result's dates.
 *
 * @throws InputError BENCHMARK_DATES naming the first date of the result the benchmark lacks.
 * @example
 * ```ts
 * alignBenchmark(result, benchmarkResult).length; // => result.dates.length
 * ```
 */
export function alignBenchmark(result: Pick<BacktestResult, "dates" | "strategy">, benchmark: Benchmark): Float64Array {
  const series: ReturnSeries = "returns" in benchmark ? { dates: benchmark.dates, values: benchmark.returns } : benchmark;
  const index = new Map(series.dates.map((d, i) => [d, i]));
  const out = new Float64Array(result.dates.length);
  result.dates.forEach((d, i) => {
    const k = index.get(d);
    if (k === undefined) {
      throw new InputError("BENCHMARK_DATES", `the benchmark has no return on ${d}, a trading day of ${result.strategy}; run the benchmark over the same dates (same start and end)`, { date: d });
    }
    out[i] = series.values[k]!;
  });
  return out;
}
