import { describe, expect, it } from "vitest";
import { barChart } from "../../src/report/bar-chart";
import { InputError } from "../../src/core/errors";

describe("barChart", () => {
  it("puts labels on x and values on y, with the title", () => {
    const fig = barChart({ title: "Weights", labels: ["A", "B"], values: [0.6, 0.4], valueFormat: ".0%" });
    expect(fig.layout.title?.text).toBe("Weights");
    expect(fig.data[0]).toMatchObject({ type: "bar", x: ["A", "B"], y: [0.6, 0.4] });
    expect(fig.layout.yaxis?.tickformat).toBe(".0%");
  });

  it("sorts largest first and draws horizontally on request", () => {
    const fig = barChart({ title: "W", labels: ["A", "B", "C"], values: Float64Array.from([0.1, 0.7, 0.2]), sort: true, horizontal: true });
    expect(fig.data[0]).toMatchObject({ orientation: "h", y: ["B", "C", "A"], x: [0.7, 0.2, 0.1] });
  });

  it("rejects mismatched lengths and non-finite values, naming the label", () => {
    expect(() => barChart({ title: "W", labels: ["A"], values: [1, 2] })).toThrow(InputError);
    expect(() => barChart({ title: "W", labels: ["A", "B"], values: [1, Number.NaN] })).toThrowError(/value for B is NaN/);
  });

  it("does not change its inputs", () => {
    const labels = Object.freeze(["A", "B", "C"]);
    const values = Object.freeze([0.1, 0.7, 0.2]);
    barChart({ title: "W", labels, values, sort: true });
    expect(values).toEqual([0.1, 0.7, 0.2]);
  });
});
