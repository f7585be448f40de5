import { describe, expect, it } from "vitest";
import { frame, table, vector } from "../../src/core/index";
import { InputError } from "../../src/core/errors";
import { barSeries, equityCurveChart, lineSeries, stackedBarChart } from "../../src/report/index";

describe("chart series from frames and tables", () => {
  const f = frame({ dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"], values: Float64Array.of(100, 50, 120, 60) });

  it("lineSeries: one line per column, named after it", () => {
    expect(lineSeries(f)).toEqual([
      { name: "A", values: Float64Array.of(100, 120) },
      { name: "B", values: Float64Array.of(50, 60) },
    ]);
    expect(lineSeries(f, ["B"]).map((s) => s.name)).toEqual(["B"]);
    const chart = equityCurveChart({ title: "Growth of 100", dates: f.dates, series: lineSeries(f) });
    expect(chart.data[1]).toMatchObject({ name: "B", y: [100, 120] });
    expect(() => lineSeries(f, ["Z"])).toThrow(InputError);
  });

  it("barSeries: one bar series per column, over the rows", () => {
    const t = table({ commission: vector({ x: 1, y: 2 }), spread: vector({ x: 3, y: 4 }) });
    expect(barSeries(t)).toEqual([
      { name: "commission", values: Float64Array.of(1, 2) },
      { name: "spread", values: Float64Array.of(3, 4) },
    ]);
    expect(stackedBarChart({ title: "Costs", labels: t.labels, series: barSeries(t, ["spread"]) }).data.length).toBe(1);
    expect(() => barSeries(t, ["tax"])).toThrow(InputError);
  });

  it("does not change the frame", () => {
    const before = f.values.slice();
    lineSeries(f)[0]!.values;
    expect(f.values).toEqual(before);
  });
});
