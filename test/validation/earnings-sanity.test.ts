import { describe, expect, it } from "vitest";
import { DEFAULT_VALIDATION_SETTINGS, checkEarnings } from "../../src/validation";
import { deepFreeze, fundamentalsRow } from "../fixtures/validation/builders";

describe("checkEarnings", () => {
  it("finds nothing in plausible, steady figures", () => {
    const rows = deepFreeze([2019, 2020, 2021].map((y) => fundamentalsRow("A", y, { revenue: 1000 + 50 * (y - 2019) })));
    expect(checkEarnings(rows)).toEqual([]);
  });

  it("flags net income above revenue as an error, with its margin", () => {
    const rows = deepFreeze([fundamentalsRow("A", 2020, { revenue: 100, netIncome: 120, operatingIncome: 10 })]);
    const found = checkEarnings(rows);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ["net-income-above-revenue", "error"],
      ["net-margin-out-of-bounds", "warning"],
    ]);
    expect(found[0]).toMatchObject({
      id: "net-income-above-revenue/A/2020",
      check: "earnings",
      ticker: "A",
      fiscalYear: 2020,
      date: "2020-12-31",
      value: 120,
      target: { kind: "company-year", fiscalYear: 2020, field: "netIncome" },
      allowed: ["accept", "exclude", "adjust"],
    });
    expect(found[0]!.message).toBe("A 2020: net income 120.0 m is above revenue 100.0 m, which cannot happen in one year's accounts");
    expect(found[1]!.value).toBeCloseTo(1.2, 12);
  });

  it("flags margins outside the bounds it is given", () => {
    const rows = deepFreeze([fundamentalsRow("A", 2020, { revenue: 1000, netIncome: -600, operatingIncome: 700 })]);
    expect(checkEarnings(rows).map((f) => `${f.rule}:${f.value}`)).toEqual(["net-margin-out-of-bounds:-0.6", "operating-margin-out-of-bounds:0.7"]);
    const d = DEFAULT_VALIDATION_SETTINGS;
    const loose = { ...d, earnings: { ...d.earnings, netMargin: { min: -1, max: 1 }, operatingMargin: { min: -1, max: 1 } } };
    expect(checkEarnings(rows, loose)).toEqual([]);
  });

  it("flags a sign flip and jumps against the previous consecutive year only", () => {
    const rows = deepFreeze([
      fundamentalsRow("A", 2018, { revenue: 1000, netIncome: 100 }),
      fundamentalsRow("A", 2019, { revenue: 1600, netIncome: -50 }), // +60 % revenue, sign flip
      fundamentalsRow("A", 2020, { revenue: 1500, netIncome: 40 }), // flip back
      fundamentalsRow("A", 2021, { revenue: 1500, netIncome: 90 }), // NI x2.25
      fundamentalsRow("A", 2023, { revenue: 400, netIncome: 10 }), // after a gap: not compared
    ]);
    const ids = checkEarnings(rows).map((f) => f.id);
    expect(ids).toEqual(["net-income-sign-flip/A/2019", "revenue-jump/A/2019", "net-income-sign-flip/A/2020", "net-income-jump/A/2021"]);
    const jump = checkEarnings(rows).find((f) => f.id === "revenue-jump/A/2019")!;
    expect(jump.value).toBeCloseTo(0.6, 12);
    expect(jump.message).toBe("A 2019: revenue moved 60.0 % in a year (1,000.0 m to 1,600.0 m), beyond ×1.50 either way");
  });

  it("treats a fall as large as a rise in ratio terms", () => {
    const rows = deepFreeze([fundamentalsRow("A", 2019, { revenue: 1500 }), fundamentalsRow("A", 2020, { revenue: 999 })]);
    expect(checkEarnings(rows).map((f) => f.rule)).toEqual(["revenue-jump"]);
  });
});
