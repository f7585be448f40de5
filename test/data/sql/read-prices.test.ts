import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { WorkbookDatabase, buildCanonicalData, readPriceCoverage, readPrices } from "../../../src/data/sql";
import { fixtureFeeds } from "../../fixtures/data/feeds/load-feeds";

let db: WorkbookDatabase;
beforeAll(async () => {
  db = await WorkbookDatabase.open();
  await buildCanonicalData(db, fixtureFeeds());
});
afterAll(() => db.close());

describe("readPrices", () => {
  it("returns a wide DateTable with NaN before a late listing and in a gap (no forward fill)", async () => {
    const t = await readPrices(db, { tickers: ["BBB", "AAA"] });
    expect(t.tickers).toEqual(["BBB", "AAA"]);
    expect(t.dates).toEqual(["2021-10-25", "2021-10-26", "2021-10-27", "2021-10-28", "2021-10-29"]);
    expect([...t.values]).toEqual([Number.NaN, 100, Number.NaN, 101, 50, 102.5, Number.NaN, 103, 51, 104]);
  });

  it("only has dates on which one of the asked tickers has a price", async () => {
    const t = await readPrices(db, { tickers: ["BBB"] });
    expect(t.dates).toEqual(["2021-10-27", "2021-10-29"]);
  });

  it("filters an inclusive date range", async () => {
    const t = await readPrices(db, { tickers: ["AAA"], start: "2021-10-26", end: "2021-10-27" });
    expect(t.dates).toEqual(["2021-10-26", "2021-10-27"]);
  });

  it("names unknown tickers and lists known ones", async () => {
    const err = (await readPrices(db, { tickers: ["AAA", "ZZZ", "QQQ"] }).catch((e: unknown) => e)) as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.code).toBe("UNKNOWN_TICKER");
    expect(err.message).toBe("readPrices: unknown ticker(s) ZZZ, QQQ; known tickers include AAA, BBB, MTAX");
  });

  it("refuses empty, reversed and malformed ranges and duplicated tickers", async () => {
    await expect(readPrices(db, { start: "2021-10-29", end: "2021-10-25" })).rejects.toThrow(/start 2021-10-29 is after end 2021-10-25/);
    await expect(readPrices(db, { start: "2021-10-32" })).rejects.toThrow(/not an ISO date/);
    await expect(readPrices(db, { tickers: [] })).rejects.toThrow(/ticker list is empty/);
    await expect(readPrices(db, { tickers: ["AAA", "AAA"] })).rejects.toThrow(/AAA listed more than once/);
    await expect(readPrices(db, { tickers: ["AAA"], start: "2022-01-01", end: "2022-12-31" })).rejects.toThrow(
      /no prices between 2022-01-01 and 2022-12-31 for AAA; their prices span AAA 2021-10-25\.\.2021-10-29/,
    );
  });

  it("reports coverage per ticker", async () => {
    expect(await readPriceCoverage(db)).toEqual([
      { ticker: "AAA", firstDate: "2021-10-25", lastDate: "2021-10-29", days: 5 },
      { ticker: "BBB", firstDate: "2021-10-27", lastDate: "2021-10-29", days: 2 },
      { ticker: "MTAX", firstDate: "2021-10-25", lastDate: "2021-10-29", days: 5 },
    ]);
  });
});
