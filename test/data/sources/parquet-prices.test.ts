import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError } from "../../../src/core/errors";
import { ParquetPriceSource, loadParquetPrices } from "../../../src/data/sources";

let dir: string;
beforeAll(async () => {
  // Parquet fixtures are written here by DuckDB (its Parquet writer is built in).
  dir = mkdtempSync(join(tmpdir(), "wb-parquet-"));
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(`COPY (SELECT * FROM (VALUES
      (DATE '2021-10-25', 100.0, NULL), (DATE '2021-10-26', 101.0, NULL), (DATE '2021-10-27', 102.0, 50.0))
      AS t(date, "AAA", "BBB")) TO '${join(dir, "wide.parquet")}' (FORMAT parquet)`);
  await connection.run(`COPY (SELECT * FROM (VALUES
      ('2021-10-25', 'AAA', 99.5, 100.0, 1000::BIGINT), ('2021-10-26', 'AAA', -1.0, 101.0, 1200::BIGINT))
      AS t(date, ticker, adj_close, close, volume)) TO '${join(dir, "long.parquet")}' (FORMAT parquet)`);
  await connection.run(`COPY (SELECT * FROM (VALUES (TIMESTAMP '2021-10-25 00:00:00', 'AAA', 'n/a'))
      AS t(date, ticker, price)) TO '${join(dir, "bad.parquet")}' (FORMAT parquet)`);
  connection.closeSync();
  writeFileSync(join(dir, "corrupt.parquet"), "this is not parquet");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Parquet prices", () => {
  it("reads a wide file with DATE dates; nulls before listing produce no rows", async () => {
    const rows = await loadParquetPrices(join(dir, "wide.parquet"));
    expect(rows.map((r) => [r.line, r.ticker, r.date, r.adjClose])).toEqual([
      [1, "AAA", "2021-10-25", 100],
      [2, "AAA", "2021-10-26", 101],
      [3, "AAA", "2021-10-27", 102],
      [3, "BBB", "2021-10-27", 50],
    ]);
  });

  it("reads a long file with text dates and BIGINT volume as numbers", async () => {
    const rows = await new ParquetPriceSource(join(dir, "long.parquet")).loadPrices({ tickers: ["AAA"] });
    expect(rows).toEqual([
      { source: "parquet:long.parquet", line: 1, ticker: "AAA", date: "2021-10-25", close: 100, adjClose: 99.5, volume: 1000 },
      { source: "parquet:long.parquet", line: 2, ticker: "AAA", date: "2021-10-26", close: 101, adjClose: -1, volume: 1200 },
    ]);
  });

  it("names malformed rows by row number and refuses a corrupt file", async () => {
    await expect(loadParquetPrices(join(dir, "bad.parquet"))).rejects.toThrow(/line 1: "n\/a" in column price is not a number/);
    const err = (await loadParquetPrices(join(dir, "corrupt.parquet")).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe("CORRUPT_PARQUET");
    await expect(loadParquetPrices(join(dir, "wide.parquet"), { tickers: ["ZZZ"] })).rejects.toThrow(/unknown ticker\(s\) ZZZ/);
  });
});
