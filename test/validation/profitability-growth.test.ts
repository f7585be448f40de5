import { describe, expect, it } from "vitest";
import { profitabilityGrowthQuadrants, resolveValidationSettings } from "../../src/validation";
import { deepFreeze, fundamentalsRow } from "../fixtures/validation/builders";

describe("profitabilityGrowthQuadrants", () => {
  const rows = deepFreeze([
    ...[[2020, 90, 9], [2021, 100, 10], [2022, 110, 12], [2023, 121, 13], [2024, 133.1, 15]].map(([y, r, n]) => fundamentalsRow("A", y!, { revenue: r!, netIncome: n! })),
    ...[[2022, 100, -5], [2023, 90, -4], [2024, 81, -3]].map(([y, r, n]) => fundamentalsRow("B", y!, { revenue: r!, netIncome: n! })),
    fundamentalsRow("C", 2024),
  ]);

  it("averages the margin of the last N years and compounds revenue growth over them", () => {
    const [a, b, ...rest] = profitabilityGrowthQuadrants(rows);
    expect(rest).toEqual([]); // C has one year: no growth
    expect(a).toMatchObject({ ticker: "A", fromYear: 2021, toYear: 2024, years: 3, profitable: true, growing: true, quadrant: "profitable and growing" });
    expect(a!.revenueGrowth).toBeCloseTo(0.1, 12);
    expect(a!.netMargin).toBeCloseTo((12 / 110 + 13 / 121 + 15 / 133.1) / 3, 12);
    expect(b).toMatchObject({ ticker: "B", fromYear: 2022, toYear: 2024, quadrant: "unprofitable and shrinking" });
    expect(b!.revenueGrowth).toBeCloseTo(-0.1, 12);
  });

  it("uses the thresholds it is given", () => {
    const strict = resolveValidationSettings({ quadrant: { minNetMargin: 0.11, minRevenueGrowth: 0.12 } });
    expect(profitabilityGrowthQuadrants(rows, strict)[0]!.quadrant).toBe("unprofitable and shrinking");
  });
});
