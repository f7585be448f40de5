import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchPlantedDefects, resolveValidationSettings, runChecks } from "../../src/validation";
import { smallMarket, type SmallMarket } from "../fixtures/validation/small-market";

let m: SmallMarket;
beforeAll(async () => {
  m = await smallMarket();
});
afterAll(() => m.db.close());

describe("the checks on a synthetic market", () => {
  it("find every planted stale run, split, missing row, rejected price, missing year and restatement", () => {
    const matches = matchPlantedDefects(m.market.defects, m.report.findings);
    const d = m.market.defects;
    expect(matches).toHaveLength(d.prices.staleRuns.length + d.prices.unadjustedSplits.length + d.prices.missingRows.length + d.prices.badPrices.length
      + d.fundamentals.missingYears.length + d.fundamentals.restatements.length);
    expect(matches.length).toBeGreaterThan(5);
    expect(matches.filter((x) => !x.found)).toEqual([]);
  });

  it("give stable ids: the same data gives the same findings", () => {
    const again = runChecks(m.input);
    expect(again.findings.map((f) => f.id)).toEqual(m.report.findings.map((f) => f.id));
    expect(new Set(m.report.findings.map((f) => f.id)).size).toBe(m.report.findings.length);
  });

  it("report who misses what when a check is switched off by its threshold", () => {
    const lax = runChecks(m.input, resolveValidationSettings({ prices: { staleDays: 50 } }));
    const missed = matchPlantedDefects(m.market.defects, lax.findings).filter((x) => !x.found).map((x) => x.defect);
    expect(new Set(missed)).toEqual(new Set(m.market.defects.prices.staleRuns.length > 0 ? ["stale run"] : []));
  });
});
