import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBacktestRuns, replayTradeLog } from "../../src/backtest/index";
import { BACKTEST_USAGE, parseBacktestArgs } from "../../src/cli/backtest-command";
import { main } from "../../src/cli/main";
import { packagePath } from "../../src/core/paths";
import { sql } from "../../src/data/index";

const dir = mkdtempSync(join(tmpdir(), "workbook-backtest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = packagePath("test", "fixtures", "backtest", "prices.csv");
const allocation = packagePath("test", "fixtures", "allocation", "prices.csv");

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["backtest", ...args], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function runsIn(file: string) {
  const db = await sql.WorkbookDatabase.open(file);
  try {
    const runs = await readBacktestRuns(db);
    const replays = await Promise.all(runs.map((r) => replayTradeLog(db, r.runId)));
    return { runs, replays };
  } finally {
    db.close();
  }
}

describe("npx workbook backtest on a small CSV", () => {
  const trades = join(dir, "small.duckdb");

  it("prints the metrics of the strategy and the benchmark and writes the trade log", async () => {
    const r = await cli("--prices", small, "--strategy", "equal-weight", "--cost-bps", "5", "--spread-bps", "10", "--capital", "100000", "--trades", trades);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^equal weight, rebalanced monthly, 2024-01-02 … /);
    expect(r.out).toMatch(/strategy\s+final value\s+cumulative return/);
    expect(r.out).toMatch(/equal weight, bought and held/);
    expect(r.out).toMatch(/trade log: \d+ trades appended to .*small\.duckdb \(run [0-9a-f-]+\)/);
    // The fixture's negative price is rejected with its reason and line.
    expect(r.err).toMatch(/1 price row rejected:\n {2}line 72: non-positive adjusted close \(-3(\.0)?\)/);
    expect(r.err).toMatch(/equal weight: 130\/130 days/);
  });

  it("runs sixty-forty (MKTIDX/LTBX by default) and a min-volatility with a short lookback, appending to the same log", async () => {
    expect((await cli("--prices", small, "--strategy", "sixty-forty", "--rebalance", "never", "--trades", trades)).code).toBe(0);
    const r = await cli("--prices", small, "--strategy", "min-volatility", "--lookback", "40", "--rebalance", "drift:0.05", "--fractional", "--trades", trades, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.strategy.strategy).toBe("min volatility");
    expect(json.rebalance).toBe("drift > 5 %");
    expect(json.strategy.start).toBe("2024-02-27"); // row 40: 40 rows of history first
    expect(json.rejectedRows).toBe(1);
    const { runs, replays } = await runsIn(trades);
    expect(runs.map((x) => x.strategy)).toEqual(["equal weight", "60/40 (MKTIDX/LTBX)", "min volatility"]);
    expect(runs.map((x) => x.rebalance)).toEqual(["monthly", "buy and hold", "drift > 5 %"]);
    replays.forEach((rep, i) => expect(rep.cash).toBeCloseTo(runs[i]!.finalCash, 6));
  });

  it("honours --start, --end and --benchmark", async () => {
    const r = await cli("--prices", small, "--strategy", "equal-weight", "--start", "2024-03-01", "--end", "2024-05-31", "--benchmark", "MKTIDX", "--json", "--trades", trades);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect([json.strategy.start, json.strategy.end]).toEqual(["2024-03-01", "2024-05-31"]);
    expect(json.benchmark.strategy).toBe("MKTIDX buy and hold");
    expect(json.strategy.hitRate).not.toBeNull();
  });
});

describe("npx workbook backtest on test/fixtures/allocation/prices.csv", () => {
  const trades = join(dir, "allocation.duckdb");
  it.each(["hrp", "risk-parity", "max-sharpe", "min-volatility", "equal-weight"])("runs %s", async (strategy) => {
    const r = await cli("--prices", allocation, "--strategy", strategy, "--lookback", "120", "--cost-bps", "2", "--json", "--trades", trades);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.strategy.finalValue).toBeGreaterThan(0);
    expect(json.versions.data).toMatch(/^[0-9a-f]{16}$/);
  });
  it("charges tax with --tax-rate and --lots (highest cost first realises no more than FIFO), and runs the tax-aware strategy under it", async () => {
    const run = async (strategy: string, ...flags: string[]) => {
      const r = await cli("--prices", allocation, "--strategy", strategy, "--lookback", "120", "--cost-bps", "2", ...flags, "--json", "--trades", trades);
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out).strategy as { tax: number; finalValue: number };
    };
    const untaxed = await run("min-volatility");
    const taxed = await run("min-volatility", "--tax-rate", "0.25");
    expect(untaxed.tax).toBe(0);
    expect(taxed.tax).toBeGreaterThan(0); // rebalancing sold shares at a gain
    expect(taxed.finalValue).toBeLessThan(untaxed.finalValue);
    const highestCost = await run("min-volatility", "--tax-rate", "0.25", "--lots", "highest-cost");
    expect(highestCost.tax).toBeLessThanOrEqual(taxed.tax); // the dearest shares sold first realise the smallest gains
    const taxAware = await run("tax-aware", "--tax-rate", "0.25", "--lots", "highest-cost");
    expect(taxAware.tax).toBeGreaterThanOrEqual(0);
    const bad = await cli("--prices", allocation, "--strategy", "tax-aware", "--lots", "lifo", "--trades", trades);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--lots lifo is not a lot rule; choose fifo, average or highest-cost/)]);
    expect((await cli("--prices", allocation, "--strategy", "hrp", "--tax-rate", "1.5", "--trades", trades)).err).toMatch(/--tax-rate takes a fraction in \[0, 1\)/);
  }, 120_000);
  it("sixty-forty names the flags when the file lacks the default funds", async () => {
    const r = await cli("--prices", allocation, "--strategy", "sixty-forty", "--trades", trades);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sixty-forty needs MKTIDX and LTBX, not in the file .*--equity TICKER --bond TICKER/);
    expect((await cli("--prices", allocation, "--strategy", "sixty-forty", "--equity", "ACME", "--bond", "BOLT", "--trades", trades)).code).toBe(0);
  });
});

