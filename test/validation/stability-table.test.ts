import { describe, expect, it } from "vitest";
import { stabilityTable, type StabilityScore } from "../../src/validation";
import { deepFreeze } from "../fixtures/validation/builders";

const scores: StabilityScore[] = deepFreeze([
  { ticker: "AERX", growthYears: 15, growthVolatility: 0.1064, growthScore: 0.47, earningsVariation: 0.06, earningsScore: 0.87, maxDrawdown: 0.755, drawdownScore: 0.06, score: 0.47 },
  { ticker: "AXLX", growthYears: 2, growthVolatility: null, growthScore: null, earningsVariation: 0.02, earningsScore: 0.95, maxDrawdown: 0.431, drawdownScore: 0.46, score: null },
]);

describe("stabilityTable", () => {
  it("shows each company's parts and score, volatility and drawdown as fractions", () => {
    const t = stabilityTable(scores, { maxRows: 12 });
    expect(t.labels).toEqual(["AERX", "AXLX"]);
    expect(t.column("growth volatility").unit).toBe("fraction");
    expect(t.column("max drawdown").get("AERX")).toBe(0.755);
    expect(t.column("score").unit).toBe("ratio");
    expect(t.at("AXLX", "score")).toBeNull();
    expect(t.maxRows).toBe(12);
  });
  it("refuses no scores", () => {
    expect(() => stabilityTable([])).toThrowError(/no rows/);
  });
});
