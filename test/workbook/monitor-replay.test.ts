/**
 * Ten years of the synthetic market replayed month by month through the monitor (--as-of at every month end,
 * 2008-01 … 2017-12): the decisions follow the market's known regimes, calm stretches never look like a volatility
 * shift, a volatility shift planted in a calm stretch is found, and the lineage is complete.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPriceTable } from "../../src/backtest/index";
import type { DateTable } from "../../src/core/index";
import { loadEmbeddedMarket, WorkbookDatabase, type EmbeddedMarket } from "../../src/data/index";
import { readMonitorLog, runMonitor, type ModelVersionRow, type MonitorReport, type MonitorRunRow } from "../../src/workbook/index";

const dir = mkdtempSync(join(tmpdir(), "monitor-replay-"));
let market: EmbeddedMarket;
let db: WorkbookDatabase;
const reports: MonitorReport[] = [];
let log: { runs: MonitorRunRow[]; models: ModelVersionRow[] };

const monthEnds = (dates: readonly string[], from: string, to: string) =>
  dates.filter((d, i) => d >= from && d <= to && (i + 1 === dates.length || dates[i + 1]!.slice(0, 7) !== d.slice(0, 7)));
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  market = await loadEmbeddedMarket({ years: 12, equityCount: 6 });
  db = await WorkbookDatabase.open(join(dir, "lineage.duckdb"));
  for (const asOf of monthEnds(market.prices.dates, "2008-01-01", "2017-12-31")) {
    reports.push(await runMonitor(market.prices, { asOf, database: db, modelsDir: join(dir, "models"), source: "embedded" }));
  }
  log = await readMonitorLog(db);
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("monitor replay of ten years, month by month", () => {
  it("runs 120 months and trains the first model at the first run", () => {
    expect(reports).toHaveLength(120);
    expect(reports[0]!.decision.triggers).toEqual(["no-model"]);
    expect(reports[0]!.exitCode).toBe(10);
  });

  it("retrains within three months of each crisis starting, and on volatility within eight of it ending (the known regimes)", () => {
    const crises = market.market.regimes.filter((r) => r.kind === "crisis" && r.start >= "2008-01-01" && r.start <= "2017-12-31");
    const long = crises.filter((c) => market.prices.dates.filter((d) => d >= c.start && d <= c.end).length >= 60);
    expect(long.map((c) => c.start)).toEqual(["2008-09-15", "2011-02-22"]); // the forced Lehman crisis and one drawn by the chain
    for (const c of long) {
      const onset = reports.find((r) => r.asOf >= c.start && r.asOf <= addDays(c.start, 92) && r.decision.retrain);
      expect(onset, `a retrain within 3 months of ${c.start}`).toBeDefined();
      expect(onset!.decision.triggers.some((t) => t === "volatility" || t === "error-ratio")).toBe(true);
      expect(onset!.exitCode).toBe(10);
      // a crisis's reference keeps its crisis days until the recent window is calm enough to leave the band: months
      const calmer = reports.find((r) => r.asOf >= c.end && r.asOf <= addDays(c.end, 245) && r.decision.triggers.includes("volatility"));
      expect(calmer, `a volatility retrain within 8 months of ${c.end}`).toBeDefined();
      expect(calmer!.indicators.volatility.ratio).toBeLessThan(calmer!.indicators.volatility.band[0]); // calmer than the crisis regime
    }
    const rougher = reports.find((r) => r.asOf >= "2008-09-15" && r.decision.triggers.includes("volatility"))!;
    expect(rougher.indicators.volatility.ratio).toBeGreaterThan(rougher.indicators.volatility.band[1]);
    expect(rougher.asOf < "2009-01-01").toBe(true);
    // four regime changes, four volatility retrains: no other
    expect(reports.filter((r) => r.decision.triggers.includes("volatility")).length).toBe(4);
  });

  it("never finds a volatility shift when its reference and recent days are all calm (the known regimes)", () => {
    const crisisDays = market.market.regimes.filter((r) => r.kind === "crisis");
    const calmRuns = reports.filter((r) => !crisisDays.some((c) => c.end >= r.indicators.volatility.referenceFrom && c.start <= r.asOf));
    expect(calmRuns.length).toBeGreaterThan(60);
    expect(calmRuns.filter((r) => r.indicators.volatility.shifted).map((r) => `${r.asOf}: ${r.indicators.volatility.ratio.toFixed(2)}`)).toEqual([]);
    expect(calmRuns.filter((r) => r.decision.triggers.includes("volatility"))).toEqual([]);
    // the band is the variance-ratio test's, not a fixed ratio: a year of reference gives about 0.51–1.75
    const settled = calmRuns.find((r) => r.asOf === "2014-06-30")!.indicators.volatility;
    expect(settled.band[0]).toBeCloseTo(0.5055, 3);
    expect(settled.band[1]).toBeCloseTo(1.7521, 3);
  });

  it("keeps the model through the calm years 2013–2016 (no crisis day in them)", () => {
    const calm = market.market.regimes.filter((r) => r.kind === "crisis" && r.end >= "2013-01-01" && r.start <= "2016-10-31");
    expect(calm).toEqual([]);
    const stretch = reports.filter((r) => r.asOf >= "2013-01-01" && r.asOf <= "2016-10-31");
    expect(stretch.length).toBe(46);
    expect(stretch.filter((r) => r.decision.retrain).map((r) => r.asOf)).toEqual([]);
    expect(stretch.every((r) => r.exitCode === 0)).toBe(true);
    expect(reports.filter((r) => r.decision.retrain).length).toBeLessThan(20);
  });

  it("records every run and every model version with its data hash, and chains the models in force", () => {
    expect(log.runs).toHaveLength(120);
    expect(log.runs.map((r) => r.as_of)).toEqual(reports.map((r) => r.asOf));
    const retrains = log.runs.filter((r) => r.decision === "retrain");
    expect(log.models).toHaveLength(retrains.length);
    log.runs.forEach((run, i) => {
      const k = market.prices.dates.indexOf(run.as_of);
      expect(run.data_hash).toBe(hashPriceTable(market.prices, k));
      expect(run.exit_code).toBe(run.decision === "retrain" ? 10 : 0);
      if (i > 0) expect(run.model_before).toBe(log.runs[i - 1]!.model_after);
      if (run.decision === "retrain") expect(JSON.parse(run.reasons_json).length).toBeGreaterThan(0);
      else expect(JSON.parse(run.triggers_json)).toEqual([]);
    });
    for (const model of log.models) {
      const run = log.runs.find((r) => r.run_id === model.run_id)!;
      expect(run.decision).toBe("retrain");
      expect(run.model_after).toBe(model.model_version);
      expect(model.data_hash).toBe(run.data_hash);
      expect(model.as_of).toBe(run.as_of);
      expect(model.train_end <= model.as_of).toBe(true);
      expect(existsSync(model.model_file)).toBe(true);
      expect(model.validation_rmse).toBeGreaterThan(0);
      expect(JSON.parse(model.scores_json).count).toBeGreaterThan(100);
    }
    const later = log.runs.filter((r) => r.model_before !== null && r.forecast_count > 0);
    expect(later.length).toBeGreaterThan(60); // realised against expected returns known for most runs
  });

  it("records a rerun of a day as a new run that keeps the model trained on that data (exit 0, no new version)", async () => {
    const retrained = reports.find((r) => r.asOf >= "2011-01-01" && r.decision.retrain)!;
    const again = await runMonitor(market.prices, { asOf: retrained.asOf, database: db, modelsDir: join(dir, "models"), source: "embedded" });
    expect(again.runId).not.toBe(retrained.runId);
    expect(again.dataHash).toBe(retrained.dataHash);
    expect(again.decision.retrain).toBe(false);
    expect(again.exitCode).toBe(0);
    expect(again.modelAfter).toBe(retrained.trained!.version);
    expect(again.decision.reasons[0]).toMatch(/trained on this very data/);
    const after = await readMonitorLog(db);
    expect(after.runs).toHaveLength(121);
    expect(after.models).toHaveLength(log.models.length);
  });
});

describe("monitor on a volatility shift planted in a calm stretch", () => {
  /** The market's prices with every daily log return from `from` on multiplied by `factor`. */
  function planted(prices: DateTable, from: string, factor: number): DateTable {
    const k = prices.tickers.length;
    const values = Float64Array.from(prices.values);
    prices.dates.forEach((d, i) => {
      if (i === 0 || d < from) return;
      for (let j = 0; j < k; j++) values[i * k + j] = values[(i - 1) * k + j]! * (prices.values[i * k + j]! / prices.values[(i - 1) * k + j]!) ** factor;
    });
    return { ...prices, values };
  }

  it("finds a doubling of volatility from 2014-06-02 within three months, and nothing before it", async () => {
    const shifted = planted(market.prices, "2014-06-02", 2);
    const plantDb = await WorkbookDatabase.open(join(dir, "planted.duckdb"));
    const runs: MonitorReport[] = [];
    try {
      for (const asOf of monthEnds(shifted.dates, "2013-06-01", "2014-12-31")) {
        runs.push(await runMonitor(shifted, { asOf, database: plantDb, modelsDir: join(dir, "planted-models"), source: "planted" }));
      }
    } finally {
      plantDb.close();
    }
    const found = runs.filter((r) => r.decision.triggers.includes("volatility"));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.asOf > "2014-06-02" && found[0]!.asOf <= "2014-09-02").toBe(true);
    expect(found[0]!.indicators.volatility.ratio).toBeGreaterThan(found[0]!.indicators.volatility.band[1]);
    expect(found[0]!.exitCode).toBe(10);
    expect(runs.filter((r) => r.asOf < "2014-06-02" && r.decision.retrain).map((r) => r.decision.triggers)).toEqual([["no-model"]]);
  }, 60_000);
});
