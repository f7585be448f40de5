import { describe, expect, it } from "vitest";
import { checkPriceGaps, marketCalendar } from "../../src/validation";
import { businessDays, calmPath, deepFreeze, series } from "../fixtures/validation/builders";

const days = businessDays("2024-01-01", 20);
const full = (t: string) => series(t, days, calmPath(20));
const without = (t: string, drop: readonly number[]) => series(t, days.filter((_, i) => !drop.includes(i)), calmPath(20).filter((_, i) => !drop.includes(i)));

describe("checkPriceGaps", () => {
  it("finds a one-day gap (adjustable) and a longer run (error beyond gapErrorDays)", () => {
    const input = deepFreeze([full("B"), full("C"), without("A", [5]), without("D", [3, 4, 5, 6, 7, 8])]);
    const found = checkPriceGaps(input);
    expect(found.map((f) => [f.id, f.severity, f.value, f.allowed.join(",")])).toEqual([
      ["price-gap/A/2024-01-08", "warning", 1, "accept,adjust"],
      ["price-gap/D/2024-01-04", "error", 6, "accept"],
    ]);
    expect(found[1]!.target).toEqual({ kind: "price-days", from: "2024-01-04", to: "2024-01-11" });
    expect(found[1]!.message).toBe("D has no price on 6 market days in a row, 2024-01-04 to 2024-01-11");
  });

  it("does not count days before a listing or days nobody traded (holidays)", () => {
    const late = series("L", days.slice(10), calmPath(10));
    const holiday = [2];
    const input = [without("A", holiday), without("B", holiday), late];
    expect(checkPriceGaps(input)).toEqual([]);
    expect(marketCalendar(input)).not.toContain(days[2]);
  });
});
