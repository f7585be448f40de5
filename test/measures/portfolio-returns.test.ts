import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import type { DateTable } from "../../src/core/frame";
import { portfolioReturns } from "../../src/measures/portfolio-returns";
import { applyProxies } from "../../src/measures/proxy-returns";
import { seriesOf } from "../../src/measures/return-series";

// Columns A, B, C; B lists on d3; C is never held.
const returns: DateTable = {
  dates: ["d1", "d2", "d3", "d4"],
  tickers: ["A", "B", "C"],
  values: Float64Array.of(0.01, NaN, NaN, -0.02, NaN, 0.5, 0.03, 0.01, NaN, 0.0, -0.04, NaN),
};
const weights = { labels: ["A", "B", "C"], values: Float64Array.of(0.75, 0.25, 0) };

describe("portfolioReturns", () => {
  it("sums weighted returns on each date, with a proxy for the holding's missing dates (hand case)", () => {
    const p = portfolioReturns(returns, weights, { proxies: { B: "A" } });
    expect(p.dates).toEqual(["d1", "d2", "d3", "d4"]);
    [0.01, -0.02, 0.75 * 0.03 + 0.25 * 0.01, 0.75 * 0 + 0.25 * -0.04].forEach((v, i) => expect(p.values[i]).toBeCloseTo(v, 15));
    expect(p.proxied).toEqual([{ ticker: "B", proxy: "A", dates: 2 }]);
    expect(p.droppedDates).toBe(0);
  });

  it("ignores zero-weight columns (C has NaN everywhere it matters)", () => {
    const p = portfolioReturns(returns, { labels: ["A", "C"], values: Float64Array.of(1, 0) });
    expect(Array.from(p.values)).toEqual([0.01, -0.02, 0.03, 0]);
  });

  it("throws naming the holding and date when a return is missing, and drops the dates only on request", () => {
    expect(() => portfolioReturns(returns, weights)).toThrowError(/B \(weight 0.25\) has no return on d1; give it a stand-in with proxies/);
    const p = portfolioReturns(returns, weights, { dropIncompleteDates: true });
    expect(p.dates).toEqual(["d3", "d4"]);
    expect(p.droppedDates).toBe(2);
  });

  it("rejects unknown tickers in the weights or the proxies, and self-proxies", () => {
    expect(() => portfolioReturns(returns, { labels: ["A", "Z"], values: Float64Array.of(0.5, 0.5) })).toThrowError(/weight ticker Z is not a column/);
    expect(() => portfolioReturns(returns, weights, { proxies: { B: "ZZ" } })).toThrowError(/proxy of B ZZ is not a column/);
    expect(() => portfolioReturns(returns, weights, { proxies: { B: "B" } })).toThrowError(/its own proxy/);
    expect(() => portfolioReturns(returns, { labels: ["A"], values: Float64Array.of(NaN) })).toThrowError(InputError);
  });

  it("does not change its inputs", () => {
    const before = Array.from(returns.values);
    portfolioReturns(returns, weights, { proxies: { B: "A" } });
    expect(Array.from(returns.values)).toEqual(before);
    expect(Array.from(weights.values)).toEqual([0.75, 0.25, 0]);
  });
});

describe("applyProxies and seriesOf", () => {
  it("leave a NaN where the proxy is missing too", () => {
    const { values } = applyProxies(returns, ["C"], { C: "B" }, "test");
    expect(Array.from(values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, 0.5, 0.01, -0.04]);
  });

  it("seriesOf keeps the observed dates of one column", () => {
    expect(seriesOf(returns, "B")).toEqual({ dates: ["d3", "d4"], values: Float64Array.of(0.01, -0.04) });
    expect(() => seriesOf(returns, "Q")).toThrowError(/ticker Q is not a column/);
  });
});
