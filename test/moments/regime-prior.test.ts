// Known answers: test/fixtures/regimes/hmm.json ("prior"), computed by make_hmm.py with numpy from the smoothed and
// filtered probabilities numpy found at em2d's fitted parameters: per-regime moments (divisor Σγ), mixture blend.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frame, InputError, type Frame } from "../../src/core/index";
import { packagePath } from "../../src/core/paths";
import { regimes } from "../../src/models/index";
import { regimePrior } from "../../src/moments/index";
import { portfolios } from "../../src/optimise/index";

interface Fit { initial: number[]; transition: number[]; means: number[]; covariances: number[] }
interface PriorAnswer { probabilities: number[]; expectedReturns: number[]; covariance: number[]; regimeMeans: number[] }
const fixture = JSON.parse(readFileSync(packagePath("test", "fixtures", "regimes", "hmm.json"), "utf8")) as {
  em2d: { K: number; d: number; x: number[]; fit: Fit };
  prior: { filtered: PriorAnswer; given: PriorAnswer };
};
const c = fixture.em2d;

/** Prices whose simple returns are the fixture's returns: 100 · Π(1 + r). */
function pricesOf(x: readonly number[], d: number): Frame {
  const n = x.length / d;
  const values = new Float64Array((n + 1) * d).fill(100);
  for (let t = 1; t <= n; t++) for (let i = 0; i < d; i++) values[t * d + i] = values[(t - 1) * d + i]! * (1 + x[(t - 1) * d + i]!);
  const dates = Array.from({ length: n + 1 }, (_, i) => new Date(Date.UTC(2001, 0, 1) + i * 86400000).toISOString().slice(0, 10));
  return frame({ dates, tickers: ["S1", "S2"], values });
}

const prices = pricesOf(c.x, c.d);
const model = new regimes.GaussianHmm(
  { states: c.K, dimension: c.d, initial: Float64Array.from(c.fit.initial), transition: Float64Array.from(c.fit.transition), means: Float64Array.from(c.fit.means), covariances: Float64Array.from(c.fit.covariances) },
  ["S1", "S2"],
);

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(tol * Math.max(1, Math.abs(expected[i]!)));
}

describe("regimePrior", () => {
  it("equals numpy's blend of per-regime moments with the last day's filtered probabilities", () => {
    const p = regimePrior(prices, { model });
    const a = fixture.prior.filtered;
    expectClose(p.regimeProbabilities.values, a.probabilities, 1e-9);
    expectClose(p.expectedReturns.values, a.expectedReturns, 1e-9);
    expectClose(p.covariance.values, a.covariance, 1e-9);
    expectClose([...p.regimeReturns.column("state 1").values, ...p.regimeReturns.column("state 2").values], a.regimeMeans, 1e-9);
    expect(p.frequency).toBe(252);
    expect(p.description).toMatch(/regime prior: 2-state Gaussian HMM on S1, S2/);
  });

  it("blends with given probabilities (normalised), and p·A^h when asked ahead", () => {
    const p = regimePrior(prices, { model, probabilities: [3, 7] });
    expectClose(p.expectedReturns.values, fixture.prior.given.expectedReturns, 1e-9);
    expectClose(p.covariance.values, fixture.prior.given.covariance, 1e-9);
    const ahead = regimePrior(prices, { model, probabilities: [1, 0], ahead: 1 });
    expectClose(ahead.regimeProbabilities.values, c.fit.transition.slice(0, 2), 1e-12);
  });

  it("is a Prior every optimiser takes", () => {
    const p = regimePrior(prices, { model, probabilities: [0.3, 0.7] });
    const minVol = portfolios.minVolatility(p);
    expect(minVol.weights.values.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 8);
    const sharpe = portfolios.maxSharpe(p, { riskFreeRate: 0 });
    expect(sharpe.weights.labels).toEqual(["S1", "S2"]);
  });

  it("fits its own HMM on the window when no model is given (the average signal by default)", () => {
    const p = regimePrior(prices, { states: 2, hmm: { starts: 3, seed: 2 } });
    expect(p.model.tickers).toEqual(["average"]);
    expect(p.signal.tickers).toEqual(["average"]);
    expect(p.signal.values[0]).toBeCloseTo((c.x[0]! + c.x[1]!) / 2, 14);
    expect(p.filtered.length).toBe(c.x.length / 2);
    expect(p.regimeProbabilities.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it("no look-ahead: the prior for date t does not change when later prices change", () => {
    const t = prices.dates[300]!;
    const changed = Float64Array.from(prices.values);
    for (let i = 301 * 2; i < changed.length; i++) changed[i] = changed[i]! * (1 + 0.3 * Math.sin(i));
    const other = frame({ ...prices, values: changed });
    for (const options of [{ model }, { states: 2, hmm: { starts: 2, seed: 9 } }]) {
      const a = regimePrior(prices, { ...options, asOf: t });
      const b = regimePrior(other, { ...options, asOf: t });
      expect(Array.from(b.expectedReturns.values)).toEqual(Array.from(a.expectedReturns.values));
      expect(Array.from(b.covariance.values)).toEqual(Array.from(a.covariance.values));
      expect(a.returns.dates.at(-1)).toBe(t);
    }
    // the filtered probabilities of date t on the whole history equal those on the history up to t
    const whole = regimePrior(prices, { model });
    const upTo = regimePrior(prices, { model, asOf: t });
    expect(Array.from(upTo.regimeProbabilities.values)).toEqual(Array.from(whole.filtered.at(t).values));
  });

  it("reads past a missing price: the signal averages the returns known that day, the moments use the complete days", () => {
    const gap = Float64Array.from(prices.values);
    gap[100 * 2 + 1] = Number.NaN; // S2 on day 100: its returns on days 100 and 101 are missing
    const p = regimePrior(frame({ ...prices, values: gap }), { states: 2, hmm: { starts: 2, seed: 4 } });
    expect(p.signal.length).toBe(c.x.length / 2);
    expect(p.signal.values[99]).toBeCloseTo(c.x[99 * 2]!, 12); // S1's return alone
    expect(p.description).toMatch(/moments from 598 days with every return/);
    expect(p.covariance.values.every(Number.isFinite)).toBe(true);
    const named = regimePrior(frame({ ...prices, values: gap }), { signal: ["S2"], states: 2, hmm: { starts: 2, seed: 4 } });
    expect(named.signal.length).toBe(c.x.length / 2 - 2);
  });

  it("throws NO_REGIME_PROBABILITY, TOO_MANY_STATES and BAD_LOOKBACK, and leaves its input alone", () => {
    const before = Float64Array.from(prices.values);
    expect(() => regimePrior(prices, { model, probabilities: [0, 0] })).toThrowError(expect.objectContaining({ code: "NO_REGIME_PROBABILITY" }));
    expect(() => regimePrior(prices, { model, probabilities: [1] })).toThrow(InputError);
    expect(() => regimePrior(prices, { model, probabilities: [Number.NaN, 1] })).toThrowError(expect.objectContaining({ code: "NO_REGIME_PROBABILITY" }));
    expect(() => regimePrior(prices, { states: 4, lookback: 40 })).toThrowError(expect.objectContaining({ code: "TOO_MANY_STATES" }));
    expect(() => regimePrior(prices, { lookback: 1 })).toThrowError(expect.objectContaining({ code: "BAD_LOOKBACK" }));
    expect(() => regimePrior(prices, { signal: ["NOPE"] })).toThrowError(expect.objectContaining({ code: "UNKNOWN_COLUMN" }));
    expect(prices.values).toEqual(before);
  });
});
