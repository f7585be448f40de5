import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { metrics } from "../../src/models/index";

describe("forecast metrics, known answers", () => {
  it("RMSE and MAE", () => {
    expect(metrics.rmse([1, 2, 3], [1, 2, 5])).toBeCloseTo(Math.sqrt(4 / 3), 14);
    expect(metrics.mae([1, 2, 3], [1, 2, 5])).toBeCloseTo(2 / 3, 14);
  });

  it("IC and rank IC", () => {
    expect(metrics.informationCoefficient([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 14);
    expect(metrics.rankInformationCoefficient([0.01, 0.05, 0.02], [0.1, 0.9, 0.3])).toBeCloseTo(1, 14);
    // ranks of [10, 30, 20, 20] tie-averaged as scipy.stats.rankdata: [1, 4, 2.5, 2.5]
    expect(Array.from(metrics.ranks([10, 30, 20, 20]))).toEqual([1, 4, 2.5, 2.5]);
    // Spearman with ties = Pearson of the tie-averaged ranks
    expect(metrics.rankInformationCoefficient([1, 2, 3, 4], [10, 30, 20, 20])).toBeCloseTo(metrics.informationCoefficient([1, 2, 3, 4], [1, 4, 2.5, 2.5]), 14);
    expect(metrics.informationCoefficient([1, 2, 3], [5, 5, 5])).toBeNaN();
  });

  it("hit rate", () => {
    expect(metrics.hitRate([0.1, -0.2, 0.3, -0.1], [0.05, 0.1, 0.2, -0.3])).toBe(0.75);
  });

  it("AUC by Mann–Whitney, with ties counted half", () => {
    expect(metrics.auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(metrics.auc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(() => metrics.auc([1, 1], [0.2, 0.3])).toThrowError(/both classes/);
    expect(() => metrics.auc([0, 2], [0.2, 0.3])).toThrowError(/pass 0 or 1/);
  });

  it("calibration curve, Brier score and calibration error", () => {
    const curve = metrics.calibrationCurve([0, 1, 1, 0], [0.2, 0.8, 0.7, 0.1], 2);
    expect(curve).toEqual([
      { lower: 0, upper: 0.5, count: 2, meanPredicted: 0.15000000000000002, observedRate: 0 },
      { lower: 0.5, upper: 1, count: 2, meanPredicted: 0.75, observedRate: 1 },
    ]);
    expect(metrics.expectedCalibrationError(curve)).toBeCloseTo(0.2, 14);
    expect(metrics.brierScore([0, 1], [0.2, 0.6])).toBeCloseTo(0.1, 14);
    expect(() => metrics.calibrationCurve([0], [1.2])).toThrowError(/probabilities lie in \[0, 1\]/);
  });

  it("rank IC per date and cross-sectional ranks", () => {
    expect(metrics.rankIcByDate(["d1", "d1", "d1"], [0.1, 0.2, 0.3], [1, 3, 2], 3)).toEqual([{ date: "d1", rankIc: 0.5, count: 3 }]);
    expect(metrics.rankIcByDate(["d1", "d1"], [0.1, 0.2], [1, 3], 3)).toEqual([]);
    expect(Array.from(metrics.crossSectionalRanks(["d1", "d1", "d1", "d2"], [0.3, 0.1, 0.2, 5]))).toEqual([1, 0, 0.5, 0.5]);
  });

  it("summaries", () => {
    const s = metrics.regressionScores([0.1, -0.2, 0.3], [0.05, -0.1, 0.2], ["d", "d", "d"]);
    expect(s.hitRate).toBe(1);
    expect(s.meanRankIc).toBeNaN(); // fewer than 5 rows on the date
    const p = metrics.probabilityScores([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(p.auc).toBe(0.75);
    expect(p.baseRate).toBe(0.5);
  });

  it("reject misaligned or non-finite inputs", () => {
    expect(() => metrics.rmse([1, 2], [1])).toThrowError(InputError);
    expect(() => metrics.mae([1, NaN], [1, 2])).toThrowError(/value 1 is NaN/);
    expect(() => metrics.rmse([], [])).toThrowError(/pass at least 1/);
  });
});
