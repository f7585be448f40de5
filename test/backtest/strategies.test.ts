import { describe, expect, it } from "vitest";
import {
  cappedWeights,
  createBacktestView,
  equalWeight,
  fixedWeights,
  ForecastSchedule,
  growthConfidenceStrategy,
  holdCurrent,
  hrpStrategy,
  maxSharpeStrategy,
  minVolatilityStrategy,
  optimizerStrategy,
  riskParityStrategy,
  runBacktest,
  sixtyForty,
  type BacktestView,
} from "../../src/backtest/index";
import { InfeasibleError, InputError } from "../../src/core/errors";
import type { DateTable, LabelledVector } from "../../src/core/frame";
import type { AllocationForecast } from "../../src/models/index";
import { randomPrices } from "./helpers";

function viewAt(table: DateTable, row: number, weights = new Float64Array(table.tickers.length)): BacktestView & { notes: string[] } {
  const notes: string[] = [];
  return Object.assign(Object.create(createBacktestView({ table, row, weights, value: 100, note: (m) => notes.push(m) })) as BacktestView, { notes }) as BacktestView & { notes: string[] };
}

function forecast(asOf: string, growth: Record<string, number>, confidence: Record<string, number>): AllocationForecast {
  const labels = Object.keys(growth).sort();
  return {
    asOf,
    horizonDays: 21,
    expectedGrowth: { labels, values: Float64Array.from(labels, (t) => growth[t]!) },
    confidence: { labels, values: Float64Array.from(labels, (t) => confidence[t]!) },
    expectedReturn: { labels, values: new Float64Array(labels.length) },
    models: { growth: "ridge", confidence: "logistic", returns: "none" },
  };
}

