import { describe, expect, it } from "vitest";
import { vector } from "../../src/core/index";
import { barChart } from "../../src/report/bar-chart";
import { vectorBarChart } from "../../src/report/vector-bar-chart";

describe("vectorBarChart", () => {
  const w = vector({ A: 0.6, B: 0.4 }, { unit: "fraction", name: "weight" });

  it("is barChart of the vector's labels and values, formatted by its unit and titled by its name", () => {
    expect(vectorBarChart("Weights", w, { sort: true })).toEqual(
      barChart({ title: "Weights", labels: ["A", "B"], values: [0.6, 0.4], valueFormat: ".0%", valueAxis: "weight", sort: true }),
    );
  });
  it("takes the format and axis given instead", () => {
    const fig = vectorBarChart("Weights", w, { valueFormat: ".1%", valueAxis: "share", horizontal: true });
    expect(fig.layout.xaxis).toEqual({ title: { text: "share" }, tickformat: ".1%" });
  });
  it("leaves a plain number unformatted and untitled", () => {
    const fig = vectorBarChart("Counts", vector({ A: 3, B: 5 }));
    expect(fig.layout.yaxis).toEqual({ title: { text: "" } });
  });
  it("refuses a value that is not finite, as barChart", () => {
    expect(() => vectorBarChart("Bad", vector({ A: Number.NaN }))).toThrowError(/finite/);
  });
  it("does not change the vector", () => {
    const before = Array.from(w.values);
    vectorBarChart("Weights", w, { sort: true });
    expect(Array.from(w.values)).toEqual(before);
  });
});
