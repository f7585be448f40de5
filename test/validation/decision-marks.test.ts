import { describe, expect, it } from "vitest";
import { decisionMarksTable, markFor } from "../../src/validation";
import { gapFinding, staleFinding } from "../fixtures/validation/findings";

describe("markFor", () => {
  it("marks one finding with a decision, a comment and the details given, leaving out what is not given", () => {
    expect(markFor(staleFinding, "exclude", "vendor repeated the price", { reviewer: "analyst", reviewedOn: "2026-01-15" })).toEqual([
      { findingId: staleFinding.id, decision: "exclude", comment: "vendor repeated the price", reviewer: "analyst", reviewedOn: "2026-01-15" },
    ]);
    expect(markFor(gapFinding, "adjust", undefined, { newValue: 52.5 })).toEqual([{ findingId: gapFinding.id, decision: "adjust", newValue: 52.5 }]);
    expect(Object.keys(markFor(staleFinding, "accept")[0]!)).toEqual(["findingId", "decision"]);
  });
  it("marks nothing when the finding is not there", () => {
    expect(markFor(undefined, "exclude", "anything")).toEqual([]);
  });
});

describe("decisionMarksTable", () => {
  it("shows each mark's finding, decision and comment", () => {
    const t = decisionMarksTable([...markFor(staleFinding, "exclude", "stale"), ...markFor(gapFinding, "adjust")]);
    expect(t.labels).toEqual([staleFinding.id, gapFinding.id]);
    expect(t.at(staleFinding.id, "comment")).toBe("stale");
    expect(t.at(gapFinding.id, "comment")).toBeUndefined();
    expect(t.at(gapFinding.id, "decision")).toBe("adjust");
  });
});
