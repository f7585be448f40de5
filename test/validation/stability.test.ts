import { describe, expect, it } from "vitest";
import { robustScale, stabilityScores, stabilityVector } from "../../src/validation";
import { deepFreeze, fundamentalsRow, series } from "../fixtures/validation/builders";

describe("robustScale", () => {
  it("knows its answers", () => {
    expect(robustScale([1, 2, 3, 4, 100])).toEqual({ center: 3, scale: 1.4826 });
    expect(() => robustScale([Number.NaN])).toThrow(/no finite value/);
  });
});

describe("stabilityScores", () => {
  const revenues = [100, 110, 99, 118.8, 130.68]; // growth +10 %, -10 %, +20 %, +10 %
  const incomes = [10, 11, 9.9, 11.88, 13.068]; // a constant 10 % margin
  const rows = deepFreeze(revenues.map((r, i) => fundamentalsRow("A", 2015 + i, { revenue: r, netIncome: incomes[i]!, filedDate: `${2016 + i}-02-20` })));
  const prices = deepFreeze([series("A", ["2015-01-02", "2016-01-04", "2017-01-02", "2018-01-02"], [100, 120, 60, 90])]);

  it("scores each part and their weighted mean (hand-computed)", () => {
    const [s] = stabilityScores(rows, prices);
    const growth = [0.1, -0.1, 0.2, 0.1];
    const mean = 0.075;
    const sd = Math.sqrt(growth.reduce((a, g) => a + (g - mean) ** 2, 0) / 3);
    expect(s!.growthYears).toBe(4);
    expect(s!.growthVolatility).toBeCloseTo(sd, 12);
    expect(s!.growthScore).toBeCloseTo(1 - sd / 0.2, 12);
    expect(s!.earningsVariation).toBeCloseTo(0, 12);
    expect(s!.earningsScore).toBeCloseTo(1, 12);
    expect(s!.maxDrawdown).toBe(0.5);
    expect(s!.drawdownScore).toBeCloseTo(1 - 0.5 / 0.8, 12);
    expect(s!.score).toBeCloseTo((1 - sd / 0.2 + 1 + 0.375) / 3, 12);
  });

  it("uses only what was known as of a date, and gives null when a part lacks data", () => {
    const [early] = stabilityScores(rows, prices, undefined, { asOf: "2017-06-30" });
    expect(early!.growthYears).toBe(1);
    expect(early!.score).toBeNull();
    expect(early!.maxDrawdown).toBe(0.5);
    const [noPrices] = stabilityScores(rows, []);
    expect(noPrices!.maxDrawdown).toBeNull();
    expect(noPrices!.score).toBeNull();
    expect(stabilityVector([noPrices!, { ...noPrices!, ticker: "B", score: 0.7 }]).values[1]).toBe(0.7);
  });
});
