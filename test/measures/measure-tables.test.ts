import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { beta } from "../../src/measures/beta";
import { cornishFisherTailRisk } from "../../src/measures/cornish-fisher-tail-risk";
import { drawdowns } from "../../src/measures/drawdown";
import { drawdownFrame } from "../../src/measures/drawdown-frame";
import { gaussianTailRisk } from "../../src/measures/gaussian-tail-risk";
import { historicalTailRisk } from "../../src/measures/historical-tail-risk";
import { lateListingProxies } from "../../src/measures/late-listing-proxies";
import { measureTable, valuesOfSeries } from "../../src/measures/measure-table";
import { monteCarloTailRisk } from "../../src/measures/monte-carlo-tail-risk";
import { returnMoments } from "../../src/measures/return-moments";
import { returnMomentsTable } from "../../src/measures/return-moments-table";
import { tailRiskTable } from "../../src/measures/tail-risk-table";
import { trackingError } from "../../src/measures/tracking-error";
import { volatility } from "../../src/measures/volatility";

const r = Float64Array.of(0.01, -0.02, 0.03, 0.0, 0.015, -0.005, 0.02, -0.01, 0.004, -0.03, 0.012, 0.006);
const m = Float64Array.of(0.008, -0.01, 0.02, 0.002, 0.01, -0.004, 0.01, -0.012, 0.001, -0.02, 0.01, 0.004);
const dates = r.map((_, i) => i).reduce<string[]>((acc, i) => [...acc, `2024-01-${String(i + 1).padStart(2, "0")}`], []);

describe("lateListingProxies", () => {
  const prices = { dates: ["d1", "d2", "d3"], tickers: ["MKT", "OLD", "NEW"], values: Float64Array.of(100, 10, NaN, 101, 11, NaN, 102, 12, 5) };

  it("names the holdings without a first-date price, each with the stand-in (hand case)", () => {
    expect(lateListingProxies(prices, ["OLD", "NEW"], "MKT")).toEqual({ NEW: "MKT" });
    expect(lateListingProxies(prices, ["OLD"], "MKT")).toEqual({});
  });

  it("throws naming an unknown ticker, or a stand-in that lists late itself", () => {
    expect(() => lateListingProxies(prices, ["ZZZ"], "MKT")).toThrowError(/holding ZZZ is not a column/);
    expect(() => lateListingProxies(prices, ["OLD"], "NEW")).toThrowError(InputError);
    expect(() => lateListingProxies(prices, ["OLD"], "NEW")).toThrowError(/stand-in NEW has no price on d1/);
  });

  it("does not change the prices", () => {
    const before = Array.from(prices.values);
    lateListingProxies(prices, ["OLD", "NEW"], "MKT");
    expect(Array.from(prices.values)).toEqual(before);
  });
});

describe("measureTable", () => {
  it("puts each measure of each series in a column, in its unit (equal to the measures called alone)", () => {
    const t = measureTable({ portfolio: r, market: { dates, values: m } }, { volatility: volatility }, { unit: "fraction" });
    expect(t.labels).toEqual(["portfolio", "market"]);
    expect(t.column("volatility").get("portfolio")).toBe(volatility(r));
    expect(t.column("volatility").get("market")).toBe(volatility(m));
    expect(t.column("volatility").unit).toBe("fraction");
    expect(t.labelName).toBe("series");
  });

  it("computes relative measures against a benchmark, with a unit per column", () => {
    const t = measureTable({ portfolio: r }, { beta: beta, "tracking error": trackingError }, { benchmark: m, units: { beta: "ratio", "tracking error": "fraction" } });
    expect(t.column("beta").get("portfolio")).toBe(beta(r, m));
    expect(t.column("tracking error").get("portfolio")).toBe(trackingError(r, m));
    expect(t.column("beta").unit).toBe("ratio");
  });

  it("throws on no series or no measure, and passes on a measure's error", () => {
    expect(() => measureTable({}, { volatility: volatility })).toThrowError(/no series/);
    expect(() => measureTable({ a: r }, {})).toThrowError(/no measure/);
    expect(() => measureTable({ a: Float64Array.of(NaN, 1) }, { volatility: volatility })).toThrowError(InputError);
  });

  it("does not change its inputs", () => {
    const copy = Float64Array.from(r);
    measureTable({ a: r }, { volatility: (x) => { x[0] = 99; return 0; } });
    expect(Array.from(r)).toEqual(Array.from(copy));
    expect(Array.from(valuesOfSeries({ dates, values: r }))).toEqual(Array.from(r));
  });
});