describe("npx workbook backtest: flags and files", () => {
  it("--help documents every flag", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    for (const flag of ["--prices", "--strategy", "--rebalance", "--cost-bps", "--per-share", "--spread-bps", "--start", "--end", "--capital", "--fractional", "--lookback", "--equity", "--bond", "--benchmark", "--risk-free", "--tax-rate", "--lots", "--trades", "--json", "--help"]) {
      expect(BACKTEST_USAGE).toContain(flag);
    }
    expect(r.out).toContain("whole shares");
  });

  it.each([
    [["--prices", small, "--strategy", "equal-weight", "--fast"], /unknown flag --fast/],
    [["--prices", small, "--strategy", "momentum"], /unknown strategy "momentum"; choose one of equal-weight, sixty-forty/],
    [["--prices", small, "--strategy", "hrp", "--cost-bps", "abc"], /--cost-bps takes a number of basis points ≥ 0, e.g. 5, got "abc"/],
    [["--prices", small, "--strategy", "hrp", "--rebalance", "drift:2"], /drift:THRESHOLD|threshold between 0 and 1/],
    [["--prices", small, "--strategy", "hrp", "--rebalance", "daily"], /--rebalance takes monthly, weekly, quarterly, never or drift:THRESHOLD/],
    [["--prices", small, "--strategy", "hrp", "--start", "2024-13-01"], /--start takes a date YYYY-MM-DD/],
    [["--prices", small, "--strategy", "hrp", "--capital"], /--capital needs a value/],
    [["--strategy", "hrp"], /--prices FILE.csv is required/],
    [["--prices", small], /--strategy is required/],
    [["--prices", join(dir, "missing.csv"), "--strategy", "hrp"], /cannot read price file .*missing\.csv/],
    [["--prices", small, "--strategy", "equal-weight", "--start", "2030-01-01"], /no trading day between 2030-01-01/],
  ] as const)("exits 2 with a clear message for %j", async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("exits 2 naming the malformed lines of a bad file", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "date,A,B\n2024-01-02,10,20\n2024-01-03,11\nnot-a-date,1,2\n");
    const r = await cli("--prices", bad, "--strategy", "equal-weight", "--trades", join(dir, "bad.duckdb"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 3: 2 field\(s\), the header has 3/);
  });

  it("parses flags given as --flag=value", () => {
    const a = parseBacktestArgs(["--prices=p.csv", "--strategy=hrp", "--cost-bps=7", "--rebalance=weekly"]);
    expect([a.prices, a.strategy, a.costBps, a.rebalance.name]).toEqual(["p.csv", "hrp", 7, "weekly"]);
  });
});
