import { describe, expect, it } from "vitest";
import { shrinkageReturns } from "../../../src/moments/risk-models/shrinkage-returns";

describe("shrinkageReturns", () => {
  it("fills missing returns with 0 and then centres each column, zeros included (np.nan_to_num, X − X.mean())", () => {
    const prices = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"], values: Float64Array.from([10, NaN, 11, 20, 12.1, 22, 11, 24.2]) };
    const r = shrinkageReturns(prices, "t");
    expect(r.nRows).toBe(3);
    expect(r.complete).toBe(false);
    const b = [0, 0.1, 0.1];
    const mean = (0 + 0.1 + 0.1) / 3;
    b.forEach((x, i) => expect(r.centred[3 + i]).toBeCloseTo(x - mean, 15));
    let sumA = 0;
    for (let i = 0; i < 3; i++) sumA += r.centred[i]!;
    expect(sumA).toBeCloseTo(0, 15);
    expect(Number.isNaN(r.returns.values[1]!)).toBe(true); // the gap-aware returns are kept too
  });
});
