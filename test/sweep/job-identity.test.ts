import { describe, expect, it } from "vitest";
import { jobId, notebookHash, progressLine, type JobSpec } from "../../src/sweep/index";

const SPEC: JobSpec = {
  kind: "backtest",
  strategy: "min-volatility",
  parameters: { lookbackDays: 63, maxWeight: 0.3 },
  rebalance: "monthly",
  costs: { commissionBps: 5, commissionPerShare: 0, spreadBps: 0 },
  capital: 1_000_000,
  fractionalShares: false,
  window: { start: "2024-01-02", end: "2024-06-28" },
};

describe("jobId", () => {
  it("is the same for the same configuration and data, whatever the key order", () => {
    const reordered: JobSpec = { ...SPEC, parameters: { maxWeight: 0.3, lookbackDays: 63 } };
    expect(jobId(reordered, "data1")).toBe(jobId(SPEC, "data1"));
    expect(jobId(SPEC, "data1")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("changes with any setting or with the data", () => {
    const ids = new Set([
      jobId(SPEC, "data1"),
      jobId(SPEC, "data2"),
      jobId({ ...SPEC, parameters: { lookbackDays: 64, maxWeight: 0.3 } }, "data1"),
      jobId({ ...SPEC, costs: { ...SPEC.costs, spreadBps: 1 } }, "data1"),
      jobId({ ...SPEC, window: null }, "data1"),
    ]);
    expect(ids.size).toBe(5);
  });

  it("versions a notebook run by the notebook file's bytes", () => {
    expect(notebookHash("09-risk-measures")).toMatch(/^[0-9a-f]{16}$/);
    expect(notebookHash("09-risk-measures")).not.toBe(notebookHash("00-tour"));
  });
});

describe("progressLine", () => {
  it("states done, failed, remaining, the rate and the time left at that rate", () => {
    // 122 finished in 10 s = 12.2 jobs/s; 278 left / 12.2 = 22.8 s.
    expect(progressLine("grid", { total: 400, done: 120, failed: 2, skipped: 0 }, 10)).toBe("grid: 120 done, 2 failed, 278 remaining of 400 · 12.2 jobs/s · about 23 s left");
    // 30 left at 0.25 jobs/s = 120 s.
    expect(progressLine("grid", { total: 40, done: 10, failed: 0, skipped: 5 }, 40)).toBe("grid: 10 done, 0 failed, 30 remaining of 40 (5 skipped: done before) · 0.3 jobs/s · about 2 min 0 s left");
    expect(progressLine("grid", { total: 3, done: 3, failed: 0, skipped: 0 }, 1)).toBe("grid: 3 done, 0 failed, 0 remaining of 3 · 3.0 jobs/s · finished");
  });
});
