import { describe, expect, it } from "vitest";
import { plantedDefectCounts, plantedDefectTable, type PlantedDefectMatch } from "../../src/validation";
import { deepFreeze } from "../fixtures/validation/builders";

const matches: PlantedDefectMatch[] = deepFreeze([
  { defect: "stale run", ticker: "CMDX", when: "2011-05-12 to 2011-05-19", findingId: "stale-price/CMDX/2011-05-12", found: true },
  { defect: "stale run", ticker: "AQVX", when: "2025-07-09 to 2025-07-16", findingId: null, found: false },
  { defect: "missing year", ticker: "NVLX", when: "2015-09-30", findingId: "missing-year/NVLX/2015", found: true },
]);

describe("plantedDefectCounts", () => {
  it("counts planted and found defects by kind, in order of first appearance", () => {
    const t = plantedDefectCounts(matches);
    expect(t.labels).toEqual(["stale run", "missing year"]);
    expect(t.column("planted").toObject()).toEqual({ "stale run": 2, "missing year": 1 });
    expect(t.column("found").toObject()).toEqual({ "stale run": 1, "missing year": 1 });
  });
});

describe("plantedDefectTable", () => {
  it("lists every planted defect with the finding that points at it", () => {
    const t = plantedDefectTable(matches, { maxRows: 20 });
    expect(t.length).toBe(3);
    expect(t.columns).toEqual(["ticker", "when", "finding", "found"]);
    expect(t.toRows()[1]).toEqual({ defect: "stale run", ticker: "AQVX", when: "2025-07-09 to 2025-07-16", finding: null, found: "no" });
    expect(t.maxRows).toBe(20);
  });
  it("refuses no matches", () => {
    expect(() => plantedDefectTable([])).toThrowError(/no rows/);
  });
});