describe("returnMomentsTable", () => {
  it("gives returnMoments per series, with units", () => {
    const t = returnMomentsTable({ portfolio: r });
    const moments = returnMoments(r);
    expect(t.column("count").get("portfolio")).toBe(moments.count);
    expect(t.column("mean").get("portfolio")).toBe(moments.mean);
    expect(t.column("excessKurtosis").get("portfolio")).toBe(moments.excessKurtosis);
    expect(t.column("mean").unit).toBe("fraction");
    expect(t.column("skewness").unit).toBe("ratio");
  });

  it("throws on no series", () => {
    expect(() => returnMomentsTable({})).toThrowError(/no series/);
  });
});

describe("tailRiskTable", () => {
  it("gives one row per horizon and estimator, equal to the estimators called alone, in money on the capital", () => {
    const methods = [historicalTailRisk, gaussianTailRisk, cornishFisherTailRisk, monteCarloTailRisk];
    const t = tailRiskTable(r, methods, { confidence: 0.9, horizons: [1, 3], capital: 1000, seed: 7, simulations: 500 });
    expect(t.length).toBe(8);
    const rows = t.toRows();
    expect(rows.map((x) => x.method)).toEqual(["historical", "gaussian", "cornish-fisher", "monte-carlo", "historical", "gaussian", "cornish-fisher", "monte-carlo"]);
    const g3 = gaussianTailRisk(r, { confidence: 0.9, horizon: 3 });
    expect(rows[5]).toMatchObject({ days: 3, VaR: g3.valueAtRisk, CVaR: g3.conditionalValueAtRisk, "VaR (USD)": g3.valueAtRisk * 1000 });
    const mc = monteCarloTailRisk(r, { confidence: 0.9, horizon: 1, seed: 7, simulations: 500 });
    expect(rows[3]?.CVaR).toBe(mc.conditionalValueAtRisk);
    expect(t.caption).toBe("90 % confidence on 1,000 USD");
  });

  it("leaves out the money columns without a capital", () => {
    expect(tailRiskTable(r, [historicalTailRisk]).columns).toEqual(["days", "VaR", "CVaR"]);
  });

  it("throws on no estimator, and passes on an estimator's error (Monte Carlo without a seed)", () => {
    expect(() => tailRiskTable(r, [])).toThrowError(/no estimator/);
    expect(() => tailRiskTable(r, [monteCarloTailRisk])).toThrowError(InputError);
  });
});

describe("drawdownFrame", () => {
  it("puts the drawdowns of each series in a column (equal to drawdowns)", () => {
    const f = drawdownFrame({ portfolio: { dates, values: r }, market: { dates, values: m } });
    expect(f.tickers).toEqual(["portfolio", "market"]);
    expect(f.unit).toBe("fraction");
    expect(Array.from(f.column("market"))).toEqual(Array.from(drawdowns({ dates, values: m }).values));
  });

  it("throws when the dates differ or no series is given", () => {
    expect(() => drawdownFrame({ a: { dates, values: r }, b: { dates: dates.slice(1), values: m.slice(1) } })).toThrowError(/b has other dates than a/);
    expect(() => drawdownFrame({})).toThrowError(/no series/);
  });
});
