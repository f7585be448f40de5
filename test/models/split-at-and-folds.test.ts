import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import type { FeatureFrame, Target } from "../../src/features/index";
import { labelledRows } from "../../src/models/labelled-rows";
import { LastValueBaseline } from "../../src/models/baselines";
import { foldTable } from "../../src/models/validation/fold-table";
import { regressorForecaster } from "../../src/models/validation/forecaster";
import { splitAt } from "../../src/models/validation/split-at";
import { walkForward } from "../../src/models/validation/walk-forward";
import { expandingWindow } from "../../src/models/validation/walk-forward-splitter";

const months = Array.from({ length: 10 }, (_, m) => `2020-${String(m + 1).padStart(2, "0")}-28`);
const frame: FeatureFrame = {
  names: ["last"],
  columns: [Float64Array.from({ length: 20 }, (_, i) => i)],
  dates: months.flatMap((d) => [d, d]),
  tickers: months.flatMap(() => ["A", "B"]),
};
const target: Target = {
  name: "y",
  values: Float64Array.from({ length: 20 }, (_, i) => (i < 18 ? 10 + i : NaN)),
  knownAt: Array.from({ length: 20 }, (_, i) => (i < 18 ? (months[Math.floor(i / 2) + 2] ?? "2020-12-28") : "")),
};

describe("splitAt", () => {
  it("trains on the rows whose label is known by the date and tests every row from it (hand case)", () => {
    const [fold, more] = splitAt("2020-05-28").split(frame.dates, target.knownAt);
    expect(more).toBeUndefined();
    // labels of months 1–3 are known by month 5; rows 8–19 are dated from month 5 on
    expect(Array.from(fold?.trainRows ?? [])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(fold?.testRows ?? [])).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(fold).toMatchObject({ index: 0, trainStart: "2020-01-28", trainEnd: "2020-03-28", testStart: "2020-05-28", testEnd: "2020-10-28" });
  });

  it("throws when one side is empty or the rows are not sorted", () => {
    expect(() => splitAt("2020-01-28").split(frame.dates, target.knownAt)).toThrowError(/no row dated before 2020-01-28/);
    expect(() => splitAt("2021-01-28").split(frame.dates, target.knownAt)).toThrowError(/no row is dated on or after/);
    expect(() => splitAt("2020-05-28").split([...frame.dates].reverse(), target.knownAt)).toThrowError(InputError);
  });
});

describe("walkForward on labelled rows", () => {
  it("equals walkForward on the frame and target it holds", async () => {
    const rows = labelledRows(frame, target);
    const splitter = expandingWindow({ minTrainPeriods: 4, testPeriods: 3 });
    const forecaster = regressorForecaster(new LastValueBaseline("last"));
    const a = await walkForward(rows, splitter, forecaster);
    const b = await walkForward(rows.features, rows.target, splitter, forecaster);
    expect(Array.from(a.outputs.forecast ?? [])).toEqual(Array.from(b.outputs.forecast ?? []));
    expect(a.folds).toEqual(b.folds);
  });
});

describe("foldTable", () => {
  it("shows each fold's dates and row counts, numbered from 1", () => {
    const folds = expandingWindow({ minTrainPeriods: 4, testPeriods: 3, purgePeriods: 1 }).split(frame.dates, target.knownAt);
    const t = foldTable(folds, "expanding");
    expect(t.caption).toBe("expanding");
    expect(t.toRows()[0]).toEqual({
      fold: "1",
      "train from": folds[0]?.trainStart,
      "train to": folds[0]?.trainEnd,
      "test from": folds[0]?.testStart,
      "test to": folds[0]?.testEnd,
      "train rows": folds[0]?.trainRows.length,
      "test rows": folds[0]?.testRows.length,
    });
    expect(t.column("train rows").unit).toBe("count");
    expect(() => foldTable([])).toThrowError(InputError);
  });
});
