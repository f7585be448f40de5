import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditSummaryTable, reconciliationTable } from "../../src/data/audit-tables";
import { rawFeeds } from "../../src/data/raw-feeds";
import { buildCanonicalData, readAuditSummary, WorkbookDatabase, type BuildReport } from "../../src/data/sql/index";
import { generateMarket } from "../../src/data/synthetic/index";

let db: WorkbookDatabase;
let build: BuildReport;
beforeAll(async () => {
  db = await WorkbookDatabase.open(":memory:");
  build = await buildCanonicalData(db, rawFeeds(generateMarket({ seed: 7, years: 3, equityCount: 8 })));
});
afterAll(() => db.close());

describe("reconciliationTable", () => {
  it("has one row per raw table, raw = canonical + merged + rejected, in counts", () => {
    const t = reconciliationTable(build.reconciliation);
    expect(t.labels).toEqual(build.reconciliation.map((r) => r.tableName));
    const prices = build.reconciliation.find((r) => r.tableName === "raw_prices")!;
    expect(t.column("raw rows").get("raw_prices")).toBe(prices.rawRows);
    expect(t.column("raw rows").unit).toBe("count");
    const sum = ["canonical", "merged", "rejected"].reduce((s, c) => s + t.column(c).get("raw_prices"), 0);
    expect(sum).toBe(prices.rawRows);
    expect(t.at("raw_prices", "balanced")).toBe("yes");
  });
});

describe("auditSummaryTable", () => {
  it("counts rejected and merged rows by reason, as readAuditSummary", async () => {
    const rows = await readAuditSummary(db);
    const t = auditSummaryTable(rows);
    expect(t.length).toBe(rows.length);
    expect(t.columns).toEqual(["raw table", "reason", "rows"]);
    expect(t.toRows().map((r) => r.rows)).toEqual(rows.map((r) => r.rows));
  });
  it("refuses no rows", () => {
    expect(() => auditSummaryTable([])).toThrowError(/no rows/);
  });
});
