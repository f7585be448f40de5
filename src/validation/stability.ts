/**
 * Stability: how steady a company's growth, earnings and share price have been, as one score
 * per company with its parts shown. The score is meant as a model feature.
 */
import type { LabelledVector } from "../core/index";
import type { FundamentalsRow } from "../data/index";
import { maxDrawdownOfPrices } from "../measures/index";
import { groupByTicker } from "./format";
import type { PriceSeries } from "./price-series";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * One company's stability score and its parts. Each part score is `1 − min(1, measure / scale)`
 * (1 = perfectly steady); `score` is their weighted mean. `null` where the data do not allow a value.
 *
 * @example
 * ```ts
 * const s: StabilityScore = { ticker: "A", growthYears: 8, growthVolatility: 0.06, growthScore: 0.7,
 *   earningsVariation: 0.1, earningsScore: 0.8, maxDrawdown: 0.4, drawdownScore: 0.5, score: 0.6667 };
 * ```
 */
export interface StabilityScore {
  readonly ticker: string;
  /** Number of annual revenue-growth observations (consecutive fiscal years, both revenues > 0). */
  readonly growthYears: number;
  /** Sample standard deviation of annual revenue growth (fraction). */
  readonly growthVolatility: number | null;
  readonly growthScore: number | null;
  /** Coefficient of variation of the net margin: sd / |mean| (Infinity when the mean is 0). */
  readonly earningsVariation: number | null;
  readonly earningsScore: number | null;
  /** Maximum drawdown of the adjusted close (fraction of the peak). */
  readonly maxDrawdown: number | null;
  readonly drawdownScore: number | null;
  /** Weighted mean of the part scores, in [0, 1]; `null` when a weighted part is `null`. */
  readonly score: number | null;
}

/** Options of {@link stabilityScores}. */
export interface StabilityOptions {
  /**
   * Use only what was known on this ISO date: fundamentals filed on or before it and prices up to
   * it (no look-ahead when the score is a feature at that date). Default: everything.
   */
  readonly asOf?: string;
}

function sampleSd(xs: readonly number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}

const partScore = (measure: number | null, scale: number): number | null => (measure === null ? null : 1 - Math.min(1, measure / scale));

/**
 * Stability scores, one per company of `fundamentals` (sorted by ticker):
 * - growth: sample sd of annual revenue growth, scored against `settings.stability.growthVolatilityScale`;
 * - earnings: coefficient of variation of the net margin, against `earningsVariationScale`;
 * - drawdown: maximum drawdown of the ticker's adjusted close, against `drawdownScale`;
 * - score: the mean of the part scores weighted by `weights`.
 * A part needs `minYears` observations (growth, margins) or two prices (drawdown). Inputs are only read.
 *
 * @example
 * ```ts
 * const [s] = stabilityScores(rows, series);
 * s.score; // => 0.71 (a number in [0, 1], or null)
 * ```
 */
export function stabilityScores(
  fundamentals: readonly Pick<FundamentalsRow, "ticker" | "fiscalYear" | "filedDate" | "revenue" | "netIncome">[],
  prices: readonly PriceSeries[],
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
  options: StabilityOptions = {},
): StabilityScore[] {
  const st = settings.stability;
  const asOf = options.asOf;
  const known = asOf === undefined ? fundamentals : fundamentals.filter((r) => r.filedDate <= asOf);
  const byTicker = new Map(prices.map((s) => [s.ticker, s]));
  const out: StabilityScore[] = [];
  for (const [ticker, list] of groupByTicker(known)) {
    const growth: number[] = [];
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      if (b.fiscalYear === a.fiscalYear + 1 && a.revenue !== null && b.revenue !== null && a.revenue > 0 && b.revenue > 0) growth.push(b.revenue / a.revenue - 1);
    }
    const margins = list.filter((r) => r.revenue !== null && r.revenue > 0 && r.netIncome !== null).map((r) => r.netIncome! / r.revenue!);
    const growthVolatility = growth.length >= st.minYears ? sampleSd(growth) : null;
    let earningsVariation: number | null = null;
    if (margins.length >= st.minYears) {
      const mean = Math.abs(margins.reduce((a, b) => a + b, 0) / margins.length);
      const sd = sampleSd(margins);
      earningsVariation = mean > 0 ? sd / mean : Number.POSITIVE_INFINITY;
    }
    const series = byTicker.get(ticker);
    let dd: number | null = null;
    if (series) {
      const end = asOf === undefined ? series.dates.length : series.dates.findIndex((d) => d > asOf);
      const dd0 = maxDrawdownOfPrices(series.adjClose.subarray(0, end === -1 ? series.dates.length : end));
      dd = Number.isFinite(dd0) ? dd0 : null;
    }
    const growthScore = partScore(growthVolatility, st.growthVolatilityScale);
    const earningsScore = partScore(earningsVariation, st.earningsVariationScale);
    const drawdownScore = partScore(dd, st.drawdownScale);
    const parts = [
      [growthScore, st.weights.growth],
      [earningsScore, st.weights.earnings],
      [drawdownScore, st.weights.drawdown],
    ] as const;
    const complete = parts.every(([v, w]) => w === 0 || v !== null);
    const totalWeight = parts.reduce((a, [, w]) => a + w, 0);
    const score = complete ? parts.reduce((a, [v, w]) => a + (w === 0 ? 0 : v! * w), 0) / totalWeight : null;
    out.push({ ticker, growthYears: growth.length, growthVolatility, growthScore, earningsVariation, earningsScore, maxDrawdown: dd, drawdownScore, score });
  }
  return out;
}

/**
 * Stability scores as a {@link LabelledVector} (the model-feature hand-off): one value per ticker,
 * `NaN` where the score is `null`.
 *
 * @example
 * ```ts
 * stabilityVector([{ ticker: "A", score: 0.7 }, { ticker: "B", score: null }] as StabilityScore[]);
 * // => { labels: ["A", "B"], values: Float64Array [0.7, NaN] }
 * ```
 */
export function stabilityVector(scores: readonly Pick<StabilityScore, "ticker" | "score">[]): LabelledVector {
  return { labels: scores.map((s) => s.ticker), values: Float64Array.from(scores, (s) => s.score ?? Number.NaN) };
}
