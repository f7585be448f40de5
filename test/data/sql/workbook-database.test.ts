import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataError, InputError } from "../../../src/core/errors";
import { WorkbookDatabase, buildCanonicalData, readPrices } from "../../../src/data/sql";
import { SUMMARY_COLUMNS } from "../../../src/sweep/sweep-store";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("WorkbookDatabase", () => {
  it("runs a named SQL file with bound parameters and returns typed rows", async () => {
    const db = await WorkbookDatabase.open();
    await db.run("schema.sql");
    expect(await db.query("price-coverage.sql")).toEqual([]);
    const rows = await db.query<{ table_name: string; balanced: boolean; raw_rows: number }>("reconciliation.sql");
    expect(rows.map((r) => [r.table_name, r.raw_rows, r.balanced])).toEqual([
      ["raw_prices", 0, true],
      ["raw_fundamentals", 0, true],
    ]);
    db.close();
  });

  it("binds values as parameters, never as SQL text (a quote in a ticker is just a character)", async () => {
    const db = await WorkbookDatabase.open();
    const ticker = "O'R); DROP TABLE prices; --";
    await buildCanonicalData(db, { prices: [{ source: "s", line: 1, ticker, date: "2024-01-02", close: null, adjClose: 5, volume: null }] });
    const t = await readPrices(db, { tickers: [ticker] });
    expect(t.tickers).toEqual([ticker]);
    expect([...t.values]).toEqual([5]);
    db.close();
  });

  it("names the .sql file when DuckDB fails", async () => {
    const db = await WorkbookDatabase.open();
    const err = await db.query("select-prices.sql", { tickers: ["A"], start: "2024-01-01", end: "2024-01-31" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe("SQL_FAILED");
    expect((err as DataError).message).toMatch(/^select-prices\.sql failed: .*prices/);
    db.close();
  });

  it("names the statement of a failing script", async () => {
    const db = await WorkbookDatabase.open();
    const err = (await db.run("build-prices.sql").catch((e: unknown) => e)) as DataError;
    expect(err.message).toMatch(/^build-prices\.sql \(statement 1 of \d+\) failed:/);
    db.close();
  });

  it("refuses unknown SQL files, paths, and missing parameters", async () => {
    const db = await WorkbookDatabase.open();
    await expect(db.query("nope.sql")).rejects.toThrow(/no SQL file nope\.sql .*available: .*schema\.sql/);
    await expect(db.query("../../core/errors.ts")).rejects.toBeInstanceOf(InputError);
    await db.run("schema.sql");
    await expect(db.query("select-prices.sql", { tickers: ["A"] })).rejects.toThrow(/parameter \$start was not given/);
    db.close();
  });

  it("refuses work after close, and close is idempotent", async () => {
    const db = await WorkbookDatabase.open();
    db.close();
    db.close();
    expect(db.isOpen).toBe(false);
    await expect(db.query("schema.sql")).rejects.toThrow(/closed/);
  });

  it("persists to a file and reopens", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-db-"));
    dirs.push(dir);
    const path = join(dir, "workbook.duckdb");
    const db = await WorkbookDatabase.open(path);
    await buildCanonicalData(db, { prices: [{ source: "s", line: 1, ticker: "A", date: "2024-01-02", close: null, adjClose: 5, volume: null }] });
    db.close();
    const again = await WorkbookDatabase.open(path);
    expect((await readPrices(again)).dates).toEqual(["2024-01-02"]);
    again.close();
  });

  it("reports a database that cannot be opened as a DataError naming the path", async () => {
    await expect(WorkbookDatabase.open("/nonexistent-folder/x/workbook.duckdb")).rejects.toThrow(
      /cannot open DuckDB database \/nonexistent-folder\/x\/workbook\.duckdb/,
    );
    await expect(WorkbookDatabase.open("")).rejects.toBeInstanceOf(InputError);
  });

  it("opens a file read-only: it reads, refuses writes, and lets a second reader in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wb-db-"));
    dirs.push(dir);
    const path = join(dir, "workbook.duckdb");
    const writer = await WorkbookDatabase.open(path);
    await buildCanonicalData(writer, { prices: [{ source: "s", line: 1, ticker: "A", date: "2024-01-02", close: null, adjClose: 5, volume: null }] });
    writer.close();
    const reader = await WorkbookDatabase.open(path, { readOnly: true });
    const second = await WorkbookDatabase.open(path, { readOnly: true });
    try {
      expect((await readPrices(reader)).dates).toEqual(["2024-01-02"]);
      expect((await readPrices(second)).dates).toEqual(["2024-01-02"]);
      await expect(reader.run("schema.sql")).rejects.toThrowError(expect.objectContaining({ code: "SQL_FAILED" }));
    } finally {
      reader.close();
      second.close();
    }
    await expect(WorkbookDatabase.open(":memory:", { readOnly: true })).rejects.toThrowError(expect.objectContaining({ code: "BAD_DATABASE_PATH" }));
  });

  it("bulk-loads by type name, nulls included, and commits or rolls back a transaction", async () => {
    const db = await WorkbookDatabase.open();
    try {
      await db.run("sweep-schema.sql");
      await db.run("sweep-staging.sql");
      // one staged summary row: the job id, NULL everywhere else but a Sharpe ratio
      const row = SUMMARY_COLUMNS.map(([name]) => (name === "job" ? "j1" : name === "sharpe" ? 0.84 : null));
      await db.append("staged_jobs", SUMMARY_COLUMNS.map(([, type]) => type), row.map((v) => [v]));
      await expect(
        db.transaction(async () => {
          await db.run("sweep-jobs-insert-staged.sql");
          throw new InputError("STOP", "stop here");
        }),
      ).rejects.toThrowError(/stop here/);
      expect(await db.query("sweep-jobs-select.sql")).toEqual([]); // rolled back
      expect(await db.transaction(async () => (await db.run("sweep-jobs-insert-staged.sql"), "done"))).toBe("done");
      expect(await db.query("sweep-jobs-select.sql")).toEqual([Object.fromEntries(SUMMARY_COLUMNS.map(([name], i) => [name, row[i]]))]);
    } finally {
      db.close();
    }
  });

  it("refuses ragged columns in a bulk load", async () => {
    const db = await WorkbookDatabase.open();
    await db.run("schema.sql");
    await expect(db.append("ticker_changes", ["VARCHAR", "VARCHAR", "VARCHAR"], [["A"], ["B"], []])).rejects.toBeInstanceOf(InputError);
    await expect(db.append("x; drop", ["VARCHAR"], [["A"]])).rejects.toBeInstanceOf(InputError);
    await expect(db.append("ticker_changes", ["VARCHAR", "VARCHAR", "DATE"], [["A"], ["B"], ["28/10/2021"]])).rejects.toThrow(
      /append to ticker_changes: column 3, row 1 is "28\/10\/2021", not a date; give dates as YYYY-MM-DD/,
    );
    await expect(db.append("ticker_changes", ["VARCHAR", "TEXT" as "VARCHAR", "DATE"], [["A"], ["B"], ["2021-10-28"]])).rejects.toThrow(/unknown column type TEXT/);
    db.close();
  });
});
