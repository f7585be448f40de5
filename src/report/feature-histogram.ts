import { InputError } from "../core/index";
import type { BarTrace, Figure } from "./figure";

/** One distribution of a {@link featureHistogram}. */
export interface FeatureHistogramSeries {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

/** Options of {@link featureHistogram}. */
export interface FeatureHistogramOptions {
  readonly title: string;
  /** One or more distributions, overlaid on shared bins. */
  readonly series: readonly FeatureHistogramSeries[];
  /** Number of equal-width bins between the smallest and largest value (default 40). */
  readonly bins?: number;
  readonly xAxis?: string;
  /** d3 format of the values, e.g. `".0%"`. */
  readonly xFormat?: string;
  /** Show each series' share of its values per bin instead of counts (default false; to compare samples of different sizes). */
  readonly normalise?: boolean;
}

/**
 * Counts of values in `nBins` equal-width bins over `[min, max]` (the last bin includes `max`).
 *
 * @returns bin centres, lower edges, the bin width and one count array per sample.
 * @example
 * ```ts
 * sharedBinCounts([[0, 1, 1, 2]], 2); // => { centres: [0.5, 1.5], lowers: [0, 1], width: 1, counts: [[1, 3]] }
 * ```
 */
export function sharedBinCounts(samples: readonly ArrayLike<number>[], nBins: number): { centres: number[]; lowers: number[]; width: number; counts: number[][] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) for (let i = 0; i < s.length; i++) {
    lo = Math.min(lo, s[i]!);
    hi = Math.max(hi, s[i]!);
  }
  const width = hi > lo ? (hi - lo) / nBins : 1;
  const bins = hi > lo ? nBins : 1;
  const lowers = Array.from({ length: bins }, (_, b) => lo + b * width);
  const centres = lowers.map((l) => l + width / 2);
  const counts = samples.map((s) => {
    const c = new Array<number>(bins).fill(0);
    for (let i = 0; i < s.length; i++) c[Math.min(bins - 1, Math.floor((s[i]! - lo) / width))]!++;
    return c;
  });
  return { centres, lowers, width, counts };
}

/**
 * A histogram of one or more samples (a feature's distribution, forecast errors…; `markedHistogramChart`
 * draws one sample with marker lines such as a VaR), binned here
 * (so the figure carries counts, not every value) and drawn as bars; several samples are overlaid
 * on shared bins.
 *
 * @throws InputError EMPTY_INPUT (no series or an empty one), NON_FINITE (naming the series), BAD_ARGUMENT (bins).
 * @example
 * ```ts
 * featureHistogram({ title: "Momentum", series: [{ name: "momentum_252d", values: [0, 1, 1, 2] }], bins: 2 }).data[0].y;
 * // => [1, 3]
 * ```
 */
export function featureHistogram(options: FeatureHistogramOptions): Figure {
  if (options.series.length === 0) throw new InputError("EMPTY_INPUT", "featureHistogram: no series; pass at least one");
  const nBins = options.bins ?? 40;
  if (!Number.isInteger(nBins) || nBins < 1) throw new InputError("BAD_ARGUMENT", `featureHistogram: bins ${nBins} must be an integer ≥ 1`);
  for (const s of options.series) {
    if (s.values.length === 0) throw new InputError("EMPTY_INPUT", `featureHistogram: series ${s.name} has no values`);
    for (let i = 0; i < s.values.length; i++) {
      if (!Number.isFinite(s.values[i]!)) throw new InputError("NON_FINITE", `featureHistogram: value ${i} of ${s.name} is ${s.values[i]}; charts take finite numbers`, { series: s.name });
    }
  }
  const { centres, counts } = sharedBinCounts(options.series.map((s) => s.values), nBins);
  const overlay = options.series.length > 1;
  const data: BarTrace[] = options.series.map((s, k) => ({
    type: "bar",
    name: s.name,
    x: centres,
    y: options.normalise ? counts[k]!.map((c) => c / s.values.length) : counts[k]!,
    marker: overlay ? { opacity: 0.55 } : { color: "#2a6fdb" },
  }));
  return {
    data,
    layout: {
      title: { text: options.title },
      xaxis: { title: { text: options.xAxis ?? "" }, ...(options.xFormat ? { tickformat: options.xFormat } : {}) },
      yaxis: { title: { text: options.normalise ? "share of values" : "count" } },
      barmode: overlay ? "overlay" : "group",
      showlegend: overlay,
      height: 360,
    },
  };
}
