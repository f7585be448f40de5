import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/index";
import { expandGrid, resolveWindows, type SweepSpec } from "../../src/sweep/index";

const DATES = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).code;
  }
  return undefined;
}

describe("resolveWindows", () => {
  it("gives the last count windows of days trading days, back to back, ending on the last date", () => {
    // 7 dates, 3 windows of 2 days: rows 1–2, 3–4, 5–6 (row 0 is history).
    expect(resolveWindows({ count: 3, days: 2 }, DATES)).toEqual([
      { start: "2024-01-02", end: "2024-01-03" },
      { start: "2024-01-04", end: "2024-01-05" },
      { start: "2024-01-08", end: "2024-01-09" },
    ]);
  });

  it("keeps explicit windows and the whole table when none are given", () => {
    expect(resolveWindows([{ start: "2024-01-03", end: "2024-01-05" }], DATES)).toEqual([{ start: "2024-01-03", end: "2024-01-05" }]);
    expect(resolveWindows(undefined, DATES)).toEqual([null]);
  });

  it("refuses windows the data cannot hold, naming them", () => {
    expect(code(() => resolveWindows({ count: 4, days: 2 }, DATES))).toBe("BAD_WINDOW");
    expect(() => resolveWindows({ count: 4, days: 2 }, DATES)).toThrow(/need 8 days; the data has 7/);
    expect(code(() => resolveWindows([{ start: "2025-01-01", end: "2025-02-01" }], DATES))).toBe("BAD_WINDOW");
    expect(code(() => resolveWindows([{ start: "2024-01-05", end: "2024-01-02" }], DATES))).toBe("BAD_WINDOW");
    expect(code(() => resolveWindows({ count: 1, days: 1 }, DATES))).toBe("BAD_WINDOW");
  });
});

describe("expandGrid", () => {
  const data = { market: { seed: 1 } };

  it("is the cartesian product of every list, windows included", () => {
    const spec: SweepSpec = {
      data,
      backtests: { strategy: ["min-volatility", "hrp"], parameters: { lookbackDays: [3, 4] }, costs: { commissionBps: [0, 5], spreadBps: 2 }, windows: { count: 3, days: 2 } },
    };
    const jobs = expandGrid(spec, { dates: DATES });
    expect(jobs).toHaveLength(2 * 2 * 2 * 3);
    expect(new Set(jobs.map((j) => JSON.stringify(j))).size).toBe(24);
    expect(jobs[0]).toEqual({
      kind: "backtest",
      strategy: "min-volatility",
      parameters: { lookbackDays: 3 },
      rebalance: "monthly",
      costs: { commissionBps: 0, commissionPerShare: 0, spreadBps: 2 },
      capital: 1_000_000,
      fractionalShares: false,
      window: { start: "2024-01-02", end: "2024-01-03" },
    });
  });

  it("adds the single jobs of the list after the grids", () => {
    const spec: SweepSpec = { data, backtests: { strategy: "equal-weight" }, jobs: [{ kind: "backtest", strategy: "hrp", parameters: { lookbackDays: 5 }, window: { start: "2024-01-08", end: "2024-01-09" } }] };
    const jobs = expandGrid(spec, { dates: DATES });
    expect(jobs.map((j) => (j.kind === "backtest" ? [j.strategy, j.window?.start ?? null] : null))).toEqual([
      ["equal-weight", null],
      ["hrp", "2024-01-08"],
    ]);
  });

  it("expands a notebook grid and checks its parameters against the notebook's parameters cell", () => {
    const jobs = expandGrid({ notebooks: { notebook: "09", parameters: { years: [3, 4], equityCount: 8 } } });
    expect(jobs).toEqual([
      { kind: "notebook", notebook: "09-risk-measures", parameters: { years: 3, equityCount: 8 } },
      { kind: "notebook", notebook: "09-risk-measures", parameters: { years: 4, equityCount: 8 } },
    ]);
    expect(code(() => expandGrid({ notebooks: { notebook: "09", parameters: { lookback: 3 } } }))).toBe("UNKNOWN_PARAMETER");
    expect(() => expandGrid({ notebooks: { notebook: "09", parameters: { lookback: 3 } } })).toThrow(/lookbackDays/);
    expect(code(() => expandGrid({ notebooks: { notebook: "09", parameters: { years: "three" } } }))).toBe("PARAMETER_TYPE");
    expect(code(() => expandGrid({ notebooks: { notebook: "99-nothing" } }))).toBeDefined();
  });

  it("refuses an unknown strategy, a parameter the strategy lacks, a bad value, a bad rebalance, before any job", () => {
    expect(code(() => expandGrid({ data, backtests: { strategy: "momentum" } }, { dates: DATES }))).toBe("UNKNOWN_STRATEGY");
    expect(() => expandGrid({ data, backtests: { strategy: "momentum" } })).toThrow(/equal-weight, sixty-forty, min-volatility/);
    expect(code(() => expandGrid({ data, backtests: { strategy: "hrp", parameters: { maxWeight: 0.3 } } }))).toBe("UNKNOWN_PARAMETER");
    expect(() => expandGrid({ data, backtests: { strategy: "hrp", parameters: { maxWeight: 0.3 } } })).toThrow(/lookbackDays, minObservations/);
    expect(code(() => expandGrid({ data, backtests: { strategy: "equal-weight", parameters: { lookbackDays: 5 } } }))).toBe("UNKNOWN_PARAMETER");
    expect(code(() => expandGrid({ data, backtests: { strategy: "min-volatility", parameters: { lookbackDays: [60, 1.5] } } }))).toBe("BAD_PARAMETER");
    expect(code(() => expandGrid({ data, backtests: { strategy: "min-volatility", parameters: { maxWeight: 2 } } }))).toBe("BAD_PARAMETER");
    expect(code(() => expandGrid({ data, backtests: { strategy: "equal-weight", rebalance: "daily" } }))).toBe("BAD_REBALANCE");
    expect(code(() => expandGrid({ data, backtests: { strategy: "equal-weight", costs: { commissionBps: -1 } } }))).toBe("BAD_PARAMETER");
    expect(code(() => expandGrid({ backtests: { strategy: "equal-weight" } }))).toBe("BAD_SWEEP");
    expect(code(() => expandGrid({ data, backtests: { strategy: "hrp", parameters: { lookbackDays: [] } } }))).toBe("BAD_SWEEP");
  });

  it("does not change the spec", () => {
    const spec: SweepSpec = Object.freeze({ data, backtests: Object.freeze({ strategy: Object.freeze(["hrp"]), parameters: Object.freeze({ lookbackDays: Object.freeze([3, 4]) }) }) });
    const before = JSON.stringify(spec);
    expandGrid(spec, { dates: DATES });
    expect(JSON.stringify(spec)).toBe(before);
  });
});