const late: DateTable = { dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B", "C"], values: Float64Array.of(10, 20, NaN, 11, 21, NaN) };

describe("simple strategies", () => {
  it("equal weight spreads over the tradable tickers only", async () => {
    const w = await equalWeight().targetWeights(viewAt(late, 1));
    expect(w.labels).toEqual(["A", "B"]);
    expect(Array.from(w.values)).toEqual([0.5, 0.5]);
    expect((await equalWeight({ universe: ["B", "C"] }).targetWeights(viewAt(late, 1))).labels).toEqual(["B"]);
  });
  it("fixed weights keep a not-yet-listed ticker's weight in cash, and say so", async () => {
    const view = viewAt(late, 1);
    const w = await fixedWeights({ A: 0.5, C: 0.3 }).targetWeights(view);
    expect(Array.from(w.values)).toEqual([0.5, 0]);
    expect(view.notes[0]).toMatch(/no price for C/);
    expect(() => fixedWeights({ A: -1 })).toThrow(InputError);
  });
  it("60/40 defaults to the synthetic market's index and long bond funds", () => {
    expect(sixtyForty().name).toBe("60/40 (MKTIDX/LTBX)");
    expect(sixtyForty({ equity: "SPY", bond: "TLT", equityWeight: 0.7 }).parameters).toEqual({ weights: { SPY: 0.7, TLT: 0.30000000000000004 } });
  });
  it("hold returns the current weights of the tradable tickers", async () => {
    const w = await holdCurrent().targetWeights(viewAt(late, 1, Float64Array.of(0.2, 0.3, 0.1)));
    expect(w.labels).toEqual(["A", "B"]);
    expect(Array.from(w.values)).toEqual([0.2, 0.3]);
  });
});

describe("optimiser strategies", () => {
  const prices = randomPrices(["A", "B", "C", "D"], 400, 21);

  it.each([
    ["min volatility", minVolatilityStrategy({ lookbackDays: 120 })],
    ["max Sharpe", maxSharpeStrategy({ lookbackDays: 120 })],
    ["HRP", hrpStrategy({ lookbackDays: 120 })],
    ["risk parity", riskParityStrategy({ lookbackDays: 120 })],
  ])("%s gives long-only weights summing to 1 at every rebalance", async (_name, strategy) => {
    const result = await runBacktest(prices, strategy, { fractionalShares: true });
    expect(result.settings.start).toBe(prices.dates[120]);
    for (const r of result.rebalances) {
      const sum = r.target.values.reduce((a, b) => a + b, 0);
      if (sum === 0) continue; // a fallback that held cash
      expect(sum).toBeCloseTo(1, 6);
      expect(r.target.values.every((w) => w >= 0)).toBe(true);
    }
  });

  it("estimates from the last lookback + 1 rows of the eligible tickers", async () => {
    let window: DateTable | undefined;
    const strategy = optimizerStrategy({
      name: "spy",
      estimate: (p) => {
        window = p;
        return p.tickers;
      },
      optimize: (tickers) => ({ labels: tickers, values: new Float64Array(tickers.length).fill(1 / tickers.length) }),
      lookbackDays: 50,
      minObservations: 40,
    });
    const withLate: DateTable = { ...prices, values: Float64Array.from(prices.values, (v, k) => (k % 4 === 3 && k < 4 * 380 ? NaN : v)) };
    const view = viewAt(withLate, 390);
    await strategy.targetWeights(view);
    expect(window!.dates).toEqual(prices.dates.slice(340, 391));
    expect(window!.tickers).toEqual(["A", "B", "C"]); // D has only 11 prices in the window
  });

  it("falls back (and notes why) when the optimiser finds no solution", async () => {
    const failing = optimizerStrategy<number>({
      name: "always infeasible",
      estimate: () => 0,
      optimize: () => {
        throw new InfeasibleError("NOPE", "no portfolio beats the risk-free rate");
      },
      lookbackDays: 20,
    });
    const view = viewAt(prices, 100, Float64Array.of(0.1, 0.2, 0.3, 0.4));
    const w = await failing.targetWeights(view);
    expect(Array.from(w.values)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(view.notes[0]).toMatch(/always infeasible failed \(no portfolio beats the risk-free rate\); fell back to "hold"/);
  });

  it("lets malformed-input errors through", async () => {
    const broken = optimizerStrategy<number>({ name: "broken", estimate: () => 0, optimize: () => { throw new InputError("BAD", "bad input"); }, lookbackDays: 20 });
    await expect(Promise.resolve(broken.targetWeights(viewAt(prices, 100)))).rejects.toThrow(InputError);
  });
});

describe("cappedWeights", () => {
  it("caps and redistributes the excess in proportion", () => {
    const w = cappedWeights({ labels: ["A", "B", "C", "D"], values: Float64Array.of(6, 2, 2, -1) }, 0.5);
    expect(Array.from(w.values)).toEqual([0.5, 0.25, 0.25, 0]);
  });
  it("leaves cash when too few scores are positive", () => {
    const w = cappedWeights({ labels: ["A", "B"], values: Float64Array.of(3, 1) }, 0.3);
    expect(Array.from(w.values)).toEqual([0.3, 0.3]);
  });
  it("is all zero when no score is positive, and refuses a bad cap", () => {
    expect(Array.from(cappedWeights({ labels: ["A"], values: Float64Array.of(-1) }, 0.5).values)).toEqual([0]);
    expect(() => cappedWeights({ labels: ["A"], values: Float64Array.of(1) }, 0)).toThrow(InputError);
  });
});

describe("ForecastSchedule: precomputed forecasts are never used before their as-of date", () => {
  const march = forecast("2024-03-29", { A: 0.1 }, { A: 0.8 });
  const june = forecast("2024-06-28", { A: 0.2 }, { A: 0.9 });
  it("answers with the latest forecast made on or before the date", () => {
    const s = new ForecastSchedule([june, march]);
    expect(s.asOf("2024-03-28")).toBeNull();
    expect(s.asOf("2024-03-29")).toBe(march);
    expect(s.asOf("2024-06-27")).toBe(march);
    expect(s.asOf("2024-07-01")).toBe(june);
  });
  it("accepts a later key (a publication lag) and refuses an earlier one", () => {
    expect(new ForecastSchedule(new Map([["2024-04-02", march]])).asOf("2024-04-01")).toBeNull();
    expect(() => new ForecastSchedule(new Map([["2024-03-01", march]]))).toThrow(/made as of 2024-03-29, after its key/);
    expect(() => new ForecastSchedule([march, march])).toThrow(/two forecasts usable on 2024-03-29/);
  });
});

describe("growthConfidenceStrategy", () => {
  const prices: DateTable = { dates: ["2024-03-28", "2024-04-01", "2024-07-01"], tickers: ["A", "B", "C"], values: new Float64Array(9).fill(10) };
  const march = forecast("2024-03-29", { A: 0.2, B: 0.1, C: -0.1 }, { A: 0.9, B: 0.6, C: 0.7 });
  it("holds cash before the first forecast, then weights ∝ max(0, growth × confidence), capped", async () => {
    const strategy = growthConfidenceStrategy({ forecasts: [march], maxWeight: 0.6 });
    const before = viewAt(prices, 0);
    expect((await strategy.targetWeights(before)).values.length).toBe(0);
    expect(before.notes[0]).toMatch(/no forecast as of 2024-03-28/);
    // scores 0.18, 0.06, −0.07 → in proportion 0.75, 0.25, 0; A is capped at 0.6 and the remaining 0.4 goes to
    // the only other positive score, B (0.4 ≤ 0.6, so no second round).
    const w = await strategy.targetWeights(viewAt(prices, 1));
    expect(w.labels).toEqual(["A", "B", "C"]);
    [0.6, 0.4, 0].forEach((x, i) => expect(w.values[i]).toBeCloseTo(x, 12));
    expect(strategy.signalVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(strategy.modelVersion).toBe("growth: ridge; confidence: logistic");
  });
  it("holds cash when the latest forecast is too old", async () => {
    const strategy = growthConfidenceStrategy({ forecasts: [march], maxAgeDays: 30 });
    const view = viewAt(prices, 2);
    expect((await strategy.targetWeights(view)).values.length).toBe(0);
    expect(view.notes[0]).toMatch(/94 days old/);
  });
  it("in a backtest, trades only after the as-of date", async () => {
    const result = await runBacktest(prices, growthConfidenceStrategy({ forecasts: [march], maxWeight: 0.6 }), { capital: 1000, fractionalShares: true, rebalance: { name: "daily", isDue: () => true } });
    expect(result.trades.every((t) => t.date >= "2024-03-29")).toBe(true);
    expect(result.trades.length).toBeGreaterThan(0);
  });
});

describe("views", () => {
  it("history refuses a non-positive window", () => {
    expect(() => viewAt(late, 1).history(0)).toThrow(InputError);
  });
  it("the weights are a copy", () => {
    const weights = Float64Array.of(0.1, 0.2, 0.3);
    const view = viewAt(late, 1, weights);
    (view.weights as LabelledVector).values[0] = 9;
    expect(weights[0]).toBe(0.1);
  });
});
