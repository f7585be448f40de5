import { describe, expect, it } from "vitest";
import { drawdownChart } from "../../src/report/drawdown-chart";
import { equityCurveChart } from "../../src/report/equity-curve-chart";

describe("equityCurveChart", () => {
  it("rebases each curve to growth of 100 on a log axis", () => {
    const fig = equityCurveChart({ title: "E", dates: ["2024-01-02", "2024-01-03"], series: [{ name: "A", values: Float64Array.of(1e6, 1.01e6) }, { name: "B", values: [50, 45] }] });
    expect(fig.data.map((t) => t.type === "scatter" && t.y)).toEqual([[100, 101], [100, 90]]);
    expect(fig.layout.yaxis?.type).toBe("log");
  });
  it("refuses a curve that does not start positive", () => {
    expect(() => equityCurveChart({ title: "E", dates: ["d"], series: [{ name: "A", values: [0] }] })).toThrow(/A starts at 0/);
  });
});

describe("drawdownChart", () => {
  it("fills each underwater curve down from zero, in percent", () => {
    const fig = drawdownChart({ title: "D", dates: ["2024-01-02", "2024-01-03"], series: [{ name: "A", values: [0, -0.05] }] });
    expect(fig.data[0]).toMatchObject({ fill: "tozeroy", y: [0, -0.05] });
    expect(fig.layout.yaxis?.tickformat).toBe(".0%");
  });
});
