import { describe, expect, it } from "vitest";
import { decisionEffects } from "../../src/validation";
import { deepFreeze, fundamentalsRow } from "../fixtures/validation/builders";
import { gapFinding, restatedFinding, splitFinding, staleFinding } from "../fixtures/validation/findings";

const dates = ["2011-05-12", "2020-11-06"];
const canonical = deepFreeze({
  fundamentals: [2016, 2017, 2018].map((y) => fundamentalsRow("AERX", y)),
  prices: { dates, tickers: ["AERX", "CMDX"], values: Float64Array.from([10, 17.64, NaN, 20]) },
});
const modelling = deepFreeze({
  fundamentals: [2016, 2018].map((y) => fundamentalsRow("AERX", y)),
  prices: { dates, tickers: ["AERX", "CMDX"], values: Float64Array.from([10, NaN, 216.98, 20]) },
});

describe("decisionEffects", () => {
  it("puts the canonical data next to the modelling set at each decided finding", () => {
    const t = decisionEffects(canonical, modelling, [staleFinding, gapFinding, restatedFinding]);
    expect(t.labels).toEqual(["company-years", "CMDX price on 2011-05-12", "AERX price on 2020-11-06", "AERX fiscal years present around 2017"]);
    expect(t.column("canonical").values).toEqual(Float64Array.from([3, 17.64, NaN, 3]));
    expect(t.column("modelling").values).toEqual(Float64Array.from([2, NaN, 216.98, 2]));
    expect(t.caption).toMatch(/missing/);
  });
  it("skips a finding that is not there or has nothing to change", () => {
    expect(decisionEffects(canonical, modelling, [undefined, splitFinding]).labels).toEqual(["company-years"]);
  });
  it("reads a price as missing where the date or ticker is absent", () => {
    const t = decisionEffects(canonical, modelling, [{ ...gapFinding, ticker: "ZZZZ" }]);
    expect(t.column("canonical").get("ZZZZ price on 2020-11-06")).toBeNaN();
  });
});
