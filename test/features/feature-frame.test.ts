import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import {
  checkFeatureFrame,
  closestNames,
  featureColumn,
  frameDates,
  frameRow,
  rowsWhere,
  selectFeatures,
  selectRows,
  withColumns,
  type FeatureFrame,
} from "../../src/features/index";

const frame: FeatureFrame = {
  names: ["momentum_252d", "volatility_63d"],
  columns: [Float64Array.of(0.1, -0.2, 0.3), Float64Array.of(0.2, 0.3, 0.25)],
  dates: ["2020-01-31", "2020-01-31", "2020-02-28"],
  tickers: ["A", "B", "A"],
};

describe("FeatureFrame helpers", () => {
  it("select features by name, in the order asked", () => {
    const s = selectFeatures(frame, ["volatility_63d", "momentum_252d"]);
    expect(s.names).toEqual(["volatility_63d", "momentum_252d"]);
    expect(Array.from(s.columns[0]!)).toEqual([0.2, 0.3, 0.25]);
  });

  it("name an unknown feature and suggest the closest", () => {
    expect(() => selectFeatures(frame, ["momentum_252"])).toThrowError(InputError);
    expect(() => selectFeatures(frame, ["momentum_252"])).toThrowError(/unknown feature momentum_252 \(did you mean momentum_252d\?\)/);
    expect(() => featureColumn(frame, "beta")).toThrowError(/unknown feature beta/);
    expect(closestNames("volatilty_63d", frame.names)).toEqual(["volatility_63d"]);
  });

  it("select rows, find rows, list dates and show a row", () => {
    const rows = rowsWhere(frame, (d, t) => d === "2020-01-31" && t === "B");
    expect(Array.from(rows)).toEqual([1]);
    expect(selectRows(frame, Int32Array.of(0, 2)).tickers).toEqual(["A", "A"]);
    expect(frameDates(frame)).toEqual(["2020-01-31", "2020-02-28"]);
    expect(frameRow(frame, 2)).toEqual({ date: "2020-02-28", ticker: "A", momentum_252d: 0.3, volatility_63d: 0.25 });
    expect(() => selectRows(frame, [3])).toThrowError(/row 3/);
  });

  it("append columns and reject duplicates or wrong lengths", () => {
    expect(withColumns(frame, ["lstm_0"], [Float64Array.of(1, 2, 3)]).names).toEqual(["momentum_252d", "volatility_63d", "lstm_0"]);
    expect(() => withColumns(frame, ["momentum_252d"], [Float64Array.of(1, 2, 3)])).toThrowError(/appears twice/);
    expect(() => withColumns(frame, ["x"], [Float64Array.of(1)])).toThrowError(/1 values for 3 rows/);
  });

  it("check the frame's shape and order", () => {
    expect(() => checkFeatureFrame({ ...frame, dates: ["2020-02-28", "2020-01-31", "2020-01-31"] }, "t")).toThrowError(/sort rows by date/);
    expect(() => checkFeatureFrame({ ...frame, tickers: ["A"] }, "t")).toThrowError(/3 dates but 1 tickers/);
  });

  it("leave the frame unchanged", () => {
    const before = JSON.stringify({ ...frame, columns: frame.columns.map((c) => Array.from(c)) });
    selectFeatures(frame, ["volatility_63d"]);
    selectRows(frame, [0]);
    withColumns(frame, ["x"], [Float64Array.of(1, 2, 3)]);
    expect(JSON.stringify({ ...frame, columns: frame.columns.map((c) => Array.from(c)) })).toBe(before);
  });
});
