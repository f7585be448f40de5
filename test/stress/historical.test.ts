import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { historicalWindow } from "../../src/stress/historical-window";
import { regimeScenarios } from "../../src/stress/regime-scenarios";
import { runStressTest } from "../../src/stress/run-stress-test";
import { findWorstWindows, worstWindow } from "../../src/stress/worst-windows";
import { expected, fixtureContext, fixturePortfolio, fixturePrices } from "./helpers";

const fx = expected.stress;

describe("historicalWindow", () => {
  it("replays a date range bought and held: each holding's price ratio (pandas)", () => {
    const { start, end } = fx.historicalReplay;
    const r = runStressTest(historicalWindow({ start, end, name: "slump" }), fixturePortfolio(), fixtureContext());
    expect(r.kind).toBe("historical");
    expect(r.window).toEqual({ start, end, days: fx.historicalReplay.days });
    r.assetReturns.values.forEach((v, i) => expect(v).toBeCloseTo(fx.historicalReplay.assetReturns[i]!, 13));
    r.lossByAsset.values.forEach((v, i) => expect(v).toBeCloseTo(fx.historicalReplay.lossByAsset[i]!, 7));
    expect(r.totalLoss).toBeCloseTo(fx.historicalReplay.lossByAsset.reduce((s, x) => s + x, 0), 7);
  });

  it("cuts a range that runs past the data, with a note, and rejects a range with no data", () => {
    const r = runStressTest(historicalWindow({ start: "2022-06-01", end: "2023-01-04" }), fixturePortfolio(), fixtureContext());
    expect(r.window).toEqual({ start: "2023-01-03", end: "2023-01-04", days: 2 });
    expect(r.notes.join(" ")).toMatch(/data starts on 2023-01-03/);
    expect(() => runStressTest(historicalWindow({ start: "2008-09-15", end: "2009-03-09" }), fixturePortfolio(), fixtureContext())).toThrowError(
      /no trading day of the data falls in 2008-09-15 to 2009-03-09/,
    );
  });

  it("names a holding without history in the window, and replays it with a proxy (noted) on request", () => {
    const prices = fixturePrices();
    const values = Float64Array.from(prices.values);
    for (let i = 0; i < 40; i++) values[i * 4 + 3] = NaN; // GLD lists on day 40
    const late = { ...fixtureContext(), prices: { ...prices, values } };
    const window = historicalWindow({ start: fx.historicalReplay.start, end: fx.historicalReplay.end });
    expect(() => runStressTest(window, fixturePortfolio(), late)).toThrowError(/GLD has no return on 2023-02-09.*proxies: \{ GLD: "<similar ticker>" \}/);
    const r = runStressTest(window, fixturePortfolio(), { ...late, proxies: { GLD: "BND" } });
    expect(r.assetReturns.values[3]).toBeCloseTo(r.assetReturns.values[2]!, 15);
    expect(r.notes).toEqual([`GLD: 9 of 9 days replayed with BND's returns (no history of its own)`]);
  });

  it("rejects malformed and reversed dates when built", () => {
    expect(() => historicalWindow({ start: "2008/09/15", end: "2009-03-09" })).toThrowError(/start 2008\/09\/15 is not an ISO date/);
    expect(() => historicalWindow({ start: "2009-03-09", end: "2008-09-15" })).toThrowError(InputError);
  });
});

describe("regimeScenarios", () => {
  it("builds one named window per span of the kind", () => {
    const spans = [
      { start: "2023-01-02", end: "2023-02-01", kind: "calm" },
      { start: "2023-02-02", end: "2023-02-20", kind: "crisis" },
    ];
    const scenarios = regimeScenarios(spans);
    expect(scenarios.map((s) => s.name)).toEqual(["crisis 2023-02-02 to 2023-02-20"]);
    expect(regimeScenarios(spans, "calm")).toHaveLength(1);
    expect(runStressTest(scenarios[0]!, fixturePortfolio(), fixtureContext()).window?.days).toBe(13);
  });
});

describe("worst windows", () => {
  it("find the worst non-overlapping N-day windows, as a brute force in pandas does", () => {
    const found = findWorstWindows(fixturePortfolio(), fixtureContext(), { days: fx.worstWindows.days, count: 3 });
    expect(found).toHaveLength(3);
    found.forEach((w, i) => {
      const want = fx.worstWindows.windows[i]!;
      expect([w.start, w.end, w.days]).toEqual([want.start, want.end, fx.worstWindows.days]);
      expect(w.portfolioReturn).toBeCloseTo(want.portfolioReturn, 13);
      expect(w.loss).toBeCloseTo(-want.portfolioReturn * fx.capital, 6);
    });
  });

  it("worstWindow(rank) replays the rank-th of them", () => {
    const second = runStressTest(worstWindow({ days: 5, rank: 2 }), fixturePortfolio(), fixtureContext());
    expect(second.scenario).toBe("2nd worst 5-day window");
    expect(second.window?.start).toBe(fx.worstWindows.windows[1]!.start);
    expect(second.lossFraction).toBeCloseTo(-fx.worstWindows.windows[1]!.portfolioReturn, 13);
  });

  it("reject a bad length or rank, and a rank the history cannot supply", () => {
    expect(() => worstWindow({ days: 0 })).toThrowError(/days 0 must be a whole number/);
    expect(() => worstWindow({ days: 5, rank: 0 })).toThrowError(/rank 0/);
    expect(() => runStressTest(worstWindow({ days: 30, rank: 2 }), fixturePortfolio(), fixtureContext())).toThrowError(/only 1 non-overlapping/);
    expect(() => findWorstWindows(fixturePortfolio(), fixtureContext(), { days: 100 })).toThrowError(/no run of 100 trading days/);
  });
});
