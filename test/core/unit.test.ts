import { describe, expect, it } from "vitest";
import { formatInUnit } from "../../src/core/unit";

describe("formatInUnit", () => {
  it("prints each unit as documented", () => {
    expect(formatInUnit(0.12345, "fraction")).toBe("12.35 %");
    expect(formatInUnit(0.12345, "fraction", 1)).toBe("12.3 %");
    expect(formatInUnit(1234567.8, "money")).toBe("1,234,567.80");
    expect(formatInUnit(1.3678, "ratio")).toBe("1.37");
    expect(formatInUnit(1234.4, "count")).toBe("1,234");
    expect(formatInUnit("2024-01-02", "date")).toBe("2024-01-02");
    expect(formatInUnit(1 / 3)).toBe("0.3333");
    expect(formatInUnit(Number.NaN, "fraction")).toBe("—");
    expect(formatInUnit(undefined, "money")).toBe("—");
  });
});
