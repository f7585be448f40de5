import { describe, expect, it } from "vitest";
import { heatmap } from "../../src/report/heatmap";
import { lineChart } from "../../src/report/line-chart";

describe("lineChart", () => {
  it("turns NaN into gaps and uses a date axis for ISO dates", () => {
    const fig = lineChart({ title: "P", x: ["2024-01-02", "2024-01-03", "2024-01-04"], series: [{ name: "A", values: [1, Number.NaN, 3] }] });
    expect(fig.data[0]).toMatchObject({ type: "scatter", y: [1, null, 3], name: "A" });
    expect(fig.layout.xaxis?.type).toBe("date");
  });
  it("names a series of the wrong length", () => {
    expect(() => lineChart({ title: "P", x: [1, 2], series: [{ name: "short", values: [1] }] })).toThrowError(/series short has 1 values for 2/);
  });
});

describe("heatmap", () => {
  it("reshapes a row-major matrix into rows", () => {
    const fig = heatmap("C", { labels: ["A", "B"], values: Float64Array.from([1, 0.3, 0.3, 1]) });
    expect(fig.data[0]).toMatchObject({ type: "heatmap", z: [[1, 0.3], [0.3, 1]], x: ["A", "B"] });
  });
  it("rejects a matrix of the wrong size", () => {
    expect(() => heatmap("C", { labels: ["A", "B"], values: Float64Array.from([1, 2, 3]) })).toThrowError(/2 labels need 4 values, got 3/);
  });
});
