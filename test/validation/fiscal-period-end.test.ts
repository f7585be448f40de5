import { describe, expect, it } from "vitest";
import { fiscalPeriodEnd } from "../../src/validation/fiscal-period-end";

describe("fiscalPeriodEnd", () => {
  it("puts a January–June year end in the next calendar year (the TSDoc examples)", () => {
    expect(fiscalPeriodEnd(2012, 3)).toBe("2013-03-31");
    expect(fiscalPeriodEnd(2012, 12)).toBe("2012-12-31");
    expect(fiscalPeriodEnd(2011, 2)).toBe("2012-02-29");
    expect(fiscalPeriodEnd(2012, 6)).toBe("2013-06-30");
    expect(fiscalPeriodEnd(2012, 7)).toBe("2012-07-31");
  });

  it("agrees with Date.UTC's day 0 of the next month", () => {
    for (let year = 1990; year < 2030; year++) {
      for (let month = 1; month <= 12; month++) {
        const calendarYear = month >= 7 ? year : year + 1;
        expect(fiscalPeriodEnd(year, month)).toBe(new Date(Date.UTC(calendarYear, month, 0)).toISOString().slice(0, 10));
      }
    }
  });
});
