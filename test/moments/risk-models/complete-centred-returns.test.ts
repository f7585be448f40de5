import { describe, expect, it } from "vitest";
import { completeCentredReturns } from "../../../src/moments/risk-models/complete-centred-returns";

// 5 dates × 3 tickers; known answers from numpy (/usr/bin/python3):
// r = p[1:] / p[:-1] − 1; x = r − r.mean(0); print(r.mean(0), x.T.ravel(), (x ** 2).sum(1), np.log(p[1:] / p[:-1]).mean(0))
const prices = {
  dates: ["d1", "d2", "d3", "d4", "d5"],
  tickers: ["A", "B", "C"],
  values: Float64Array.from([100, 50, 20, 101, 50.5, 21, 100, 51, 20.5, 102, 50, 20.7, 103.5, 49, 21.2]),
};
const means = [0.00870122306348281, -0.00492671325956126, 0.01502529078085815];
const centred = [
  0.0012987769365172, -0.01860221316249272, 0.01129877693651721, 0.00600465928945831,
  0.01492671325956127, 0.01482770335857117, -0.01468112987769368, -0.01507328674043876,
  0.03497470921914189, -0.03883481459038199, -0.00526919321988253, 0.00912929859112263,
];
const rowSquares = [0.00144772387522752, 0.00207404594570195, 0.00037096233193534, 0.00034660399910784];
const logMeans = [0.00860035667933309, -0.00505067682937987, 0.01456722703099398];

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) expect(Math.abs(actual[k]! - expected[k]!)).toBeLessThan(tolerance);
}

describe("completeCentredReturns", () => {
  it("gives numpy's column means, centred returns (column-major) and row sums of squares", () => {
    const c = completeCentredReturns(prices)!;
    expect(c.nRows).toBe(4);
    expect(c.nColumns).toBe(3);
    expectClose(c.means, means);
    const x = new Float64Array(12);
    const squares = new Float64Array(4);
    c.writer(squares)(x, 4, 0, 4);
    expectClose(x, centred);
    expectClose(squares, rowSquares, 1e-16);
  });

  it("writes any row panel into a target with a longer stride, the same values as the whole", () => {
    const c = completeCentredReturns(prices)!;
    const whole = new Float64Array(12);
    c.writer()(whole, 4, 0, 4);
    const stride = 6;
    const panel = new Float64Array(3 * stride).fill(-7);
    const squares = new Float64Array(4).fill(-1);
    c.writer(squares)(panel, stride, 1, 2); // rows 1 and 2
    for (let j = 0; j < 3; j++) {
      expect(panel[j * stride]).toBe(whole[j * 4 + 1]);
      expect(panel[j * stride + 1]).toBe(whole[j * 4 + 2]);
      for (let k = 2; k < stride; k++) expect(panel[j * stride + k]).toBe(-7); // nothing past the panel's rows
    }
    expect(squares[0]).toBe(-1);
    expect(squares[3]).toBe(-1);
    expectClose(squares.subarray(1, 3), rowSquares.slice(1, 3), 1e-16);
  });

  it("takes log returns when asked", () => {
    expectClose(completeCentredReturns(prices, true)!.means, logMeans);
  });

  it.each([
    ["a missing price", 4, NaN],
    ["a zero price", 7, 0],
    ["a negative price", 0, -100],
    ["an infinite price", 14, Infinity],
  ])("is null (the caller's general path) for %s", (_name, k, value) => {
    const values = prices.values.slice();
    values[k] = value;
    expect(completeCentredReturns({ ...prices, values })).toBeNull();
  });

  it("is null for a malformed table, fewer than 3 dates or an overflowing return", () => {
    expect(completeCentredReturns({ ...prices, dates: ["d1", "d3", "d2", "d4", "d5"] })).toBeNull();
    expect(completeCentredReturns({ ...prices, values: prices.values.subarray(1) })).toBeNull();
    expect(completeCentredReturns({ dates: ["d1", "d2"], tickers: ["A"], values: Float64Array.from([1, 2]) })).toBeNull();
    expect(completeCentredReturns({ dates: ["d1", "d2", "d3"], tickers: ["A"], values: Float64Array.from([1e-300, 1e300, 1]) })).toBeNull();
  });
});
