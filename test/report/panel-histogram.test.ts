import { describe, expect, it } from "vitest";
import { panel } from "../../src/core/index";
import { featureHistogram } from "../../src/report/feature-histogram";
import { panelHistogram } from "../../src/report/panel-histogram";

const rows = panel(
  { names: ["m", "z"], columns: [Float64Array.from([0.1, -0.2, 0.3]), Float64Array.from([1, 2, 3])], dates: ["d", "d", "e"], tickers: ["A", "B", "A"] },
  { m: "fraction" },
);

describe("panelHistogram", () => {
  it("is featureHistogram of the panel's columns, in percent for a fraction", () => {
    expect(panelHistogram("M", rows, ["m", "z"], { normalise: true })).toEqual(
      featureHistogram({ title: "M", series: [{ name: "m", values: rows.values("m") }, { name: "z", values: rows.values("z") }], xFormat: ".0%", normalise: true }),
    );
  });
  it("leaves a plain number unformatted", () => {
    expect(panelHistogram("Z", rows, ["z"])).toEqual(featureHistogram({ title: "Z", series: [{ name: "z", values: rows.values("z") }] }));
  });
  it("refuses a column the panel lacks", () => {
    expect(() => panelHistogram("Q", rows, ["q"])).toThrowError(/no column q/);
  });
});
