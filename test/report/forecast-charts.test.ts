import { describe, expect, it } from "vitest";
import { panel } from "../../src/core/panel";
import { InputError } from "../../src/core/errors";
import { barChart } from "../../src/report/bar-chart";
import { forecastOutcomeChart } from "../../src/report/forecast-outcome-chart";
import { forecastScatterChart } from "../../src/report/forecast-scatter-chart";
import { rankIcChart } from "../../src/report/rank-ic-chart";

describe("rankIcChart", () => {
  it("draws the rank IC per date with its mean and share of positive dates in the title", () => {
    const ic = { labels: ["d1", "d2", "d3", "d4"], values: Float64Array.of(0.2, -0.1, 0.3, 0.1) };
    const expected = barChart({ title: "Rank IC (mean 0.125, positive in 75 % of months)", labels: ic.labels, values: ic.values, valueFormat: ".2f", valueAxis: "rank IC" });
    expect(rankIcChart("Rank IC", ic, "months")).toEqual(expected);
    expect(rankIcChart("Rank IC", ic).layout.title?.text).toContain("of dates");
  });

  it("throws on a missing rank IC (as barChart)", () => {
    expect(() => rankIcChart("x", { labels: ["d1"], values: Float64Array.of(NaN) })).toThrowError(InputError);
  });
});

describe("forecastOutcomeChart", () => {
  it("is forecastScatterChart of the rows where forecast and outcome are known, labelled ticker and date", () => {
    const p = panel({ names: ["outcome", "f"], columns: [Float64Array.of(0.1, 0.2, -0.1), Float64Array.of(NaN, 0.15, -0.05)], dates: ["d1", "d2", "d2"], tickers: ["A", "A", "B"] });
    const expected = forecastScatterChart({ title: "t", predicted: [0.15, -0.05], actual: [0.2, -0.1], labels: ["A d2", "B d2"], format: ".0%" });
    expect(forecastOutcomeChart("t", p, "f", { format: ".0%" })).toEqual(expected);
    expect(() => forecastOutcomeChart("t", p, "zzz")).toThrowError(InputError);
  });
});
