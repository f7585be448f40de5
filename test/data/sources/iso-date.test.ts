import { describe, expect, it } from "vitest";
import { addDays, isIsoDate, parseFileDate, toIsoDate } from "../../../src/data/sources";

describe("ISO dates", () => {
  it("accepts only real, zero-padded YYYY-MM-DD dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    for (const bad of ["2023-02-29", "2023-2-3", "2023-13-01", "2023-00-10", "20230101", "", "2023-01-01T00:00"]) expect(isIsoDate(bad)).toBe(false);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(toIsoDate(new Date(Date.UTC(2024, 0, 2, 23, 59)))).toBe("2024-01-02");
  });

  it("reads the documented file forms and refuses ambiguous ones", () => {
    expect(parseFileDate(" 2024-01-02 ")).toBe("2024-01-02");
    expect(parseFileDate("2024/01/02")).toBe("2024-01-02");
    expect(parseFileDate("2024-01-02T16:00:00Z")).toBe("2024-01-02");
    expect(parseFileDate("2024-01-02 09:30")).toBe("2024-01-02");
    expect(parseFileDate("2024-01-02T09:30:00.123-05:00")).toBe("2024-01-02");
    for (const bad of ["01/02/2024", "02/01/2024", "2024-01/02", "24-01-02", "Jan 2 2024", "2024-02-30"]) expect(parseFileDate(bad)).toBeNull();
  });
});
