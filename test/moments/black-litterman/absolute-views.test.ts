import { describe, expect, it } from "vitest";
import { absoluteViews } from "../../../src/moments/black-litterman/absolute-views";

describe("absoluteViews", () => {
  it("puts a 1 in each viewed ticker's column, in the order of the views (as _parse_views)", () => {
    expect(absoluteViews(["ACME", "BOLT", "CRUX"], { CRUX: 0.12, ACME: 0.1 })).toEqual({ P: [[0, 0, 1], [1, 0, 0]], Q: [0.12, 0.1], names: ["CRUX", "ACME"] });
    expect(absoluteViews(["7203", "ACME"], new Map([["ACME", 0.1], ["7203", 0.05]])).Q).toEqual([0.1, 0.05]);
  });

  it("throws InputError naming a view on an unknown ticker or a non-finite view", () => {
    expect(() => absoluteViews(["ACME", "BOLT"], { AAPX: 0.1 })).toThrow(/absoluteViews: there is a view on AAPX, which is not in the covariance/);
    expect(() => absoluteViews(["ACME"], { ACME: NaN })).toThrow(/the view on ACME is NaN/);
  });
});
