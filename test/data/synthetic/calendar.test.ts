import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import {
  businessDays,
  dayNumberToIso,
  isIsoDate,
  isoToDayNumber,
  monthEnd,
  nextBusinessDay,
  weekday,
} from "../../../src/data/synthetic/calendar";

describe("calendar", () => {
  it("converts ISO dates to day numbers and back", () => {
    expect(isoToDayNumber("1970-01-01")).toBe(0);
    expect(isoToDayNumber("2000-03-01")).toBe(11017);
    expect(dayNumberToIso(11017)).toBe("2000-03-01");
    for (let d = -800; d < 30_000; d += 37) expect(isoToDayNumber(dayNumberToIso(d))).toBe(d);
  });

  it("agrees with Date.UTC on weekdays and month ends", () => {
    for (const iso of ["2006-01-02", "2008-09-15", "2020-02-29", "2025-12-31"]) {
      expect(weekday(isoToDayNumber(iso))).toBe(new Date(`${iso}T00:00:00Z`).getUTCDay());
    }
    expect(monthEnd(2024, 2)).toBe("2024-02-29");
    expect(monthEnd(2023, 2)).toBe("2023-02-28");
    expect(monthEnd(1900, 2)).toBe("1900-02-28");
    expect(monthEnd(2025, 12)).toBe("2025-12-31");
  });

  it("validates ISO dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("2023-1-01")).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
    expect(() => isoToDayNumber("2023-02-30")).toThrow(InputError);
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
