/**
 * A sweep on the local pool of worker processes: results equal to the backtest layer run directly, re-runs skip
 * done jobs, failures recorded with their error after the stated retries, typed errors before any job.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backtestMetrics, calendarRebalance, minVolatilityStrategy, runBacktest } from "../../src/backtest/index";
import { InputError } from "../../src/core/index";
import { loadEmbeddedMarket } from "../../src/data/index";
import {
  bestAndWorst,
  equityCurvesChart,
  parameterHeatmap,
  readJobEquity,
  readSummaryRows,
  readSweepSummary,
  runSweep,
  windowSpread,
  type SweepSpec,
} from "../../src/sweep/index";
import { detailBatches } from "./detail-batches";

const MARKET = { seed: 5, years: 1, equityCount: 3 };

/** 2 lookbacks × 2 commission levels × 2 windows of min volatility, and one job that cannot work (an unknown ticker). */
const SPEC: SweepSpec = {
  name: "local-test",
  data: { market: MARKET },
  backtests: { strategy: "min-volatility", parameters: { lookbackDays: [20, 40] }, rebalance: "weekly", costs: { commissionBps: [0, 5] }, windows: { count: 2, days: 30 } },
  jobs: [{ kind: "backtest", strategy: "sixty-forty", parameters: { equity: "NOPE" } }],
};

