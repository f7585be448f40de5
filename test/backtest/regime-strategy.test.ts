import { describe, expect, it } from "vitest";
import { calendarRebalance, compareRegimeStrategy, portfolioStrategy, regimeStrategy, runBacktest, runBacktests, staticPriorStrategy } from "../../src/backtest/index";
import { frame } from "../../src/core/index";
import { regimePrior } from "../../src/moments/index";
import { portfolios } from "../../src/optimise/index";
import { randomPrices } from "./helpers";

const prices = frame(randomPrices(["A", "B", "C", "D"], 330, 5));
const lookbackDays = 150;
const options = { rebalance: calendarRebalance("monthly"), fractionalShares: true };
const minVol = (p: Parameters<typeof portfolios.minVolatility>[0]) => portfolios.minVolatility(p, { bounds: [0, 0.6] });

describe("regimeStrategy", () => {
  it("at each rebalance trades the optimiser's weights on the regime prior of the trailing window, up to that date only", async () => {
    const strategy = regimeStrategy({ lookbackDays, optimise: minVol, hmm: { starts: 2, seed: 3 } });
    expect(strategy.warmUpDays).toBe(lookbackDays);
    const result = await runBacktest(prices, strategy, options);
    expect(result.rebalances.length).toBeGreaterThan(4);
    for (const r of result.rebalances.slice(0, 3)) {
      const row = prices.dates.indexOf(r.date);
      const window = prices.head(row + 1).tail(lookbackDays + 1);
      const expected = minVol(regimePrior(window, { states: 2, hmm: { starts: 2, seed: 3 } })).weights;
      expect(Array.from(r.target.values)).toEqual(Array.from(expected.values).map((w) => (w < 0 && w > -1e-9 ? 0 : w)));
    }
  });

  it("no look-ahead: changing prices after a date leaves every earlier rebalance unchanged", async () => {
    const strategy = () => regimeStrategy({ lookbackDays, optimise: minVol, hmm: { starts: 2, seed: 3 } });
    const cut = prices.dates[250]!;
    const changed = Float64Array.from(prices.values);
    for (let i = 251 * 4; i < changed.length; i++) changed[i] = changed[i]! * (1 + 0.2 * Math.cos(i));
    const a = await runBacktest(prices, strategy(), options);
    const b = await runBacktest(frame({ ...prices, values: changed }), strategy(), options);
    const before = (r: typeof a) => r.rebalances.filter((x) => x.date <= cut).map((x) => Array.from(x.target.values));
    expect(before(b)).toEqual(before(a));
    expect(before(a).length).toBeGreaterThan(2);
    const after = (r: typeof a) => r.rebalances.filter((x) => x.date > cut).map((x) => Array.from(x.target.values));
    expect(after(b)).not.toEqual(after(a));
  });

  it("its static twin is the same optimiser on the sample prior (portfolioStrategy), and the comparison has one row each", async () => {
    const twin = staticPriorStrategy({ lookbackDays, optimise: minVol });
    const plain = portfolioStrategy({ name: "static", lookbackDays, minObservations: Math.ceil(0.9 * (lookbackDays + 1)), optimise: minVol });
    const [x, y] = await runBacktests(prices, [twin, { strategy: plain, label: "plain" }], options);
    expect(x!.equity).toEqual(y!.equity);
    const table = await compareRegimeStrategy(prices, { lookbackDays, optimise: minVol, hmm: { starts: 2 }, backtest: options });
    expect(table.labels).toEqual(["regime-aware", "static"]);
    expect(table.columns).toContain("sharpe");
    expect(table.caption).toMatch(/refit on the last 150 days/);
  });

  it("holds what it has, with a note, on a date its named signal has too few prices", async () => {
    const gappy = Float64Array.from(prices.values);
    for (let t = 100; t < 200; t++) gappy[t * 4 + 3] = Number.NaN; // D missing for 100 days
    const result = await runBacktest(frame({ ...prices, values: gappy }), regimeStrategy({ lookbackDays, signal: ["D"], optimise: minVol, hmm: { starts: 2 } }), options);
    expect(result.notes.some((n) => /regime signal D has no price/.test(n))).toBe(true);
    expect(result.rebalances.length).toBeGreaterThan(0);
  });

  it("throws TOO_MANY_STATES at the first rebalance when the window cannot support the states", async () => {
    await expect(runBacktest(prices, regimeStrategy({ lookbackDays: 30, states: 4 }), options)).rejects.toMatchObject({ code: "TOO_MANY_STATES" });
  });
});
