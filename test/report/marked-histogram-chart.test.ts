import { describe, expect, it } from "vitest";
import { markedHistogramChart } from "../../src/report/marked-histogram-chart";
import { InputError } from "../../src/core/errors";

describe("markedHistogramChart", () => {
  it("bins the values into equal-width bars at the bin centres", () => {
    const fig = markedHistogramChart({ title: "P&L", values: [-2, -1, -1, 0, 2], bins: 4 });
    expect(fig.data[0]).toMatchObject({ type: "bar", x: [-1.5, -0.5, 0.5, 1.5], y: [1, 2, 1, 1] });
    expect(fig.layout.title?.text).toBe("P&L");
  });

  it("draws each marker as a dashed vertical line with its label", () => {
    const fig = markedHistogramChart({ title: "P&L", values: Float64Array.of(1, 2, 3), markers: [{ value: -1.5, label: "VaR 95 %" }, { value: -2, label: "CVaR 95 %" }] });
    expect(fig.layout.shapes).toHaveLength(2);
    expect(fig.layout.shapes![0]).toMatchObject({ type: "line", x0: -1.5, x1: -1.5, yref: "paper" });
    expect(fig.layout.annotations![1]).toMatchObject({ text: "CVaR 95 %", x: -2 });
  });

  it("puts a constant sample in the first bin", () => {
    expect(markedHistogramChart({ title: "c", values: [5, 5, 5], bins: 3 }).data[0]).toMatchObject({ y: [3, 0, 0] });
  });

  it("rejects an empty sample, NaN, bad bins and a non-finite marker", () => {
    expect(() => markedHistogramChart({ title: "x", values: [] })).toThrowError(InputError);
    expect(() => markedHistogramChart({ title: "x", values: [1, NaN] })).toThrowError(/value 1 is NaN/);
    expect(() => markedHistogramChart({ title: "x", values: [1], bins: 0 })).toThrowError(/bins 0/);
    expect(() => markedHistogramChart({ title: "x", values: [1], markers: [{ value: NaN, label: "VaR" }] })).toThrowError(/marker VaR/);
  });

  it("does not change its input", () => {
    const values = Object.freeze([3, 1, 2]);
    markedHistogramChart({ title: "x", values, bins: 2 });
    expect(values).toEqual([3, 1, 2]);
  });
});
