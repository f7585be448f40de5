import { describe, expect, it } from "vitest";
import { parseFileDate, toIsoDate } from "../../../src/data/sources";

describe("ISO dates", () => {
  it("gives the UTC date of a Date", () => {
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
