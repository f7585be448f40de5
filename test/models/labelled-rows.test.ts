import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import type { FeatureFrame, Target } from "../../src/features/index";
import { labelledRows, LabelledRows, OUTCOME_COLUMN, rowsSummary } from "../../src/models/labelled-rows";
import { expandingWindow } from "../../src/models/validation/walk-forward-splitter";

// 5 monthly dates × 2 tickers; the label of a row dated month m is known two months later; the last month has none.
const months = ["2020-01-31", "2020-02-28", "2020-03-31", "2020-04-30", "2020-05-29"];
const frame: FeatureFrame = {
  names: ["a", "b"],
  columns: [Float64Array.from({ length: 10 }, (_, i) => i), Float64Array.from({ length: 10 }, (_, i) => -i)],
  dates: months.flatMap((d) => [d, d]),
  tickers: months.flatMap(() => ["X", "Y"]),
};
const target: Target = {
  name: "y",
  values: Float64Array.from({ length: 10 }, (_, i) => (i < 8 ? i / 100 : NaN)),
  knownAt: Array.from({ length: 10 }, (_, i) => (i < 8 ? (months[Math.floor(i / 2) + 2] ?? "2020-06-30") : "")),
};

describe("labelledRows", () => {
  it("keeps the rows with a label, with their labels (hand case)", () => {
    const rows = labelledRows(frame, target);
    expect(rows).toBeInstanceOf(LabelledRows);
    expect(rows.length).toBe(8);
    expect(rows.names).toEqual(["a", "b"]);
    expect(Array.from(rows.features.values("a"))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(rows.target.values)).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07]);
    expect(rows.target.knownAt.slice(0, 2)).toEqual(["2020-03-31", "2020-03-31"]);
  });

  it("selects features and rows, the labels following the rows", () => {
    const rows = labelledRows(frame, target);
    expect(rows.select(["b"]).names).toEqual(["b"]);
    expect(Array.from(rows.rows([5, 1]).target.values)).toEqual([0.05, 0.01]);
    expect(rows.knownBy("2020-04-30").length).toBe(4); // months 1–2: labels known by April
    expect(rows.from("2020-03-31").features.dates[0]).toBe("2020-03-31");
    expect(rows.before("2020-03-31").length).toBe(4);
    expect(() => rows.rows([8])).toThrowError(/row 8 is outside the 8 rows/);
  });

  it("joins more features built from the same rows, and refuses others", () => {
    const rows = labelledRows(frame, target);
    const more = { names: ["c"], columns: [new Float64Array(8).fill(1)], dates: rows.features.dates, tickers: rows.features.tickers };
    expect(rows.withFeatures(more).names).toEqual(["a", "b", "c"]);
    expect(() => rows.withFeatures({ ...more, tickers: [...more.tickers].reverse() })).toThrowError(/are not these 8 rows/);
  });

  it("splits as the splitter splits its dates and knownAt", () => {
    const rows = labelledRows(frame, target);
    const splitter = expandingWindow({ minTrainPeriods: 2, testPeriods: 1 });
    expect(rows.split(splitter)).toEqual(splitter.split(rows.features.dates, rows.target.knownAt));
  });

  it("turns into a panel with the outcome as a column", () => {
    const p = labelledRows(frame, target).toPanel();
    expect(p.names).toEqual(["a", "b", OUTCOME_COLUMN]);
    expect(p.values("outcome")[3]).toBe(0.03);
    expect(p.units.outcome).toBe("fraction");
  });

  it("summarises sets of rows in a table", () => {
    const t = rowsSummary({ monthly: labelledRows(frame, target) });
    expect(t.toRows()).toEqual([{ rows: "monthly", count: 8, features: 2, from: "2020-01-31", to: "2020-04-30" }]);
    expect(() => rowsSummary({})).toThrowError(InputError);
  });

  it("throws when the target does not match the rows, and does not change the frame", () => {
    expect(() => labelledRows(frame, { ...target, values: target.values.slice(1) })).toThrowError(/build the target from the same frame/);
    const before = Array.from(frame.columns[0] ?? []);
    labelledRows(frame, target).rows([0]);
    expect(Array.from(frame.columns[0] ?? [])).toEqual(before);
  });
});
