// Known answers (worked by hand) for the rolling measures the feature store is built from.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import {
  logReturns,
  meanReversionZScore,
  momentum,
  rollingCapm,
  rollingCorrelation,
  rollingMean,
  rollingVolatility,
} from "../../src/features/index";

const close = (actual: ArrayLike<number>, expected: number[], digits = 10): void => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => (Number.isNaN(e) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(e, digits)));
};

describe("log returns", () => {
  it("are the log of p[t]/p[t−1], NaN before the first pair", () => {
    close(logReturns(Float64Array.of(100, 110)), [NaN, Math.log(1.1)]);
  });
});

describe("rollingMean", () => {
  it("averages the trailing window ending at each index", () => {
    close(rollingMean(Float64Array.of(1, 2, 3, 4), 2), [NaN, 1.5, 2.5, 3.5]);
    close(rollingMean(Float64Array.of(NaN, 2, 4, 9), 3), [NaN, NaN, NaN, 5]);
  });
  it("evaluates only the requested indices", () => {
    close(rollingMean(Float64Array.of(1, 2, 3, 4), 3, [3, 1]), [3, NaN]);
  });
  it("rejects too few observations, interior NaN and bad windows", () => {
    expect(() => rollingMean([NaN, 1, 2], 3)).toThrowError(/2 observations but the window needs 3/);
    expect(() => rollingMean([1, NaN, 2], 1)).toThrowError(InputError);
    expect(() => rollingMean([1, NaN, 2], 1)).toThrowError(/NaN at index 1/);
    expect(() => rollingMean([1, 2], 0)).toThrowError(/window 0/);
    expect(() => rollingMean([1, 2], 1, [5])).toThrowError(/index 5/);
  });
  it("does not change its input", () => {
    const input = Object.freeze([1, 2, 3]);
    rollingMean(input, 2);
    expect(input).toEqual([1, 2, 3]);
  });
});

describe("rollingVolatility", () => {
  it("is the trailing sample standard deviation (ddof 1)", () => {
    close(rollingVolatility(Float64Array.of(1, 3, 5), 2), [NaN, Math.SQRT2, Math.SQRT2]);
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations sum 32, sd √(32/7)
    close(rollingVolatility([2, 4, 4, 4, 5, 5, 7, 9], 8, [7]), [Math.sqrt(32 / 7)]);
  });
  it("needs a window of at least 2", () => {
    expect(() => rollingVolatility([1, 2, 3], 1)).toThrowError(/≥ 2/);
  });
});

describe("momentum", () => {
  it("is the simple return over the horizon", () => {
    close(momentum(Float64Array.of(100, 105, 110, 121), 2), [NaN, NaN, 0.1, 121 / 105 - 1]);
  });
  it("needs horizon + 1 prices", () => {
    expect(() => momentum([1, 2], 2)).toThrowError(/window needs 3/);
  });
});

describe("meanReversionZScore", () => {
  it("standardises the log price against its trailing window", () => {
    // log prices 0, 1, 2: mean 1, sd 1 ⇒ z = (2 − 1) / 1
    close(meanReversionZScore(Float64Array.of(1, Math.E, Math.E ** 2), 3), [NaN, NaN, 1]);
  });
  it("is NaN for a flat window (no spread)", () => {
    expect(meanReversionZScore([5, 5, 5], 3)[2]).toBeNaN();
  });
});

describe("rollingCorrelation", () => {
  it("is the trailing Pearson correlation", () => {
    // window [2,3,5] vs [4,6,7]: deviations (−4/3, −1/3, 5/3) and (−5/3, 1/3, 4/3) ⇒ r = (39/9) / (42/9) = 13/14
    const r = rollingCorrelation(Float64Array.of(1, 2, 3, 5), Float64Array.of(2, 4, 6, 7), 3);
    expect(r[2]).toBeCloseTo(1, 12);
    const a = [2, 3, 5];
    const b = [4, 6, 7];
    const ma = 10 / 3;
    const mb = 17 / 3;
    const sab = a.reduce((s, v, i) => s + (v - ma) * (b[i]! - mb), 0);
    const saa = a.reduce((s, v) => s + (v - ma) ** 2, 0);
    const sbb = b.reduce((s, v) => s + (v - mb) ** 2, 0);
    expect(r[3]).toBeCloseTo(sab / Math.sqrt(saa * sbb), 12);
    expect(r[3]).toBeCloseTo(13 / 14, 14);
  });
  it("rejects series of different lengths", () => {
    expect(() => rollingCorrelation([1, 2, 3], [1, 2], 3)).toThrowError(/align/);
  });
});

describe("rollingCapm", () => {
  it("regresses the asset on the market: beta = cov / var, alpha = mean(r) − beta · mean(m)", () => {
    const { beta, alpha } = rollingCapm(Float64Array.of(0.02, 0.04, 0.0), Float64Array.of(0.01, 0.02, 0.0), 3);
    expect(beta[2]).toBeCloseTo(2, 12);
    expect(alpha[2]).toBeCloseTo(0, 12);
    // asset = 0.001 + 1.5 · market exactly ⇒ beta 1.5, alpha 0.001
    const m = [0.01, -0.02, 0.015, 0.003];
    const fit = rollingCapm(m.map((x) => 0.001 + 1.5 * x), m, 4, [3]);
    expect(fit.beta[0]).toBeCloseTo(1.5, 12);
    expect(fit.alpha[0]).toBeCloseTo(0.001, 12);
  });
});
