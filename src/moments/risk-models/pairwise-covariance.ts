/**
 * Sample covariance of returns with pairwise-complete observations (pandas `DataFrame.cov()`).
 */
import { COVARIANCE_DDOF } from "../../core/index";
import { InputError } from "../../core/index";
import type { DateTable, LabelledMatrix } from "../../core/index";
import { checkDateTable } from "../../core/index";
import { columnMajorReturns } from "../expected-returns/return-columns";
import { crossProduct } from "./cross-product";

/**
 * Sample covariance matrix of per-period returns, **not annualised**, with pandas' `DataFrame.cov()`
 * semantics: each pair (i, j) uses the rows where both returns are observed, with its own means over
 * those rows, and divides by `nPair − 1` (ddof 1, {@link COVARIANCE_DDOF}). The diagonal is each column's
 * variance over its own observations.
 *
 * With missing data the result need not be positive semidefinite; see `fixNonpositiveSemidefinite`.
 *
 * @param returns per-period returns, shape `nObservations × nAssets`; `NaN` = missing.
 * @returns covariance in squared return units per period, shape `nAssets × nAssets`, labelled by ticker.
 * @throws InputError when the table is malformed, a return is ±Infinity (naming ticker and date), a
 *   column has fewer than 2 observations, or a pair overlaps on fewer than 2 dates (where pandas would
 *   give NaN); each message names the tickers and what to do.
 *
 * @example
 * ```ts
 * const returns = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"],
 *   values: Float64Array.from([0.01, 0.02, 0.03, NaN, 0.02, 0.00]) };
 * pairwiseCovariance(returns).values; // => ≈ Float64Array [0.0001, -0.0001, -0.0001, 0.0002]
 * ```
 */
export function pairwiseCovariance(returns: DateTable): LabelledMatrix {
  const caller = "pairwiseCovariance";
  checkDateTable(returns, caller, "returns");
  const t = returns.dates.length;
  const m = returns.tickers.length;

  const { columns, counts } = columnMajorReturns(returns, caller);
  for (let j = 0; j < m; j++) {
    if (counts[j]! < 2) {
      throw new InputError(
        "TOO_FEW_OBSERVATIONS",
        `${caller}: column ${returns.tickers[j]} has ${counts[j]} return observation${counts[j] === 1 ? "" : "s"}; pass at least 2 (a longer window) or drop the column`,
        { ticker: returns.tickers[j], count: counts[j] },
      );
    }
  }

  // Complete columns are centred once; pairs of complete columns then need a single dot product.
  const complete = new Uint8Array(m);
  const centred = new Float64Array(m * t);
  for (let j = 0; j < m; j++) {
    if (counts[j] !== t) continue;
    complete[j] = 1;
    const base = j * t;
    let mean = 0;
    for (let i = 0; i < t; i++) mean += columns[base + i]!;
    mean /= t;
    for (let i = 0; i < t; i++) centred[base + i] = columns[base + i]! - mean;
  }

  const out = new Float64Array(m * m);
  // Pairs of complete columns: one blocked cross product of the centred columns (crossProduct).
  const completeIndex: number[] = [];
  for (let j = 0; j < m; j++) if (complete[j]) completeIndex.push(j);
  if (completeIndex.length > 0) {
    const k = completeIndex.length;
    const packed = k === m ? centred : new Float64Array(k * t);
    if (k !== m) completeIndex.forEach((j, c) => packed.set(centred.subarray(j * t, (j + 1) * t), c * t));
    const gram = crossProduct(packed, t, k);
    const scale = 1 / (t - COVARIANCE_DDOF);
    for (let ca = 0; ca < k; ca++) {
      const a = completeIndex[ca]!;
      for (let cb = 0; cb < k; cb++) out[a * m + completeIndex[cb]!] = gram[ca * k + cb]! * scale;
    }
  }
  // Pairs with a gap: each over the dates both are observed (pandas' pairwise-complete covariance).
  for (let a = 0; a < m; a++) {
    const baseA = a * t;
    for (let b = 0; b <= a; b++) {
      if (complete[a] && complete[b]) continue;
      const baseB = b * t;
      let n = 0;
      let meanA = 0;
      let meanB = 0;
      for (let i = 0; i < t; i++) {
        const x = columns[baseA + i]!;
        const y = columns[baseB + i]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        n++;
        meanA += x;
        meanB += y;
      }
      if (n < 2) {
        throw new InputError(
          "TOO_FEW_OVERLAPPING_OBSERVATIONS",
          `${caller}: ${returns.tickers[a]} and ${returns.tickers[b]} are both observed on ${n} date${n === 1 ? "" : "s"}; their covariance needs at least 2 — drop one of them or use a window where both trade`,
          { tickers: [returns.tickers[a], returns.tickers[b]], count: n },
        );
      }
      meanA /= n;
      meanB /= n;
      let s = 0;
      for (let i = 0; i < t; i++) {
        const x = columns[baseA + i]!;
        const y = columns[baseB + i]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        s += (x - meanA) * (y - meanB);
      }
      const value = s / (n - COVARIANCE_DDOF);
      out[a * m + b] = value;
      out[b * m + a] = value;
    }
  }
  return { labels: [...returns.tickers], values: out };
}
