import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { addDays, dayNumberToIso, isIsoDate, isoToDayNumber, monthEnd } from "../../src/core/dates";

describe("isoToDayNumber and dayNumberToIso", () => {
  it("convert ISO dates to day numbers and back", () => {
    expect(isoToDayNumber("1970-01-01")).toBe(0);
    expect(isoToDayNumber("2000-03-01")).toBe(11017);
    expect(dayNumberToIso(11017)).toBe("2000-03-01");
    for (let d = -800; d < 30_000; d += 37) expect(isoToDayNumber(dayNumberToIso(d))).toBe(d);
  });

  it("agree with Date.UTC", () => {
    for (let d = -40_000; d < 40_000; d += 97) expect(dayNumberToIso(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
  });

  it("reject a date that is not a real YYYY-MM-DD day", () => {
    expect(() => isoToDayNumber("2023-02-30")).toThrow(InputError);
    expect(() => isoToDayNumber("2023-2-3")).toThrowError(/not a valid ISO date/);
  });
});

describe("monthEnd", () => {
  it("agrees with Date.UTC on month ends, leap years included", () => {
    expect(monthEnd(2024, 2)).toBe("2024-02-29");
    expect(monthEnd(2023, 2)).toBe("2023-02-28");
    expect(monthEnd(1900, 2)).toBe("1900-02-28");
    expect(monthEnd(2025, 12)).toBe("2025-12-31");
  });
});

describe("isIsoDate", () => {
  it("accepts only real, zero-padded YYYY-MM-DD dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    for (const bad of ["2023-02-29", "2023-2-3", "2023-13-01", "2023-00-10", "20230101", "", "2023-01-01T00:00", "2023-1-01"]) expect(isIsoDate(bad)).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
  });
});

describe("addDays", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(addDays("2024-12-31", 90)).toBe("2025-03-31");
  });

  it("rejects a date that is not YYYY-MM-DD and a fractional number of days", () => {
    expect(() => addDays("2024-02-30", 1)).toThrowError(/addDays: 2024-02-30 is not a valid ISO date/);
    expect(() => addDays("2024-01-01", 0.5)).toThrow(InputError);
  });

  it("does not change its input", () => {
    const iso = "2024-02-28";
    addDays(iso, 1);
    expect(iso).toBe("2024-02-28");
  });
});
