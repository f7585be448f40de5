import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DataError, InputError } from "../../../src/core/errors";
import { CsvPriceSource, loadCsvPrices, parseCsv, parsePriceCsv } from "../../../src/data/sources";
import { WorkbookDatabase, buildCanonicalData, readPrices, readRejects } from "../../../src/data/sql";
import { fixturePath } from "../../fixtures/data/feeds/load-feeds";

describe("parseCsv", () => {
  it("handles quotes, embedded commas and line breaks, CRLF, a BOM and blank lines, keeping line numbers", () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",z\n';
    expect(parseCsv(text, "t.csv")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 4, fields: ["multi\nline", "z"] },
    ]);
  });

  it("names the line of an unterminated quote", () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3\n', "t.csv")).toThrow(/t\.csv: line 2: a quoted field is never closed/);
  });
});

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

  it("treats a lone close or price column as the adjusted price", () => {
    expect(parsePriceCsv("date,symbol,close\n2024-01-02,A,10\n", "c.csv")[0]).toMatchObject({ ticker: "A", close: 10, adjClose: 10 });
    expect(parsePriceCsv("date,ticker,price\n2024-01-02,A,10\n", "p.csv")[0]).toMatchObject({ close: null, adjClose: 10 });
  });

  it("names every malformed line: non-ISO dates, missing fields, non-numeric prices", async () => {
    const err = (await loadCsvPrices(fixturePath("csv/prices-malformed.csv")).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe("MALFORMED_ROWS");
    expect(err.message).toContain("line 5: 2 field(s), the header has 3");
    const text = readFileSync(fixturePath("csv/prices-malformed.csv"), "utf8").replace("2021-10-28,AAA\n", "2021-10-28,AAA,1\n");
    expect(() => parsePriceCsv(text, "prices-malformed.csv")).toThrow(
      /2 malformed row\(s\)[^]*line 3: date "10\/26\/2021" is not an ISO date[^]*line 6: "abc" in column price is not a number/,
    );
  });

  it("filters tickers and dates, and names unknown tickers", () => {
    const text = readFileSync(fixturePath("csv/prices-wide.csv"), "utf8");
    expect(parsePriceCsv(text, "w.csv", { tickers: ["AAA"], start: "2021-10-27" }).map((r) => r.date)).toEqual(["2021-10-27", "2021-10-28", "2021-10-29"]);
    expect(() => parsePriceCsv(text, "w.csv", { tickers: ["CCC"] })).toThrow(/unknown ticker\(s\) CCC; known tickers include AAA, BBB/);
    expect(() => parsePriceCsv(text, "w.csv", { start: "2021-10-29", end: "2021-10-01" })).toThrow(InputError);
  });

  it("refuses headers that are neither layout", () => {
    expect(() => parsePriceCsv("day,AAA\n", "x.csv")).toThrow(/no `date` column/);
    expect(() => parsePriceCsv("date,close\n2024-01-02,1\n", "x.csv")).toThrow(/look like price fields but there is no ticker column/);
    expect(() => parsePriceCsv("date,ticker,volume\n", "x.csv")).toThrow(/needs a price column/);
    expect(() => parsePriceCsv("date,AAA,AAA\n", "x.csv")).toThrow(/appear more than once/);
    expect(() => parsePriceCsv("", "x.csv")).toThrow(/empty/);
  });

  it("reports a missing file as a DataError naming it", async () => {
    await expect(loadCsvPrices("/nonexistent/prices.csv")).rejects.toThrow(/cannot read price file \/nonexistent\/prices\.csv/);
  });

  it("keeps duplicated and out-of-order dates as raw rows for the SQL layer", () => {
    const rows = parsePriceCsv("date,A\n2024-01-03,11\n2024-01-02,10\n2024-01-03,11\n", "d.csv");
    expect(rows.map((r) => r.date)).toEqual(["2024-01-03", "2024-01-02", "2024-01-03"]);
  });
});
