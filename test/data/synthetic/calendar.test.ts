import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { dayNumberToIso, isoToDayNumber } from "../../../src/core/dates";
import { businessDays, nextBusinessDay, weekday } from "../../../src/data/synthetic/calendar";

describe("calendar", () => {
  it("agrees with Date.UTC on weekdays", () => {
    for (const iso of ["2006-01-02", "2008-09-15", "2020-02-29", "2025-12-31"]) {
      expect(weekday(isoToDayNumber(iso))).toBe(new Date(`${iso}T00:00:00Z`).getUTCDay());
    }
  });

  it("lists Monday–Friday business days", () => {
    expect(businessDays("2024-01-05", "2024-01-09")).toEqual(["2024-01-05", "2024-01-08", "2024-01-09"]);
    expect(businessDays("2024-01-06", "2024-01-07")).toEqual([]);
    const year = businessDays("2024-01-01", "2024-12-31");
    expect(year.length).toBe(262);
    for (const d of year) expect([1, 2, 3, 4, 5]).toContain(weekday(isoToDayNumber(d)));
    expect(dayNumberToIso(nextBusinessDay(isoToDayNumber("2024-01-06")))).toBe("2024-01-08");
    expect(() => businessDays("2024-01-09", "2024-01-05")).toThrow(InputError);
  });
});
