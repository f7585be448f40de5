import { describe, expect, it } from "vitest";
import { minVolatility } from "../../src/optimise/index";
import { riskModels } from "../../src/moments/index";
import {
  backtestProgressLogger,
  calendarRebalance,
  canonicalJson,
  driftRebalance,
  hashParameters,
  neverRebalance,
  periodKey,
  warmStartedMinVolatility,
} from "../../src/backtest/index";
import { RollingMoments } from "../../src/measures/index";
import { InputError } from "../../src/core/errors";
import { randomPrices } from "./helpers";

const context = (date: string, previousDate: string | null, weights = new Float64Array(), target = new Float64Array()) => ({ date, previousDate, tickers: [], weights, target });

describe("rebalancing rules", () => {
  it("calendar periods: Monday weeks, months, quarters", () => {
    expect(periodKey("2024-03-03", "weekly")).not.toBe(periodKey("2024-03-04", "weekly")); // Sunday | Monday
    expect(periodKey("2024-03-04", "weekly")).toBe(periodKey("2024-03-08", "weekly"));
    expect(periodKey("2024-03-29", "quarterly")).toBe("2024-Q1");
    expect(calendarRebalance("monthly").isDue(context("2024-02-01", "2024-01-31"))).toBe(true);
    expect(calendarRebalance("monthly").isDue(context("2024-02-02", "2024-02-01"))).toBe(false);
    expect(calendarRebalance("quarterly").isDue(context("2024-04-01", "2024-03-28"))).toBe(true);
    expect(() => calendarRebalance("daily" as "weekly")).toThrow(InputError);
  });
  it("drift compares every weight with its target", () => {
    const rule = driftRebalance(0.05);
    expect(rule.name).toBe("drift > 5 %");
    expect(rule.isDue(context("d2", "d1", Float64Array.of(0.54, 0.46), Float64Array.of(0.5, 0.5)))).toBe(false);
    expect(rule.isDue(context("d2", "d1", Float64Array.of(0.3, 0.1), Float64Array.of(0.3, 0.16)))).toBe(true);
    expect(() => driftRebalance(0)).toThrow(InputError);
    expect(() => driftRebalance(1.5)).toThrow(InputError);
  });
  it("never means never", () => {
    expect(neverRebalance().isDue(context("2024-02-01", "2024-01-31"))).toBe(false);
  });
});

describe("warmStartedMinVolatility", () => {
  const prices = randomPrices(Array.from({ length: 80 }, (_, j) => `T${j}`), 260, 9, 0.02);
  const cov = riskModels.sampleCovariance(prices);
  const exact = minVolatility(cov);
  it.each([
    ["the optimal support", (i: number) => exact.values[i]! > 0],
    ["every asset", () => true],
    ["the first three", (i: number) => i < 3],
  ])("gives minVolatility's weights when started from %s", (_name, held) => {
    const previous = { labels: cov.labels, values: Float64Array.from(cov.labels, (_, i) => (held(i) ? 1 : 0)) };
    const warm = warmStartedMinVolatility(cov, { previous });
    warm.values.forEach((w, i) => expect(w).toBeCloseTo(exact.values[i]!, 9));
  });
  it("respects bounds like minVolatility", () => {
    const bounded = minVolatility(cov, { bounds: [0, 0.05] });
    const warm = warmStartedMinVolatility(cov, { bounds: [0, 0.05], previous: exact });
    warm.values.forEach((w, i) => expect(w).toBeCloseTo(bounded.values[i]!, 9));
  });
});

describe("helpers", () => {
  it("rolling moments over a window, NaN skipped", () => {
    const r = new RollingMoments(2, 3);
    for (const row of [[1, NaN], [2, 4], [3, 6], [4, NaN]]) r.push(row);
    expect(r.mean(0)).toBe(3);
    expect(r.standardDeviation(0)).toBeCloseTo(1, 14);
    expect(r.observations(1)).toBe(2);
    expect(r.mean(1)).toBe(5);
  });
  it("canonical JSON sorts keys and names functions by a hash of their source", () => {
    expect(canonicalJson({ b: 1, a: [Float64Array.of(2)] })).toBe('{"a":[[2]],"b":1}');
    function estimator() { return 1; }
    expect(canonicalJson({ f: estimator })).toMatch(/^\{"f":\{"function":"estimator","source":"[0-9a-f]{12}"\}\}$/);
    expect(hashParameters({ a: 1, b: 2 })).toBe(hashParameters({ b: 2, a: 1 }));
    expect(hashParameters({ a: 1 })).not.toBe(hashParameters({ a: 2 }));
  });
  it("the progress logger writes every quarter of the way, and the end", () => {
    const lines: string[] = [];
    const log = backtestProgressLogger({ write: (l) => lines.push(l) });
    for (let d = 1; d <= 8; d++) log({ strategy: "s", date: `d${d}`, done: d, total: 8, rebalances: d, elapsedMs: 100 * d });
    expect(lines).toEqual(["s: 2/8 days to d2, 2 rebalances (0.2 s)", "s: 4/8 days to d4, 4 rebalances (0.4 s)", "s: 6/8 days to d6, 6 rebalances (0.6 s)", "s: 8/8 days to d8, 8 rebalances (0.8 s)"]);
  });
});
