import { describe, expect, it } from "vitest";
import type { FeatureFrame, Target } from "../../src/features/index";
import { HistoricalMeanBaseline, LastValueBaseline, expandingWindow, regressorForecaster, rollingWindow, scoredRows, walkForward, type Forecaster } from "../../src/models/index";

// 10 monthly dates × 2 tickers; the label of a row dated month m is known two months later.
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
  knownAt: Array.from({ length: 20 }, (_, i) => (i < 16 ? months[Math.floor(i / 2) + 2]! : "")),
};

describe("walk-forward splitters", () => {
  it("expanding window: train on everything before the purge gap whose label is known by the test start", () => {
    const folds = expandingWindow({ minTrainPeriods: 4, testPeriods: 3, purgePeriods: 1 }).split(frame.dates, target.knownAt);
    expect(folds.map((f) => [f.trainStart, f.trainEnd, f.testStart, f.testEnd])).toEqual([
      [months[0], months[3], months[5], months[7]],
      [months[0], months[6], months[8], months[9]],
    ]);
    // fold 1: months 0–3 in the window; a label dated m is known at m + 2 ≤ month 5 ⇒ months 0–3 all qualify
    expect(Array.from(folds[0]!.trainRows)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(folds[0]!.testRows)).toEqual([10, 11, 12, 13, 14, 15]);
    // fold 2: window months 0–6, but month 7's label would be known at 9 > 8, and month 6's at 8 ≤ 8
    expect(Array.from(folds[1]!.trainRows)).toEqual(Array.from({ length: 14 }, (_, i) => i));
  });

  it("never trains on a label unknown at the first test date", () => {
    for (const splitter of [expandingWindow({ minTrainPeriods: 2, testPeriods: 1 }), rollingWindow({ trainPeriods: 3, testPeriods: 2, purgePeriods: 0 })]) {
      for (const fold of splitter.split(frame.dates, target.knownAt)) {
        for (const i of fold.trainRows) {
          expect(target.knownAt[i]).not.toBe("");
          expect(target.knownAt[i]! <= fold.testStart).toBe(true);
          expect(frame.dates[i]! < fold.testStart).toBe(true);
        }
      }
    }
  });

  it("rolling window: a fixed number of training dates", () => {
    const folds = rollingWindow({ trainPeriods: 3, testPeriods: 2, purgePeriods: 0 }).split(frame.dates, target.knownAt);
    expect(folds.map((f) => [f.trainStart, f.trainEnd, f.testStart])).toEqual([
      [months[0], months[2], months[3]],
      [months[2], months[4], months[5]],
      [months[4], months[6], months[7]],
      [months[6], months[8], months[9]],
    ]);
  });

  it("rejects settings that leave no fold and bad options", () => {
    expect(() => expandingWindow({ minTrainPeriods: 12, testPeriods: 1 }).split(frame.dates, target.knownAt)).toThrowError(/leave no fold/);
    expect(() => expandingWindow({ minTrainPeriods: 0, testPeriods: 1 })).toThrowError(/minTrainPeriods 0/);
  });
});

describe("walkForward", () => {
  it("forecasts each row only from a model trained before it, NaN elsewhere", async () => {
    const seen: string[][] = [];
    const spy: Forecaster = {
      name: "spy",
      outputs: ["forecast"],
      fitPredict: async (train, _y, test) => {
        seen.push([train.dates[train.dates.length - 1]!, test.dates[0]!]);
        return { forecast: new Float64Array(test.dates.length).fill(1) };
      },
    };
    const run = await walkForward(frame, target, expandingWindow({ minTrainPeriods: 4, testPeriods: 3, purgePeriods: 1 }), spy);
    expect(seen.every(([lastTrain, firstTest]) => lastTrain! < firstTest!)).toBe(true);
    expect(Array.from(run.outputs.forecast!.slice(0, 10)).every(Number.isNaN)).toBe(true);
    expect(Array.from(run.outputs.forecast!.slice(10)).every((v) => v === 1)).toBe(true);
    expect(run.tested.reduce((a, b) => a + b, 0)).toBe(10);
    const s = scoredRows(run, target);
    expect(Array.from(s.rows)).toEqual([10, 11, 12, 13, 14, 15, 16, 17]); // rows 18–19 have no label
  });

  it("runs the naive baselines", async () => {
    const splitter = expandingWindow({ minTrainPeriods: 4, testPeriods: 3 });
    const last = await walkForward(frame, target, splitter, regressorForecaster(new LastValueBaseline("last")));
    expect(last.outputs.forecast![10]).toBe(10);
    const mean = await walkForward(frame, target, splitter, regressorForecaster(new HistoricalMeanBaseline()));
    // fold 1 trains on months 0–2 (labels known by month 4): A rows 0, 2, 4 → labels 10, 12, 14
    expect(mean.outputs.forecast![8]).toBe(12);
    await expect(walkForward(frame, { ...target, values: target.values.slice(1) }, splitter, regressorForecaster(new HistoricalMeanBaseline()))).rejects.toThrowError(/build the target from the same frame/);
  });
});
