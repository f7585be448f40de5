import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { pairwiseCorrelation } from "../../../src/optimise/hrp/pairwise-correlation";
import { copyTable } from "../helpers/fixtures";
import { normal, seededRandom } from "../helpers/random";
import { returns } from "../optimizer-fixtures";

describe("pairwiseCorrelation", () => {
  it("computes Pearson correlation (the TSDoc example)", () => {
    const corr = pairwiseCorrelation({ dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.of(0.01, 0.02, 0.02, 0.04, 0.03, 0.05) });
    expect(corr.values[1]).toBeCloseTo(0.0003 / Math.sqrt(0.0002 * (0.0014 / 3)), 12);
    expect(corr.values[0]).toBe(1);
  });

  it("uses pairwise-complete rows with their own means and deviations (pandas DataFrame.corr)", () => {
    // B misses d1: the pair uses d2…d4 only, where A and B move exactly together.
    const table = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"], values: Float64Array.of(0.5, NaN, 0.01, 0.02, 0.02, 0.04, 0.03, 0.06) };
    expect(pairwiseCorrelation(table).values[1]).toBeCloseTo(1, 14);
  });

  it("is symmetric with a unit diagonal on the fixture", () => {
    const corr = pairwiseCorrelation(returns);
    const n = returns.tickers.length;
    for (let i = 0; i < n; i++) {
      expect(corr.values[i * n + i]).toBe(1);
      for (let j = 0; j < n; j++) expect(corr.values[i * n + j]).toBe(corr.values[j * n + i]);
    }
  });

  it("throws InputError for pairs without 2 common observations or without variation", () => {
    expect(() => pairwiseCorrelation({ dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.of(0.01, NaN, NaN, 0.02) })).toThrow(/A and B is undefined/);
    expect(() => pairwiseCorrelation({ dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.of(0.01, 0.01, 0.01, 0.02) })).toThrow(InputError);
  });

  it("does not modify its input", () => {
    const copy = copyTable(returns);
    pairwiseCorrelation(returns);
    expect(returns).toEqual(copy);
  });

  it("without gaps (one cross product) agrees with the per-pair formula to 1e-13", () => {
    const [T, m] = [257, 23];
    const gauss = normal(seededRandom(23));
    const values = Float64Array.from({ length: T * m }, () => 0.01 * gauss());
    const table = { dates: Array.from({ length: T }, (_, t) => `d${String(t).padStart(4, "0")}`), tickers: Array.from({ length: m }, (_, j) => `T${j}`), values };
    const corr = pairwiseCorrelation(table).values;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        let [mx, my] = [0, 0];
        for (let t = 0; t < T; t++) [mx, my] = [mx + values[t * m + i]!, my + values[t * m + j]!];
        [mx, my] = [mx / T, my / T];
        let [sxy, sxx, syy] = [0, 0, 0];
        for (let t = 0; t < T; t++) {
          const [dx, dy] = [values[t * m + i]! - mx, values[t * m + j]! - my];
          [sxy, sxx, syy] = [sxy + dx * dy, sxx + dx * dx, syy + dy * dy];
        }
        expect(Math.abs(corr[i * m + j]! - sxy / Math.sqrt(sxx * syy))).toBeLessThan(1e-13);
      }
    }
  });
});
