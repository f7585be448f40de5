import { describe, expect, it } from "vitest";
import { checkOutlierReturns } from "../../src/validation";
import { businessDays, calmPath, series } from "../fixtures/validation/builders";

describe("checkOutlierReturns", () => {
  const days = businessDays("2020-01-01", 200);

  it("flags a one-day spike of +60 % among ±1 % days, with the simple return", () => {
    const p = calmPath(200);
    for (let i = 150; i < 200; i++) p[i] = p[i]! * 1.6;
    const input = [series("A", days, p)];
    const before = Float64Array.from(input[0]!.adjClose);
    const found = checkOutlierReturns(input);
    expect(found.map((f) => f.id)).toEqual([`outlier-return/A/${days[150]}`]);
    expect(found[0]!.value).toBeCloseTo((p[150]! / p[149]!) - 1, 12);
    expect(found[0]!.target).toEqual({ kind: "price-days", from: days[150], to: days[150] });
    expect(input[0]!.adjClose).toEqual(before);
  });

  it("does not flag a crisis in which every day moves a lot (local volatility)", () => {
    const p = calmPath(200);
    for (let i = 100; i < 200; i++) p[i] = p[i - 1]! * (i % 2 === 0 ? 1.06 : 0.945);
    expect(checkOutlierReturns([series("A", days, p)])).toEqual([]);
  });

  it("skips short or constant series", () => {
    expect(checkOutlierReturns([series("S", days.slice(0, 5), [1, 2, 3, 4, 5])])).toEqual([]);
    expect(checkOutlierReturns([series("C", days.slice(0, 50), new Array(50).fill(7))])).toEqual([]);
  });
});
