import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { SP500_TICKER, VegaDatasetsSource, loadVegaSp500, loadVegaStocks, parseVegaDate, vegaDataDir } from "../../../src/data/sources";
import { WorkbookDatabase, buildFromSources, readPrices } from "../../../src/data/sql";

describe("vega-datasets", () => {
  it("finds the data folder of the installed package", async () => {
    expect(await vegaDataDir()).toMatch(/node_modules\/vega-datasets\/data$/);
  });

  it("parses its dates", () => {
    expect(parseVegaDate("Jan 1 2000")).toBe("2000-01-01");
    expect(parseVegaDate("Mar 1 2010")).toBe("2010-03-01");
    expect(parseVegaDate("Feb 30 2010")).toBeNull();
    expect(parseVegaDate("2010-03-01")).toBeNull();
  });

  it("loads the 560 monthly rows of stocks.csv", async () => {
    const rows = await loadVegaStocks();
    expect(rows.length).toBe(560);
    expect(new Set(rows.map((r) => r.ticker))).toEqual(new Set(["MSFT", "AMZN", "IBM", "GOOG", "AAPL"]));
    expect(rows[0]).toEqual({ source: "vega-datasets:stocks.csv", line: 2, ticker: "MSFT", date: "2000-01-01", close: null, adjClose: 39.81, volume: null });
    const aapl = await loadVegaStocks({ tickers: ["AAPL"] });
    expect(aapl.length).toBe(123);
    expect(aapl[0]).toMatchObject({ line: 439, date: "2000-01-01", adjClose: 25.94 });
    expect(aapl.at(-1)).toMatchObject({ date: "2010-03-01", adjClose: 223.02 });
    expect((await loadVegaStocks({ tickers: ["GOOG"] }))[0]!.date).toBe("2004-08-01");
    expect((await loadVegaStocks({ tickers: ["MSFT"], start: "2005-01-01", end: "2005-12-31" })).length).toBe(12);
  });

  it("loads the 5,105 daily rows of sp500-2000.csv", async () => {
    const rows = await loadVegaSp500();
    expect(rows.length).toBe(5105);
    expect(rows[0]).toEqual({
      source: "vega-datasets:sp500-2000.csv", line: 2, ticker: SP500_TICKER, date: "2000-01-03", close: 1455.219971, adjClose: 1455.219971, volume: 931800000,
    });
    expect(rows.at(-1)!.date).toBe("2020-04-17");
    expect((await new VegaDatasetsSource("sp500-2000").loadPrices({ start: "2020-01-01" })).length).toBe(74);
  });

  it("names unknown tickers and lists the known ones", async () => {
    await expect(loadVegaStocks({ tickers: ["MSFT", "TSLA"] })).rejects.toThrow(
      "vega-datasets:stocks.csv: unknown ticker(s) TSLA; known tickers include AAPL, AMZN, GOOG, IBM, MSFT",
    );
    await expect(loadVegaSp500({ tickers: ["SPX"] })).rejects.toBeInstanceOf(InputError);
  });

  it("builds canonical prices from both files, balanced, GOOG missing before it listed", async () => {
    const db = await WorkbookDatabase.open();
    const report = await buildFromSources(db, [new VegaDatasetsSource("stocks"), new VegaDatasetsSource("sp500-2000")]);
    expect(report.reconciliation[0]).toMatchObject({ rawRows: 560 + 5105, canonicalRows: 560 + 5105, balanced: true });
    const t = await readPrices(db, { tickers: ["GOOG", "MSFT"], end: "2004-12-31" });
    expect(t.values[0]).toBeNaN();
    expect(t.values[1]).toBe(39.81);
    db.close();
  });
});
