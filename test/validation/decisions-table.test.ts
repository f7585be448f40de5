import { describe, expect, it } from "vitest";
import { decisionsTable, type NewDecision } from "../../src/validation";
import { deepFreeze } from "../fixtures/validation/builders";

const decisions: NewDecision[] = deepFreeze([
  { findingId: "price-gap/AERX/2020-11-06", check: "prices", rule: "price-gap", ticker: "AERX", target: { kind: "price-days", from: "2020-11-06", to: "2020-11-06" },
    decision: "adjust", oldValue: null, newValue: 216.98, comment: "filled", reviewer: "analyst", reviewedOn: null },
  { findingId: "restatement/AERX/2017", check: "earnings", rule: "restatement", ticker: "AERX", target: { kind: "company-year", fiscalYear: 2017, field: "netIncome" },
    decision: "exclude", oldValue: 8792.874, newValue: null, comment: null, reviewer: null, reviewedOn: "2026-01-15" },
]);

describe("decisionsTable", () => {
  it("shows each decision with the value it overrides, the new one, who, when and why", () => {
    const t = decisionsTable(decisions);
    expect(t.labels).toEqual(["price-gap/AERX/2020-11-06", "restatement/AERX/2017"]);
    expect(t.columns).toEqual(["decision", "old value", "new value", "reviewer", "reviewed on", "comment"]);
    expect(t.column("new value").get("price-gap/AERX/2020-11-06")).toBe(216.98);
    expect(t.column("old value").get("price-gap/AERX/2020-11-06")).toBeNaN();
    expect(t.at("restatement/AERX/2017", "reviewed on")).toBe("2026-01-15");
    expect(t.at("restatement/AERX/2017", "reviewer")).toBeUndefined();
  });
});
