import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError, InputError } from "../../src/core/errors";
import { WorkbookDatabase } from "../../src/data/sql";
import { readRecordedDecisions, recordDecisions, type NewDecision } from "../../src/validation";

let db: WorkbookDatabase;
beforeAll(async () => {
  db = await WorkbookDatabase.open();
});
afterAll(() => db.close());

const exclude: NewDecision = {
  findingId: "stale-price/CMDX/2011-05-12", check: "prices", rule: "stale-price", ticker: "CMDX", target: { kind: "price-days", from: "2011-05-12", to: "2011-05-19" },
  decision: "exclude", oldValue: null, newValue: null, comment: "vendor repeated", reviewer: "ana", reviewedOn: "2024-06-07",
};
const adjust: NewDecision = {
  findingId: "restatement/A/2016", check: "earnings", rule: "restatement", ticker: "A", target: { kind: "company-year", fiscalYear: 2016, field: "revenue" },
  decision: "adjust", oldValue: 1000, newValue: 1040, comment: null, reviewer: null, reviewedOn: null,
};

describe("the decisions table", () => {
  it("records a batch with bound values and reads it back", async () => {
    const stored = await recordDecisions(db, [exclude, adjust], { appliedAt: "2024-06-07T10:00:00.000Z", workbook: "review.xlsx" });
    expect(stored).toEqual([
      { ...exclude, decisionId: 1, batchId: "2024-06-07T10:00:00.000Z review.xlsx", appliedAt: "2024-06-07T10:00:00.000Z", workbook: "review.xlsx" },
      { ...adjust, decisionId: 2, batchId: "2024-06-07T10:00:00.000Z review.xlsx", appliedAt: "2024-06-07T10:00:00.000Z", workbook: "review.xlsx" },
    ]);
  });

  it("stores all rows of a batch or none (one statement)", async () => {
    const before = await readRecordedDecisions(db);
    const broken = { ...adjust, findingId: "restatement/B/2016", newValue: null }; // adjust without a value breaks a CHECK
    await expect(recordDecisions(db, [exclude, broken], { appliedAt: "2024-06-08T10:00:00.000Z" })).rejects.toBeInstanceOf(DataError);
    expect(await readRecordedDecisions(db)).toEqual(before);
    await expect(recordDecisions(db, [])).rejects.toBeInstanceOf(InputError);
    await expect(recordDecisions(db, [exclude], { appliedAt: "yesterday" })).rejects.toThrow(/not an ISO timestamp/);
  });

  it("keeps history; the latest decision of a finding is the one in force", async () => {
    await recordDecisions(db, [{ ...exclude, decision: "accept", comment: "market closed" }], { appliedAt: "2024-06-09T10:00:00.000Z" });
    expect((await readRecordedDecisions(db)).map((d) => d.decision)).toEqual(["exclude", "adjust", "accept"]);
    expect((await readRecordedDecisions(db, { currentOnly: true })).map((d) => `${d.findingId} ${d.decision}`)).toEqual(["restatement/A/2016 adjust", "stale-price/CMDX/2011-05-12 accept"]);
  });
});
