import { describe, expect, it } from "vitest";
import { rollingStatistic } from "../../src/features/rolling-statistic";

describe("rollingStatistic", () => {
  it("gives NaN until the window is full, then the statistic over [t − window + 1, t] (the TSDoc example)", () => {
    const x = Float64Array.of(1, 2, 3, 4);
    expect(Array.from(rollingStatistic(Int32Array.of(0, 1, 2, 3), 0, 2, (start, end) => x[start]! + x[end]!))).toEqual([NaN, 3, 5, 7]);
  });

  it("counts the window from the first observed index, evaluates only the indices asked, in their order, and passes their position", () => {
    const seen: number[][] = [];
    const out = rollingStatistic(Int32Array.of(5, 3, 4), 2, 3, (start, end, k) => {
      seen.push([start, end, k]);
      return 10 * k;
    });
    // Index 3: its window 1…3 reaches before the first observation at 2.
    expect(Array.from(out)).toEqual([0, NaN, 20]);
    expect(seen).toEqual([
      [3, 5, 0],
      [2, 4, 2],
    ]);
  });
});
