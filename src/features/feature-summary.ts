/**
 * Descriptions of a feature frame for notebooks: per-feature distribution and the correlation matrix.
 */
import { tableOfRows, type LabelledMatrix, type Table } from "../core/index";
import type { FeatureFrame } from "./feature-frame";

/**
 * Distribution of one feature over all rows.
 *
 * @example
 * ```ts
 * const s: FeatureSummary = { feature: "momentum_252d", mean: 0.1, sd: 0.3, min: -0.6, p05: -0.35, median: 0.09, p95: 0.6, max: 1.8 };
 * ```
 */
export interface FeatureSummary {
  readonly feature: string;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly p05: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Mean, sd (ddof 1), min, 5 %, median, 95 % (linear interpolation, as numpy) and max of every feature.
 *
 * @example
 * ```ts
 * describeFeatures(frame)[0].feature; // => frame.names[0]
 * ```
 */
export function describeFeatures(frame: FeatureFrame): FeatureSummary[] {
  return frame.names.map((feature, j) => {
    const c = frame.columns[j]!;
    const n = c.length;
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i]!;
    const mean = n > 0 ? s / n : Number.NaN;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (c[i]! - mean) ** 2;
    const sorted = Float64Array.from(c).sort();
    return {
      feature,
      mean,
      sd: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN,
      min: n > 0 ? sorted[0]! : Number.NaN,
      p05: quantileSorted(sorted, 0.05),
      median: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
      max: n > 0 ? sorted[n - 1]! : Number.NaN,
    };
  });
}

/**
 * Pearson correlation matrix of the features over all rows (`NaN` for a constant feature).
 *
 * @returns `nFeatures × nFeatures`, labelled by feature name.
 * @example
 * ```ts
 * featureCorrelation(frame).values[0]; // => 1
 * ```
 */
export function featureCorrelation(frame: FeatureFrame): LabelledMatrix {
  const k = frame.names.length;
  const n = frame.dates.length;
  const centred = frame.columns.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i]!;
    const mean = s / n;
    return c.map((v) => v - mean);
  });
  const norms = centred.map((c) => Math.sqrt(c.reduce((a, v) => a + v * v, 0)));
  const values = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      const ca = centred[a]!;
      const cb = centred[b]!;
      for (let i = 0; i < n; i++) s += ca[i]! * cb[i]!;
      const r = norms[a]! > 0 && norms[b]! > 0 ? s / (norms[a]! * norms[b]!) : Number.NaN;
      values[a * k + b] = r;
      values[b * k + a] = r;
    }
  }
  return { labels: [...frame.names], values };
}

/**
 * {@link describeFeatures} as a table: one row per feature, its mean, sd, minimum, 5th percentile, median, 95th
 * percentile and maximum (in the feature's own unit; printed as plain numbers, since a column holds many units).
 *
 * @example
 * ```ts
 * featureSummaryTable(store.build()).column("median").get("volatility_63d"); // => 0.237 (23.7 % a year)
 * ```
 * @throws InputError EMPTY_TABLE when the frame has no features.
 */
export function featureSummaryTable(frame: FeatureFrame): Table {
  const rows = describeFeatures(frame).map((s) => ({ ...s }));
  return tableOfRows(rows, { maxRows: 100 });
}
