import { describe, expect, it } from "vitest";
import { stackedBarChart } from "../../src/report";

describe("stackedBarChart", () => {
  it("stacks one trace per part, sorted by total when asked", () => {
    const fig = stackedBarChart({ title: "S", labels: ["A", "B"], series: [{ name: "g", values: [0.1, 0.3] }, { name: "d", values: [0.1, 0.2] }], sort: true });
    expect(fig.layout.barmode).toBe("stack");
    expect(fig.data.map((t) => [t.name, (t as { x: unknown }).x, (t as { y: unknown }).y])).toEqual([
      ["g", ["B", "A"], [0.3, 0.1]],
      ["d", ["B", "A"], [0.2, 0.1]],
    ]);
  });

  it("lists the largest first from the top when horizontal", () => {
    const fig = stackedBarChart({ title: "S", labels: ["A", "B"], series: [{ name: "g", values: [0.1, 0.3] }], sort: true, horizontal: true });
    expect(fig.data[0]).toMatchObject({ orientation: "h", y: ["A", "B"], x: [0.1, 0.3] });
  });

  it("refuses ragged or non-finite series", () => {
    expect(() => stackedBarChart({ title: "S", labels: ["A"], series: [{ name: "g", values: [1, 2] }] })).toThrow(/series g has 2 values for 1 labels/);
    expect(() => stackedBarChart({ title: "S", labels: ["A"], series: [{ name: "g", values: [Number.NaN] }] })).toThrow(/finite/);
  });
});
