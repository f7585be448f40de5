import { describe, expect, it } from "vitest";
import { featureHistogram, sharedBinCounts, type BarTrace } from "../../src/report/index";

describe("featureHistogram", () => {
  it("bins values into equal-width bars, overlaying several series on shared bins", () => {
    expect(sharedBinCounts([[0, 1, 1, 2]], 2)).toEqual({ centres: [0.5, 1.5], lowers: [0, 1], width: 1, counts: [[1, 3]] });
    const one = featureHistogram({ title: "m", series: [{ name: "a", values: [0, 1, 1, 2] }], bins: 2 });
    expect(one.data[0]).toMatchObject({ type: "bar", x: [0.5, 1.5], y: [1, 3] });
    const two = featureHistogram({ title: "m", series: [{ name: "a", values: [0, 0.5] }, { name: "b", values: [2, 2, 2, 2] }], bins: 2, normalise: true });
    expect(two.data.map((t) => (t as BarTrace).y)).toEqual([[1, 0], [0, 1]]);
    expect(two.layout.barmode).toBe("overlay");
  });

  it("rejects empty series, NaN and bad bins, and leaves its input alone", () => {
    expect(() => featureHistogram({ title: "m", series: [] })).toThrowError(/no series/);
    expect(() => featureHistogram({ title: "m", series: [{ name: "a", values: [1, NaN] }] })).toThrowError(/value 1 of a is NaN/);
    expect(() => featureHistogram({ title: "m", series: [{ name: "a", values: [1] }], bins: 0 })).toThrowError(/bins 0/);
    const values = Object.freeze([3, 1, 2]);
    featureHistogram({ title: "m", series: [{ name: "a", values }] });
    expect(values).toEqual([3, 1, 2]);
  });
});
