// The feature store on a small synthetic market: values against independent computations,
// point-in-time fundamentals, optional inputs, and the errors that name what is wrong.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { column } from "../../src/core/frame";
import {
  FeatureStore,
  defaultFeatureCatalogue,
  featureColumn,
  monthEnds,
  quarterEnds,
  rowsWhere,
  type PointInTimeFundamentals,
} from "../../src/features/index";
import { testMarket } from "../fixtures/models/small-market";

const { market, fundamentals, equities } = testMarket(4, 8);
const prices = market.prices;
const store = new FeatureStore({ prices, fundamentals, benchmark: "MKTIDX" });
const frame = store.build();

function rowOf(ticker: string, date: string): number {
  const rows = rowsWhere(frame, (d, t) => d === date && t === ticker);
  expect(rows.length).toBe(1);
  return rows[0]!;
}

describe("FeatureStore: rows and keys", () => {
  it("builds one row per company and month end, with every default feature", () => {
    expect(store.universe).toEqual(prices.tickers.filter((t) => equities.includes(t)));
    expect(frame.names).toEqual(store.availableFeatures());
    expect(frame.names).not.toContain("stability_score"); // its input was not given
    expect(frame.columns.every((c) => c.length === frame.dates.length)).toBe(true);
    expect(new Set(frame.dates).size).toBeGreaterThan(20);
    for (const c of frame.columns) for (const v of c) expect(Number.isFinite(v)).toBe(true);
    const ends = new Set(Array.from(monthEnds().select(prices.dates), (i) => prices.dates[i]!));
    expect(frame.dates.every((d) => ends.has(d))).toBe(true);
    expect(Object.values(frame.dropped ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("matches independent computations of price features", () => {
    const ticker = store.universe[0]!;
    const date = frame.dates[frame.dates.length - 1]!;
    const i = rowOf(ticker, date);
    const t = prices.dates.indexOf(date);
    const p = column(prices, ticker);
    const m = column(prices, "MKTIDX");
    expect(featureColumn(frame, "momentum_252d")[i]).toBeCloseTo(p[t]! / p[t - 252]! - 1, 12);
    const r = Array.from({ length: 63 }, (_, k) => p[t - 62 + k]! / p[t - 63 + k]! - 1);
    const mean = r.reduce((a, b) => a + b, 0) / 63;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / 62);
    expect(featureColumn(frame, "volatility_63d")[i]).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(featureColumn(frame, "mean_return_63d")[i]).toBeCloseTo(mean * 252, 12);
    const ra = Array.from({ length: 252 }, (_, k) => p[t - 251 + k]! / p[t - 252 + k]! - 1);
    const rm = Array.from({ length: 252 }, (_, k) => m[t - 251 + k]! / m[t - 252 + k]! - 1);
    const ma = ra.reduce((a, b) => a + b, 0) / 252;
    const mm = rm.reduce((a, b) => a + b, 0) / 252;
    const cov = ra.reduce((a, v, k) => a + (v - ma) * (rm[k]! - mm), 0);
    const varM = rm.reduce((a, v) => a + (v - mm) ** 2, 0);
    expect(featureColumn(frame, "beta_252d")[i]).toBeCloseTo(cov / varM, 10);
    expect(featureColumn(frame, "alpha_252d")[i]).toBeCloseTo((ma - (cov / varM) * mm) * 252, 10);
    expect(featureColumn(frame, "return_1d")[i]).toBeCloseTo(p[t]! / p[t - 1]! - 1, 14);
    expect(featureColumn(frame, "log_return_1d")[i]).toBeCloseTo(Math.log(p[t]! / p[t - 1]!), 14);
  });

  it("uses a filing only from its filed date on", () => {
    const ticker = store.universe[0]!;
    const own = fundamentals.filter((f) => f.ticker === ticker).sort((a, b) => a.fiscalYear - b.fiscalYear);
    const filing = own.find((f, k) => k > 1 && f.revenueGrowth !== null && frame.dates.some((d) => d > f.filedDate))!;
    const previous = own.find((f) => f.fiscalYear === filing.fiscalYear - 1)!;
    const before = frame.dates.filter((d, r) => frame.tickers[r] === ticker && d < filing.filedDate).pop()!;
    const after = frame.dates.find((d, r) => frame.tickers[r] === ticker && d >= filing.filedDate)!;
    expect(featureColumn(frame, "revenue_growth")[rowOf(ticker, before)]).toBe(previous.revenueGrowth);
    expect(featureColumn(frame, "revenue_growth")[rowOf(ticker, after)]).toBe(filing.revenueGrowth);
    expect(featureColumn(frame, "net_margin_change")[rowOf(ticker, after)]).toBeCloseTo(filing.netMargin! - previous.netMargin!, 14);
    const days = featureColumn(frame, "days_since_filing")[rowOf(ticker, after)]!;
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThan(25);
  });

  it("builds the scoring rows of one date through the same code", () => {
    const date = frame.dates[frame.dates.length - 1]!;
    const today = store.asOf(date, { features: ["momentum_252d", "revenue_growth"] });
    expect(today.dates.every((d) => d === date)).toBe(true);
    today.tickers.forEach((t, k) => {
      expect(today.columns[0]![k]).toBe(featureColumn(frame, "momentum_252d")[rowOf(t, date)]);
      expect(today.columns[1]![k]).toBe(featureColumn(frame, "revenue_growth")[rowOf(t, date)]);
    });
  });

  it("samples quarter ends and filters dates", () => {
    const q = store.build({ features: ["momentum_21d"], sampling: quarterEnds(), from: "2008-01-01", to: "2008-12-31" });
    expect([...new Set(q.dates)]).toEqual(["2008-03-31", "2008-06-30", "2008-09-30", "2008-12-31"]);
  });
});

describe("FeatureStore: inputs", () => {
  it("forward-fills an interior price gap and keeps prices before a listing missing", () => {
    const m = prices.tickers.length;
    const j = prices.tickers.indexOf(store.universe[0]!);
    const values = Float64Array.from(prices.values);
    const gap = prices.dates.length - 30;
    values[gap * m + j] = Number.NaN;
    const gapped = new FeatureStore({ prices: { ...prices, values }, benchmark: "MKTIDX", universe: [store.universe[0]!] });
    const f = gapped.build({ features: ["momentum_21d", "return_1d"], sampling: { name: "gap", select: () => Int32Array.of(gap, gap + 1) } });
    const p = column(prices, store.universe[0]!);
    expect(f.columns[1]![0]).toBe(0); // the gap day repeats the last known price
    expect(f.columns[1]![1]).toBeCloseTo(p[gap + 1]! / p[gap - 1]! - 1, 12);
    expect(f.columns[0]![0]).toBeCloseTo(p[gap - 1]! / p[gap - 21]! - 1, 12);
  });

  it("reads the optional stability scores from their known-from date", () => {
    const ticker = store.universe[1]!;
    const scores = store.universe.map((t, k) => ({ ticker: t, knownFrom: "2008-06-15", score: 0.5 + k / 100 }));
    const withScores = new FeatureStore({ prices, fundamentals, benchmark: "MKTIDX", stabilityScores: scores });
    expect(withScores.availableFeatures()).toContain("stability_score");
    const f = withScores.build({ features: ["stability_score"], from: "2008-05-01", to: "2008-07-31" });
    expect([...new Set(f.dates)]).toEqual(["2008-06-30", "2008-07-31"]); // nothing known on 2008-05-30
    expect(f.columns[0]![f.tickers.indexOf(ticker)]).toBe(0.51);
    expect(f.dropped).toEqual({ stability_score: store.universe.length });
    expect(() => new FeatureStore({ prices, stabilityScores: [{ ticker, knownFrom: "2008-01-01", score: NaN }] })).toThrowError(/stability score of .* is NaN/);
  });

  it("names an unknown feature, with close names", () => {
    expect(() => store.build({ features: ["momentum_252d", "momentun_63d"] })).toThrowError(/unknown feature momentun_63d \(did you mean momentum_63d/);
  });

  it("names a missing input", () => {
    const bare = new FeatureStore({ prices, universe: ["MKTIDX"] });
    expect(bare.availableFeatures()).not.toContain("beta_252d");
    expect(() => bare.build({ features: ["beta_252d"] })).toThrowError(/beta_252d needs a benchmark/);
    expect(() => store.build({ features: ["stability_score"] })).toThrowError(/FeatureStoreInputs.stabilityScores/);
  });

  it("rejects a window longer than any history", () => {
    const n = 100;
    const m = prices.tickers.length;
    const short = new FeatureStore({ prices: { dates: prices.dates.slice(0, n), tickers: prices.tickers, values: prices.values.slice(0, n * m) }, benchmark: "MKTIDX" });
    expect(() => short.build({ features: ["volatility_252d"] })).toThrowError(InputError);
    expect(() => short.build({ features: ["volatility_252d"] })).toThrowError(/needs 253 prices but the longest history has 100/);
  });

  it("rejects a bad price, a bad benchmark and an empty universe", () => {
    const values = Float64Array.from(prices.values);
    values[5 * prices.tickers.length] = -3;
    expect(() => new FeatureStore({ prices: { ...prices, values } })).toThrowError(/price of .* is -3/);
    expect(() => new FeatureStore({ prices, benchmark: "SPY" })).toThrowError(/benchmark SPY is not a column/);
    expect(() => new FeatureStore({ prices, fundamentals: [] as PointInTimeFundamentals[] })).toThrowError(/no ticker to build rows for/);
  });

  it("does not change its inputs", () => {
    const before = { values: Float64Array.from(prices.values), n: fundamentals.length, first: JSON.stringify(fundamentals[0]) };
    new FeatureStore({ prices, fundamentals, benchmark: "MKTIDX" }, defaultFeatureCatalogue()).build();
    expect(prices.values).toEqual(before.values);
    expect(fundamentals.length).toBe(before.n);
    expect(JSON.stringify(fundamentals[0])).toBe(before.first);
  });
});
