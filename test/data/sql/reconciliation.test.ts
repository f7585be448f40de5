import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataError } from "../../../src/core/errors";
import { WorkbookDatabase, appendRawPrices, assertReconciled, buildCanonicalData, reconcile } from "../../../src/data/sql";
import { fixtureFeeds } from "../../fixtures/data/feeds/load-feeds";

let db: WorkbookDatabase;
beforeEach(async () => {
  db = await WorkbookDatabase.open();
});
afterEach(() => db.close());

describe("reconciliation", () => {
  it("balances after a build", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const rows = await assertReconciled(db);
    for (const r of rows) expect(r.rawRows).toBe(r.canonicalRows + r.mergedRows + r.rejectedRows);
  });

  it("throws a DataError naming the table when a raw row is unaccounted for", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    await appendRawPrices(db, [{ source: "late", line: 1, ticker: "AAA", date: "2021-11-01", close: null, adjClose: 1, volume: null }], 1000);
    const rows = await reconcile(db);
    expect(rows[0]).toMatchObject({ tableName: "raw_prices", rawRows: 21, canonicalRows: 12, mergedRows: 2, rejectedRows: 6, balanced: false });
    const err = (await assertReconciled(db).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toMatch(/raw_prices: 21 raw rows but 12 canonical \+ 2 merged \+ 6 rejected = 20/);
  });
});
