import { describe, expect, it } from "vitest";
import { quadrantChart } from "../../src/report";

describe("quadrantChart", () => {
  const points = [
    { label: "A", x: 0.05, y: 0.12, group: "profitable and growing" },
    { label: "B", x: -0.02, y: 0.08, group: "profitable and shrinking" },
    { label: "C", x: 0.03, y: 0.1, group: "profitable and growing" },
  ];

  it("draws one trace per group and the two threshold lines", () => {
    const fig = quadrantChart({ title: "Q", xAxis: "growth", yAxis: "margin", xThreshold: 0, yThreshold: 0.1, points, xFormat: ".0%" });
    expect(fig.data.map((t) => t.name)).toEqual(["profitable and growing", "profitable and shrinking"]);
    expect(fig.data[0]).toMatchObject({ type: "scatter", mode: "markers+text", x: [0.05, 0.03], y: [0.12, 0.1], text: ["A", "C"] });
    expect(fig.layout.shapes).toHaveLength(2);
    expect(fig.layout.shapes![1]).toMatchObject({ y0: 0.1, y1: 0.1 });
    expect(fig.layout.xaxis?.tickformat).toBe(".0%");
  });

  it("refuses a non-finite point", () => {
    expect(() => quadrantChart({ title: "Q", xAxis: "x", yAxis: "y", xThreshold: 0, yThreshold: 0, points: [{ label: "Z", x: Number.NaN, y: 1, group: "g" }] })).toThrow(/point Z/);
  });
});
