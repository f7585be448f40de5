import { describe, expect, it } from "vitest";
import { explicitDates, monthEnds, quarterEnds } from "../../src/features/index";

const dates = ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-28", "2024-02-29", "2024-03-28", "2024-03-29", "2024-04-01"];

describe("as-of samplings", () => {
  it("month ends: the last trading day of each month", () => {
    expect(Array.from(monthEnds().select(dates))).toEqual([1, 4, 6]);
  });

  it("quarter ends: the last trading day of each calendar quarter", () => {
    expect(Array.from(quarterEnds().select(dates))).toEqual([6]);
  });

  it("do not invent a period end on the last date of a prefix", () => {
    // 2024-02-28 is a Wednesday: the next weekday is still February, so it is no month end.
    expect(Array.from(monthEnds().select(dates.slice(0, 4)))).toEqual([1]);
    // 2024-02-29 is the last weekday of February.
    expect(Array.from(monthEnds().select(dates.slice(0, 5)))).toEqual([1, 4]);
  });

  it("explicit dates must be in the calendar", () => {
    expect(Array.from(explicitDates(["2024-02-01", "2024-01-30"]).select(dates))).toEqual([0, 2]);
    expect(() => explicitDates(["2024-02-03"]).select(dates)).toThrowError(/2024-02-03 is not a date of the price calendar/);
  });
});
