/**
 * Pearson correlation of returns with pairwise-complete observations (pandas `DataFrame.corr()`).
 */
import { InputError } from "../../core/index";
import type { DateTable, LabelledMatrix } from "../../core/index";
import { crossProduct } from "../../moments/index";
import { columnMajorReturns } from "../../moments/index";
import { checkDateTable } from "../../core/index";

/**
 * Pearson correlation matrix of per-period returns with pandas' `DataFrame.corr()` semantics: each pair uses
 * the rows where both are observed, with its own means **and standard deviations** over those rows (so it is
 * not `cov / (σᵢσⱼ)` of the pairwise covariance, whose variances use each column's own rows). The diagonal is 1.
 *
 * @param returns per-period returns, `nObservations × nAssets`; `NaN` = missing.
 * @returns correlations, `nAssets × nAssets`, labelled by ticker.
 * @throws InputError when the table is malformed, a return is ±Infinity, or a pair has fewer than 2 common
 *   observations or no variation over them (pandas would give NaN).
 *
 * @example
 * ```ts
 * pairwiseCorrelation({ dates: ["d1", "d2", "d3"], tickers: ["A", "B"],
 *   values: Float64Array.of(0.01, 0.02, 0.02, 0.04, 0.03, 0.05) }).values;
 * // => ≈ Float64Array [1, 0.9820, 0.9820, 1]
 * ```
 */
export function pairwiseCorrelation(returns: DateTable): LabelledMatrix {
  const caller = "pairwiseCorrelation";
  checkDateTable(returns, caller, "returns");
  const T = returns.dates.length;
  const m = returns.tickers.length;
  const { columns, counts } = columnMajorReturns(returns, caller);
  let complete = true;
  for (let j = 0; j < m && complete; j++) complete = counts[j] === T;
  const out = new Float64Array(m * m);
  const fail = (i: number, j: number, count: number) => {
    throw new InputError(
      "UNDEFINED_CORRELATION",
      `${caller}: the correlation of ${returns.tickers[i]} and ${returns.tickers[j]} is undefined (${count} common observation${count === 1 ? "" : "s"}, or no variation over them); drop one of them or use a longer window`,
      { first: returns.tickers[i], second: returns.tickers[j], count },
    );
  };
  if (complete) {
    // Fast path: centre and scale each column once (zⱼ = (xⱼ − x̄ⱼ)/‖xⱼ − x̄ⱼ‖), then ρ = ZᵀZ in one cross product.
    const z = new Float64Array(m * T);
    for (let j = 0; j < m; j++) {
      let mean = 0;
      for (let t = 0; t < T; t++) mean += columns[j * T + t]!;
      mean /= T;
      let ss = 0;
      for (let t = 0; t < T; t++) {
        const d = columns[j * T + t]! - mean;
        z[j * T + t] = d;
        ss += d * d;
      }
      if (!(ss > 0) || T < 2) fail(j, j, T);
      const scale = 1 / Math.sqrt(ss);
      for (let t = 0; t < T; t++) z[j * T + t] = z[j * T + t]! * scale;
    }
    const gram = crossProduct(z, T, m);
    for (let i = 0; i < m; i++) {
      out[i * m + i] = 1;
      for (let j = i + 1; j < m; j++) {
        const rho = Math.max(-1, Math.min(1, gram[i * m + j]!));
        out[i * m + j] = rho;
        out[j * m + i] = rho;
      }
    }
    return { labels: [...returns.tickers], values: out };
  }
  for (let i = 0; i < m; i++) {
    out[i * m + i] = 1;
    for (let j = i + 1; j < m; j++) {
      let count = 0;
      let sx = 0;
      let sy = 0;
      for (let t = 0; t < T; t++) {
        const x = columns[i * T + t]!;
        const y = columns[j * T + t]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        count++;
        sx += x;
        sy += y;
      }
      if (count < 2) fail(i, j, count);
      const mx = sx / count;
      const my = sy / count;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let t = 0; t < T; t++) {
        const x = columns[i * T + t]!;
        const y = columns[j * T + t]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
      }
      if (!(sxx > 0 && syy > 0)) fail(i, j, count);
      const rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
      out[i * m + j] = rho;
      out[j * m + i] = rho;
    }
  }
  return { labels: [...returns.tickers], values: out };
}
