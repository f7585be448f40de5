/**
 * A backtest's performance split by labelled date ranges (market regimes, crises, decades…).
 */
import { TRADING_DAYS_PER_YEAR, DEFAULT_RISK_FREE_RATE } from "../core/index";
import { InputError } from "../core/index";
import type { LabelledSpan } from "../core/index";
import { maxDrawdown, volatility } from "../measures/index";
import { alignBenchmark, type Benchmark } from "./align-benchmark";
import type { BacktestResult } from "./backtest-result";
import { cumulativeReturn } from "../measures/index";
import { sharpeRatio } from "../measures/index";

/**
 * The performance of a backtest over the days of one label.
 *
 * @example
 * ```ts
 * const row: RegimeMetrics = { strategy: "min volatility", regime: "crisis", days: 610, share: 0.12, spans: 9,
 *   cumulativeReturn: -0.04, annualisedReturn: -0.017, volatility: 0.11, sharpe: -0.1, worstDrawdown: 0.09, benchmarkReturn: -0.14 };
 * ```
 */
export interface RegimeMetrics {
  readonly strategy: string;
  readonly regime: string;
  /** Trading days of the backtest carrying this label. */
  readonly days: number;
  /** `days` / all trading days. */
  readonly share: number;
  /** Separate runs of the label met in the backtest. */
  readonly spans: number;
  /** Compounded over those days only, as if the other days had not happened. */
  readonly cumulativeReturn: number;
  /** `(1 + cumulativeReturn)^(252 / days) − 1`. */
  readonly annualisedReturn: number;
  /** `null` with fewer than 2 days. */
  readonly volatility: number | null;
  /** `null` with fewer than 2 days or no variation. */
  readonly sharpe: number | null;
  /** The deepest drawdown within any one run of the label (a positive fraction). */
  readonly worstDrawdown: number;
  /** The benchmark's annualised return over the same days (as `annualisedReturn`); `null` without a benchmark. */
  readonly benchmarkReturn: number | null;
}

/** Options of {@link metricsByRegime}. */
export interface MetricsByRegimeOptions {
  readonly riskFreeRate?: number;
  readonly benchmark?: Benchmark;
  /** Label of the days no span covers. Default `"unlabelled"` (left out when no day is unlabelled). */
  readonly unlabelled?: string;
}

/**
 * Splits a backtest's daily returns by the labels of the spans that cover each day and reports each label's
 * performance: how the strategy did in calm markets and in crises. Labels come out in order of first appearance.
 *
 * @param result a backtest result; not changed.
 * @param spans labelled date ranges (e.g. `market.regimes`); they should not overlap (a day takes the first span
 *   that covers it).
 * @param options `{ riskFreeRate = 0, benchmark, unlabelled = "unlabelled" }`.
 * @throws InputError BAD_SPAN for a span whose start is after its end or not an ISO date; BENCHMARK_DATES.
 * @example
 * ```ts
 * metricsByRegime(result, market.regimes, { benchmark }).map((r) => [r.regime, r.annualisedReturn]);
 * // => [["calm", 0.09], ["crisis", -0.12]]
 * ```
 */
export function metricsByRegime(result: BacktestResult, spans: readonly LabelledSpan[], options: MetricsByRegimeOptions = {}): RegimeMetrics[] {
  for (const s of spans) {
    if (typeof s.start !== "string" || typeof s.end !== "string" || !(s.start <= s.end) || typeof s.kind !== "string") {
      throw new InputError("BAD_SPAN", `metricsByRegime: span ${JSON.stringify(s)} needs ISO start ≤ end and a kind`, {});
    }
  }
  const sorted = [...spans].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const unlabelled = options.unlabelled ?? "unlabelled";
  const n = result.dates.length;
  const labels: string[] = new Array(n);
  const spanOf = new Int32Array(n).fill(-1);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = result.dates[i]!;
    while (s < sorted.length && sorted[s]!.end < d) s++;
    let found = -1;
    for (let k = s; k < sorted.length && sorted[k]!.start <= d; k++) {
      if (sorted[k]!.end >= d) {
        found = k;
        break;
      }
    }
    labels[i] = found < 0 ? unlabelled : sorted[found]!.kind;
    spanOf[i] = found;
  }
  const bench = options.benchmark !== undefined ? alignBenchmark(result, options.benchmark) : null;
  const order = [...new Set(labels)];
  return order.map((label) => {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (labels[i] === label) idx.push(i);
    const values = Float64Array.from(idx, (i) => result.returns[i]!);
    // Runs: consecutive days of the label within one span.
    let worst = 0;
    let runs = 0;
    let from = 0;
    for (let k = 1; k <= idx.length; k++) {
      if (k === idx.length || idx[k] !== idx[k - 1]! + 1 || spanOf[idx[k]!] !== spanOf[idx[k - 1]!]) {
        runs++;
        const dates = idx.slice(from, k).map((i) => result.dates[i]!);
        worst = Math.max(worst, maxDrawdown({ dates, values: values.subarray(from, k) }).maxDrawdown);
        from = k;
      }
    }
    const cumulative = cumulativeReturn(values);
    return {
      strategy: result.strategy,
      regime: label,
      days: idx.length,
      share: idx.length / n,
      spans: runs,
      cumulativeReturn: cumulative,
      annualisedReturn: Math.pow(1 + cumulative, TRADING_DAYS_PER_YEAR / idx.length) - 1,
      volatility: idx.length >= 2 ? volatility(values) : null,
      sharpe: idx.length >= 2 ? sharpeRatio(values, { riskFreeRate: options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE }) : null,
      worstDrawdown: worst,
      benchmarkReturn: bench ? Math.pow(1 + cumulativeReturn(Float64Array.from(idx, (i) => bench[i]!)), TRADING_DAYS_PER_YEAR / idx.length) - 1 : null,
    };
  });
}
