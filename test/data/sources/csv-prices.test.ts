import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError, InputError } from "../../../src/core/errors";
import { CsvPriceSource, loadCsvPrices, type PriceQuery } from "../../../src/data/sources";
import { WorkbookDatabase, buildCanonicalData, readPrices, readRejects } from "../../../src/data/sql";
import { fixturePath } from "../../fixtures/data/feeds/load-feeds";

const dir = mkdtempSync(join(tmpdir(), "wb-csv-prices-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes CSV text to `name` in a fresh folder and loads it as prices. */
function pricesFrom(text: string, name: string, query: PriceQuery = {}): ReturnType<typeof loadCsvPrices> {
  const path = join(mkdtempSync(join(dir, "f-")), name);
  writeFileSync(path, text);
  return loadCsvPrices(path, query);
}

describe("CSV prices", () => {
  it("reads the wide layout: blanks before listing produce no rows", async () => {
    const rows = await loadCsvPrices(fixturePath("csv/prices-wide.csv"));
    expect(rows.length).toBe(7);
    expect(rows.filter((r) => r.ticker === "BBB")).toEqual([
      { source: "csv:prices-wide.csv", line: 4, ticker: "BBB", date: "2021-10-27", close: null, adjClose: 50, volume: null },
      { source: "csv:prices-wide.csv", line: 6, ticker: "BBB", date: "2021-10-29", close: null, adjClose: 51, volume: null },
    ]);
  });

  it("reads the long layout, detected from a header in any case, with adj_close as the price and close kept", async () => {
    const rows = await new CsvPriceSource(fixturePath("csv/prices-long.csv")).loadPrices();
    expect(rows[0]).toEqual({ source: "csv:prices-long.csv", line: 2, ticker: "AAA", date: "2021-10-25", close: 100, adjClose: 99.5, volume: 1000 });
    expect(rows.map((r) => [r.line, r.date, r.adjClose])).toEqual([
      [2, "2021-10-25", 99.5],
      [3, "2021-10-26", 100.4],
      [4, "2021-10-26", -3],
      [5, "2021-10-27", null],
      [6, "2021-10-28", 102.3],
      [7, "2021-10-29", 103.1],
      [8, "2021-10-29", Number.NaN],
    ]);
  });

  it("sends blank, negative and NaN prices on to be rejected with the reason, accounting for every row", async () => {
    const rows = await loadCsvPrices(fixturePath("csv/prices-long.csv"));
    const db = await WorkbookDatabase.open();
    const report = await buildCanonicalData(db, { prices: rows });
    expect(report.reconciliation[0]).toMatchObject({ rawRows: 7, canonicalRows: 4, rejectedRows: 3, balanced: true });
    expect((await readRejects(db)).map((r) => [r.line, r.reason])).toEqual([
      [4, "non-positive adjusted close (-3.0)"],
      [5, "missing adjusted close (NULL)"],
      [8, "non-finite adjusted close (nan)"],
    ]);
    expect((await readPrices(db)).tickers).toEqual(["AAA"]);
    db.close();
  });

  it("treats a lone close or price column as the adjusted price", async () => {
    expect((await pricesFrom("date,symbol,close\n2024-01-02,A,10\n", "c.csv"))[0]).toMatchObject({ ticker: "A", close: 10, adjClose: 10 });
    expect((await pricesFrom("date,ticker,price\n2024-01-02,A,10\n", "p.csv"))[0]).toMatchObject({ close: null, adjClose: 10 });
  });

  it("names every malformed line: non-ISO dates, missing fields, non-numeric prices", async () => {
    const err = (await loadCsvPrices(fixturePath("csv/prices-malformed.csv")).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe("MALFORMED_ROWS");
    expect(err.message).toContain("line 5: 2 field(s), the header has 3");
    const text = readFileSync(fixturePath("csv/prices-malformed.csv"), "utf8").replace("2021-10-28,AAA\n", "2021-10-28,AAA,1\n");
    await expect(pricesFrom(text, "prices-malformed.csv")).rejects.toThrow(
      /2 malformed row\(s\)[^]*line 3: date "10\/26\/2021" is not an ISO date[^]*line 6: "abc" in column price is not a number/,
    );
  });

  it("names refused lines and bad cells together, in line order, counting blank lines", async () => {
    const text = 'date,ticker,price\n2021-10-25,AAA,100\n\n2021-10-26,AAA,1,2\n2021-10-27,AAA,abc\n2021-10-28,"AAA"x,3\n2021-10-29,AAA\n';
    const err = (await pricesFrom(text, "mixed.csv").catch((e: unknown) => e)) as DataError;
    expect(err.code).toBe("MALFORMED_ROWS");
    expect(err.message).toBe(
      "csv:mixed.csv: 4 malformed row(s); fix or delete them and load again:\n" +
        "  line 4: 4 field(s), the header has 3\n" +
        '  line 5: "abc" in column price is not a number\n' +
        '  line 6: a quoted field has text after its closing quote (2021-10-28,"AAA"x,3); quote the whole field or remove the quotes\n' +
        "  line 7: 2 field(s), the header has 3",
    );
    expect(err.details).toMatchObject({ source: "csv:mixed.csv", count: 4 });
  });

  it("reads quoted fields and CRLF line ends, and numbers lines after a blank line or a quoted line break", async () => {
    const text = 'Date,Ticker,"Adj Close"\r\n"2021-10-25","AAA","99.5"\r\n\r\n2021-10-26,"A\r\nA",100\r\n2021-10-27,AAA,-1\r\n';
    const rows = await pricesFrom(text, "quoted.csv");
    expect(rows.map((r) => [r.line, r.ticker, r.date, r.adjClose])).toEqual([
      [2, "AAA", "2021-10-25", 99.5],
      [4, "A\r\nA", "2021-10-26", 100],
      [6, "AAA", "2021-10-27", -1],
    ]);
  });

  it("reads the long layout with blanks: a blank price is a row with no price, rejected downstream with its line", async () => {
    const text = "date,ticker,adj_close\n2021-10-25,AAA,100\n2021-10-25,BBB,\n\n2021-10-26,AAA,101\n2021-10-26,BBB,50\n";
    const rows = await pricesFrom(text, "long-blanks.csv");
    expect(rows.map((r) => [r.line, r.ticker, r.adjClose])).toEqual([
      [2, "AAA", 100],
      [3, "BBB", null],
      [5, "AAA", 101],
      [6, "BBB", 50],
    ]);
    const db = await WorkbookDatabase.open();
    try {
      await buildCanonicalData(db, { prices: rows });
      expect((await readRejects(db)).map((r) => [r.source, r.line, r.reason])).toEqual([["csv:long-blanks.csv", 3, "missing adjusted close (NULL)"]]);
    } finally {
      db.close();
    }
  });

  it("filters tickers and dates, and names unknown tickers", async () => {
    const text = readFileSync(fixturePath("csv/prices-wide.csv"), "utf8");
    expect((await pricesFrom(text, "w.csv", { tickers: ["AAA"], start: "2021-10-27" })).map((r) => r.date)).toEqual(["2021-10-27", "2021-10-28", "2021-10-29"]);
    await expect(pricesFrom(text, "w.csv", { tickers: ["CCC"] })).rejects.toThrow(/unknown ticker\(s\) CCC; known tickers include AAA, BBB/);
    await expect(pricesFrom(text, "w.csv", { start: "2021-10-29", end: "2021-10-01" })).rejects.toThrow(InputError);
  });

  it("refuses headers that are neither layout", async () => {
    await expect(pricesFrom("day,AAA\n", "x.csv")).rejects.toThrow(/no `date` column/);
    await expect(pricesFrom("date,close\n2024-01-02,1\n", "x.csv")).rejects.toThrow(/look like price fields but there is no ticker column/);
    await expect(pricesFrom("date,ticker,volume\n", "x.csv")).rejects.toThrow(/needs a price column/);
    await expect(pricesFrom("date,AAA,AAA\n", "x.csv")).rejects.toThrow(/appear more than once/);
    await expect(pricesFrom("", "x.csv")).rejects.toThrow(/empty/);
  });

  it("reports a missing file as a DataError naming it", async () => {
    await expect(loadCsvPrices("/nonexistent/prices.csv")).rejects.toThrow(/cannot read price file \/nonexistent\/prices\.csv/);
  });

  it("keeps duplicated and out-of-order dates as raw rows for the SQL layer", async () => {
    const rows = await pricesFrom("date,A\n2024-01-03,11\n2024-01-02,10\n2024-01-03,11\n", "d.csv");
    expect(rows.map((r) => r.date)).toEqual(["2024-01-03", "2024-01-02", "2024-01-03"]);
  });
});
