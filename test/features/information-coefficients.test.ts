import { describe, expect, it } from "vitest";
import { table } from "../../src/core/index";
import { featureSummaryTable, describeFeatures, informationCoefficients, topByMagnitude, type FeatureFrame } from "../../src/features/index";

const frame: FeatureFrame = Object.freeze({
  names: ["up", "down", "noise"],
  columns: [Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([5, 4, 3, 2, 1]), Float64Array.from([1, -1, 1, -1, 1])],
  dates: ["d1", "d2", "d3", "d4", "d5"],
  tickers: ["A", "A", "A", "A", "A"],
});

describe("informationCoefficients", () => {
  it("correlates every feature with every target over the rows where all targets are known", () => {
    const y = Float64Array.from([2, 4, 6, 8, Number.NaN]);
    const t = informationCoefficients(frame, { y: { values: y }, z: [1, 2, 3, 4, 5] });
    expect(t.labels).toEqual(["up", "down", "noise"]);
    expect(t.column("y").get("up")).toBeCloseTo(1, 12);
    expect(t.column("y").get("down")).toBeCloseTo(-1, 12);
    expect(t.column("y").get("noise")).toBeCloseTo(-1 / Math.sqrt(5), 12); // over the first four rows: −4 / √(4 × 20)
    expect(t.column("z").unit).toBe("ratio");
    expect(t.caption).toBe("information coefficients over 4 rows");
  });
  it("refuses a target of the wrong length, and targets never known together", () => {
    expect(() => informationCoefficients(frame, { y: [1, 2] })).toThrowError(/2 values for 5 rows/);
    expect(() => informationCoefficients(frame, { y: [Number.NaN, 1, 1, 1, 1], z: [1, Number.NaN, Number.NaN, Number.NaN, Number.NaN] })).toThrowError(/no row has every target/);
  });
});

describe("topByMagnitude", () => {
  it("keeps the rows with the largest absolute values, largest first, and the same columns", () => {
    const t = table({ ic: { a: 0.1, b: -0.5, c: 0.3, d: 0 }, other: { a: 1, b: 2, c: 3, d: 4 } });
    const top = topByMagnitude(t, "ic", 2);
    expect(top.labels).toEqual(["b", "c"]);
    expect(top.columns).toEqual(["ic", "other"]);
    expect(top.column("ic").get("b")).toBe(-0.5);
  });
});

describe("featureSummaryTable", () => {
  it("is describeFeatures as a table", () => {
    const t = featureSummaryTable(frame);
    const rows = describeFeatures(frame);
    expect(t.labels).toEqual(rows.map((r) => r.feature));
    expect(t.column("median").get("noise")).toBe(rows[2]!.median);
    expect(t.columns).toEqual(["mean", "sd", "min", "p05", "median", "p95", "max"]);
  });
});
