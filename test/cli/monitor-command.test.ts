/**
 * `npx workbook monitor` on a CSV appended day after day, on the embedded market, and on bad input: exit codes,
 * the --json report and the lineage in DuckDB.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { MONITOR_USAGE } from "../../src/cli/monitor-command";
import { loadEmbeddedMarket, WorkbookDatabase, type EmbeddedMarket } from "../../src/data/index";
import { readMonitorLog } from "../../src/workbook/index";

const dir = mkdtempSync(join(tmpdir(), "monitor-cli-"));
const csv = join(dir, "prices.csv");
const dbFile = join(dir, "lineage.duckdb");
let market: EmbeddedMarket;

function rows(from: number, to: number): string {
  const { dates, tickers, values } = market.prices;
  const m = tickers.length;
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push([dates[i], ...tickers.map((_, j) => (Number.isFinite(values[i * m + j]!) ? String(values[i * m + j]) : ""))].join(","));
  return `${out.join("\n")}\n`;
}

async function monitor(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["monitor", ...args], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  market = await loadEmbeddedMarket({ years: 3, equityCount: 3 });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npx workbook monitor", () => {
  it("states its thresholds, their defaults and the exit codes in --help", async () => {
    const r = await monitor("--help");
    expect(r.code).toBe(0);
    expect(r.out).toBe(MONITOR_USAGE);
    expect(r.out).toMatch(/--volatility-ratio R +retrain when recent \/ reference market volatility leaves \[1\/R, R\] \(default 1\.5\)/);
    expect(r.out).toMatch(/Exit codes: 0 no action \(model kept\), 10 retrained, 2 bad input/);
  });

  it("on a CSV appended daily: trains first (10), keeps on a rerun (0), and records each run and the model version", async () => {
    const n = market.prices.dates.length;
    writeFileSync(csv, `date,${market.prices.tickers.join(",")}\n${rows(0, n - 40)}`);
    const common = ["--prices", csv, "--db", dbFile, "--models", join(dir, "models")];
    const first = await monitor(...common, "--json");
    expect(first.code).toBe(10);
    const report = JSON.parse(first.out);
    expect(report.asOf).toBe(market.prices.dates[n - 41]);
    expect(report.decision.triggers[0]).toBe("no-model");
    expect(report.trained.scores.count).toBeGreaterThan(50);
    expect(report.source).toBe(`file:${csv}`);
    const rerun = await monitor(...common);
    expect(rerun.code).toBe(0);
    expect(rerun.out).toMatch(/: keep/);
    for (let k = n - 40; k < n; k += 20) appendFileSync(csv, rows(k, Math.min(n, k + 20)));
    const later = await monitor(...common, "--json");
    expect([0, 10]).toContain(later.code);
    const next = JSON.parse(later.out);
    expect(next.asOf).toBe(market.prices.dates[n - 1]);
    expect(next.modelBefore.version).toBe(report.trained.version);
    expect(next.indicators.realisedVersusExpected.count).toBeGreaterThan(0);
    const db = await WorkbookDatabase.open(dbFile);
    try {
      const log = await readMonitorLog(db);
      expect(log.runs.map((r) => r.exit_code)).toEqual([10, 0, later.code]);
      expect(log.runs[0]!.data_hash).toBe(log.runs[1]!.data_hash);
      expect(log.runs[2]!.data_hash).not.toBe(log.runs[0]!.data_hash);
      expect(log.models[0]!.model_version).toBe(report.trained.version);
      expect(log.models[0]!.data_hash).toBe(report.dataHash);
      expect(log.models).toHaveLength(later.code === 10 ? 2 : 1);
    } finally {
      db.close();
    }
  }, 60_000);

  it("reads the same prices from Parquet (written by DuckDB from the CSV) to the same data hash", async () => {
    const parquet = join(dir, "prices.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const fromCsv = JSON.parse((await monitor("--prices", csv, "--db", join(dir, "a.duckdb"), "--models", join(dir, "m"), "--json")).out);
    const fromParquet = JSON.parse((await monitor("--prices", parquet, "--db", join(dir, "b.duckdb"), "--models", join(dir, "m"), "--json")).out);
    expect(fromParquet.dataHash).toBe(fromCsv.dataHash);
    expect(fromParquet.trained.version).toBe(fromCsv.trained.version);
  }, 60_000);

  it("replays a date with --as-of on the embedded market", async () => {
    const r = await monitor("--embedded", "--years", "3", "--equities", "2", "--as-of", "2007-12-31", "--db", join(dir, "embedded.duckdb"), "--models", join(dir, "models"), "--json");
    expect(r.code).toBe(10);
    expect(JSON.parse(r.out).asOf).toBe("2007-12-31");
  }, 60_000);

  it("exits 2 with a typed error on a missing file, a bad threshold, too little data, or no source", async () => {
    const missing = await monitor("--prices", join(dir, "nope.csv"), "--db", dbFile, "--json");
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.code).toBe("MISSING_FILE");
    const threshold = await monitor("--prices", csv, "--volatility-ratio", "0.9");
    expect(threshold.code).toBe(2);
    expect(threshold.err).toMatch(/--volatility-ratio takes a ratio > 1/);
    const early = await monitor("--prices", csv, "--as-of", "2006-09-29", "--db", dbFile, "--json");
    expect(early.code).toBe(2);
    expect(JSON.parse(early.out).error.code).toBe("TOO_LITTLE_DATA");
    expect((await monitor("--db", dbFile)).code).toBe(2);
  }, 60_000);
});
