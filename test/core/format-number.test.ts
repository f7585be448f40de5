import { describe, expect, it } from "vitest";
import { formatNumber, formatRounded } from "../../src/core/format-number";

describe("formatNumber and formatRounded", () => {
  it("format with 3 significant digits and round suggestions outwards (the TSDoc examples)", () => {
    expect(formatNumber(0.159034)).toBe("0.159");
    expect(formatNumber(1)).toBe("1");
    expect(formatNumber(0)).toBe("0");
    expect(formatRounded(0.159034, "up")).toBe("0.16");
    expect(formatRounded(0.31057, "down")).toBe("0.31");
    expect(formatRounded(0.293568, "down")).toBe("0.293");
    expect(formatRounded(-0.0123, "up")).toBe("-0.0123");
  });
});
