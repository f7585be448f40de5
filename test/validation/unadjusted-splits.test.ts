import { describe, expect, it } from "vitest";
import { checkUnadjustedSplits, matchSplit } from "../../src/validation";
import { businessDays, calmPath, series } from "../fixtures/validation/builders";

describe("matchSplit", () => {
  it("matches forward and reverse splits within the tolerance", () => {
    expect(matchSplit(0.502, [2, 3], 0.03)).toBe(2);
    expect(matchSplit(3.05, [2, 3], 0.03)).toBeCloseTo(1 / 3, 12);
    expect(matchSplit(0.8, [2, 3], 0.03)).toBeNull();
  });
});

describe("checkUnadjustedSplits", () => {
  const days = businessDays("2012-06-11", 20);
  const adj = calmPath(20, 50);

  it("flags a 2:1 jump of the close/adjClose ratio as an unadjusted split on the first adjusted day", () => {
    const close = adj.map((p, i) => (i < 7 ? p * 2 : p));
    const found = checkUnadjustedSplits([series("CRLX", days, adj, close)]);
    expect(found.map((f) => [f.id, f.severity])).toEqual([[`unadjusted-split/CRLX/${days[7]}`, "error"]]);
    expect(found[0]!.value).toBeCloseTo(0.5, 12);
    expect(found[0]!.message).toMatch(/ratio moved from 2\.00 to 1\.00 .*looks unadjusted for a 2-for-1 split$/);
  });

  it("flags a ratio jump that is not split-like as a warning, and nothing for a steady ratio", () => {
    const close = adj.map((p, i) => (i < 7 ? p * 1.2 : p));
    expect(checkUnadjustedSplits([series("X", days, adj, close)]).map((f) => [f.rule, f.severity])).toEqual([["close-ratio-jump", "warning"]]);
    expect(checkUnadjustedSplits([series("Y", days, adj, adj.map((p) => p * 1.01))])).toEqual([]);
  });

  it("without a quoted close, flags a -50 % move in the adjusted close that holds, not one that reverts", () => {
    const none = adj.map(() => Number.NaN);
    const held = adj.map((p, i) => (i < 7 ? p * 2 : p));
    expect(checkUnadjustedSplits([series("H", days, held, none)]).map((f) => f.id)).toEqual([`split-like-return/H/${days[7]}`]);
    const glitch = adj.map((p, i) => (i === 7 ? p / 2 : p));
    expect(checkUnadjustedSplits([series("G", days, glitch, none)])).toEqual([]);
    expect(checkUnadjustedSplits([series("B", days, held)])).toEqual([]); // with a close, both moved alike: a real move
  });
});
