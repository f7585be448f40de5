import { describe, expect, it } from "vitest";
import { countBySeverity, findingsByRule, findingsTable } from "../../src/validation";
import { findings, gapFinding, staleFinding } from "../fixtures/validation/findings";

describe("findingsTable", () => {
  it("has one row per finding, by id, with its severity and message", () => {
    const t = findingsTable(findings);
    expect(t.labels).toEqual(findings.map((f) => f.id));
    expect(t.columns).toEqual(["severity", "message"]);
    expect(t.at(gapFinding.id, "message")).toBe(gapFinding.message);
    expect(t.at(staleFinding.id, "severity")).toBe("warning");
  });
  it("leaves out a finding that was not there, and is empty for none", () => {
    expect(findingsTable([undefined, staleFinding]).labels).toEqual([staleFinding.id]);
    expect(findingsTable([undefined]).length).toBe(0);
    expect(findingsTable([]).length).toBe(0);
  });
  it("passes the row limit on", () => {
    expect(findingsTable(findings, { maxRows: 25 }).maxRows).toBe(25);
  });
});

describe("findingsByRule", () => {
  it("counts each rule's findings by severity and in total, rules alphabetically, as countBySeverity", () => {
    const t = findingsByRule(findings);
    expect(t.labels).toEqual(["price-gap", "restatement", "stale-price", "unadjusted-split"]);
    const gaps = countBySeverity(findings.filter((f) => f.rule === "price-gap"));
    expect(t.column("warning").get("price-gap")).toBe(gaps.warning);
    expect(t.column("error").get("price-gap")).toBe(gaps.error);
    expect(t.column("findings").toObject()).toEqual({ "price-gap": 2, restatement: 1, "stale-price": 1, "unadjusted-split": 1 });
    expect(t.column("findings").unit).toBe("count");
    expect(t.caption).toBe("5 findings");
  });
});
