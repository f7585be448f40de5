import { describe, expect, it } from "vitest";
import { forecastScatterChart, type ScatterTrace } from "../../src/report/index";

describe("forecastScatterChart", () => {
  it("plots forecast against outcome with the diagonal", () => {
    const fig = forecastScatterChart({ title: "g", predicted: [0.1, 0.2], actual: [0.05, 0.3], labels: ["A", "B"] });
    expect(fig.data[0]).toMatchObject({ type: "scatter", mode: "markers", x: [0.1, 0.2], y: [0.05, 0.3], text: ["A", "B"] });
    expect(fig.data[1]).toMatchObject({ x: [0.05, 0.3], y: [0.05, 0.3] });
  });
  it("thins many points and rejects mismatched or non-finite input", () => {
    const n = 10_000;
    const fig = forecastScatterChart({ title: "g", predicted: new Float64Array(n), actual: new Float64Array(n), maxPoints: 1000 });
    expect((fig.data[0] as ScatterTrace).x.length).toBe(1000);
    expect(() => forecastScatterChart({ title: "g", predicted: [1], actual: [1, 2] })).toThrowError(/1 forecasts, 2 outcomes/);
    expect(() => forecastScatterChart({ title: "g", predicted: [NaN], actual: [1] })).toThrowError(/row 0/);
  });
});