describe("runSweep on the local pool", () => {
  const dir = mkdtempSync(join(tmpdir(), "sweep-local-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const results = join(dir, "results");
  const lines: string[] = [];

  it("runs every job on worker processes, records each once, and a failing job with its error after the retries", async () => {
    const report = await runSweep(SPEC, { results, workers: 2, retries: 1, progress: (l) => lines.push(l) });
    expect(report).toMatchObject({ jobs: 9, skipped: 0, done: 8, failed: 1, duplicates: 0 });
    const rows = await readSummaryRows(results);
    expect(rows).toHaveLength(9);
    const failed = rows.filter((r) => r.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.attempts).toBe(2);
    expect(String(failed[0]!.error)).toMatch(/NOPE/);
    expect(lines[0]).toMatch(/9 jobs, 0 done before, 9 to run on the local pool of 2/);
    expect(lines.at(-1)).toMatch(/8 done, 1 failed, 0 remaining of 9 .* jobs\/s · finished/);
  }, 120_000);

  it("gives each job the metrics and equity curve of the backtest layer run directly on the same prices", async () => {
    const { prices } = await loadEmbeddedMarket(MARKET);
    const rows = (await readSummaryRows(results)).filter((r) => r.status === "done");
    for (const row of rows.slice(0, 3)) {
      const config = JSON.parse(String(row.config)) as { parameters: { lookbackDays: number }; costs: { commissionBps: number; commissionPerShare: number; spreadBps: number }; window: { start: string; end: string } };
      const direct = await runBacktest(prices, minVolatilityStrategy({ lookbackDays: config.parameters.lookbackDays, minObservations: Math.min(60, config.parameters.lookbackDays + 1) }), {
        rebalance: calendarRebalance("weekly"),
        costs: config.costs,
        start: config.window.start,
        end: config.window.end,
      });
      const m = backtestMetrics(direct);
      expect(row.final_value).toBeCloseTo(m.finalValue, 6);
      expect(row.sharpe).toBeCloseTo(m.sharpe!, 10);
      expect(row.max_drawdown).toBeCloseTo(m.maxDrawdown, 10);
      expect(row.trades).toBe(m.trades);
      const equity = await readJobEquity(results, String(row.job));
      expect(equity.dates).toEqual(direct.dates);
      expect(equity.equity).toEqual(Array.from(direct.equity));
    }
  }, 60_000);

  it("skips the done jobs on a re-run and tries the failed one again", async () => {
    const report = await runSweep(SPEC, { results, workers: 1, retries: 0 });
    expect(report).toMatchObject({ jobs: 9, skipped: 8, done: 0, failed: 1 });
    const batches = await detailBatches(results);
    expect(batches.size).toBe(8);
    expect([...batches.values()].every((b) => b.length === 1)).toBe(true);
  }, 60_000);

  it("reads the summary as a table and draws it", async () => {
    const summary = await readSweepSummary(results);
    expect(summary.length).toBe(9);
    expect(summary.columns).toEqual(expect.arrayContaining(["status", "target", "window", "lookbackDays", "equity", "commissionBps", "sharpe", "error"]));
    const rows = (await readSummaryRows(results)).filter((r) => r.status === "done");
    const figure = parameterHeatmap(summary, "lookbackDays", "commissionBps", "sharpe");
    const trace = figure.data[0] as unknown as { z: (number | null)[][]; x: string[]; y: string[] };
    expect(trace.x).toEqual(["20", "40"]);
    expect(trace.y).toEqual(["0", "5"]);
    // Each cell: the mean over the two windows, straight from the stored rows.
    const cell = rows.filter((r) => JSON.parse(String(r.parameters)).lookbackDays === 40 && r.commission_bps === 5).map((r) => Number(r.sharpe));
    expect(cell).toHaveLength(2);
    expect(trace.z[1]![1]).toBeCloseTo((cell[0]! + cell[1]!) / 2, 12);
    const spread = windowSpread(summary, "sharpe");
    expect(spread.length).toBe(4);
    expect(spread.column("windows").values.every((n) => n === 2)).toBe(true);
    const { best, worst } = bestAndWorst(summary, "sharpe");
    const sharpe = rows.map((r) => Number(r.sharpe));
    expect(rows.find((r) => r.job === best)!.sharpe).toBe(Math.max(...sharpe));
    expect(rows.find((r) => r.job === worst)!.sharpe).toBe(Math.min(...sharpe));
    const curves = await equityCurvesChart(results, { best, worst }, summary);
    expect(curves.data).toHaveLength(2);
    expect((curves.data[0] as unknown as { y: number[] }).y[0]).toBe(1);
  });

  it("refuses a results folder that cannot be written, before any job starts", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    const error = await runSweep(SPEC, { results: join(file, "results") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("RESULTS_NOT_WRITABLE");
    expect((error as InputError).message).toContain(join(file, "results"));
  });

  it("refuses an unknown strategy before loading data or starting a job", async () => {
    const error = await runSweep({ data: { market: MARKET }, backtests: { strategy: "momentum" } }, { results: join(dir, "never") }).catch((e: unknown) => e);
    expect((error as InputError).code).toBe("UNKNOWN_STRATEGY");
    expect(() => readdirSync(join(dir, "never"))).toThrow();
  });
});

describe("runSweep of notebook runs", () => {
  const dir = mkdtempSync(join(tmpdir(), "sweep-notebook-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs a notebook over a parameter grid in the tslab kernel and keeps each executed notebook", async () => {
    const notebooks = join(dir, "notebooks");
    mkdirSync(notebooks);
    const cell = (source: string, tags?: string[]) => ({ cell_type: "code", execution_count: null, id: `c${source.length}`, metadata: tags ? { tags } : {}, outputs: [], source });
    const notebook = {
      cells: [cell("const n = 1; // a parameter", ["parameters"]), cell("const doubled = n * 2;\ndoubled")],
      metadata: { kernelspec: { name: "allocation-workbook", display_name: "TypeScript", language: "typescript" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(join(notebooks, "01-double.ipynb"), JSON.stringify(notebook));
    const results = join(dir, "results");
    const spec: SweepSpec = { name: "notebooks", notebooks: { notebook: "01", parameters: { n: [3, 5] } } };
    const report = await runSweep(spec, { results, workers: 2, notebooksDir: notebooks });
    expect(report).toMatchObject({ jobs: 2, done: 2, failed: 0 });
    const rows = await readSummaryRows(results);
    expect(rows.map((r) => [r.kind, r.target, r.parameters, r.status])).toEqual(
      expect.arrayContaining([
        ["notebook", "01-double", '{"n":3}', "done"],
        ["notebook", "01-double", '{"n":5}', "done"],
      ]),
    );
    const outputs = rows.map((r) => JSON.stringify(JSON.parse(readFileSync(join(results, "notebooks", `${String(r.job)}.ipynb`), "utf8")).cells[1].outputs));
    // n = 3 and n = 5 were injected: the last cell shows 6 and 10.
    expect(outputs.some((o) => /\D6\\n/.test(o))).toBe(true);
    expect(outputs.some((o) => /\D10\\n/.test(o))).toBe(true);
    const unknown = await runSweep({ notebooks: { notebook: "01", parameters: { m: 1 } } }, { results, notebooksDir: notebooks }).catch((e: unknown) => e);
    expect((unknown as InputError).code).toBe("UNKNOWN_PARAMETER");
    expect((unknown as InputError).message).toMatch(/notebook 01-double has no parameter "m"; its parameters are n/);
  }, 180_000);
});
