import { describe, expect, it } from "vitest";
import { unexplainedFindings, type PlantedDefectMatch } from "../../src/validation";
import { findings, restatedFinding, splitFinding } from "../fixtures/validation/findings";

describe("unexplainedFindings", () => {
  it("keeps the findings no planted defect points at, in order", () => {
    const matches: PlantedDefectMatch[] = findings
      .filter((f) => f !== restatedFinding && f !== splitFinding)
      .map((f) => ({ defect: "x", ticker: f.ticker, when: "", findingId: f.id, found: true }));
    matches.push({ defect: "y", ticker: "Z", when: "", findingId: null, found: false });
    expect(unexplainedFindings(findings, matches)).toEqual([restatedFinding, splitFinding]);
  });
  it("keeps every finding when nothing was planted", () => {
    expect(unexplainedFindings(findings, [])).toEqual([...findings]);
  });
});
