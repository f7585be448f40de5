import { describe, expect, it } from "vitest";
import { previousClose } from "../../src/validation";
import { deepFreeze, series } from "../fixtures/validation/builders";
import { gapFinding, splitFinding } from "../fixtures/validation/findings";

// AERX trades on the 4th and 5th, not on the 6th (the gap), again on the 9th.
const prices = deepFreeze([series("AERX", ["2020-11-04", "2020-11-05", "2020-11-09"], [210, 216.98, 220])]);

describe("previousClose", () => {
  it("is the last close on or before the finding's date: for a gap, the day before", () => {
    expect(previousClose(prices, gapFinding)).toBe(216.98);
  });
  it("is null without a finding, without the ticker's series, or before its first close", () => {
    expect(previousClose(prices, undefined)).toBeNull();
    expect(previousClose(prices, splitFinding)).toBeNull();
    expect(previousClose(prices, { ...gapFinding, date: "2020-01-02" })).toBeNull();
    expect(previousClose(prices, { ...gapFinding, date: null })).toBeNull();
  });
});
