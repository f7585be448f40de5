/**
 * The monitor's indicators: volatility shift and realised against expected returns against numpy
 * (test/fixtures/monitor/make_monitor_fixtures.py), and the retrain decision by its stated thresholds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/index";
import { monitoring } from "../../../src/models/index";

const known = JSON.parse(readFileSync(join(__dirname, "..", "..", "fixtures", "monitor", "monitor_known_answers.json"), "utf8")) as {
  volatility_shift: { reference: number[]; recent: number[]; reference_volatility: number; recent_volatility: number; ratio: number };
  realised_versus_expected: { realised: number[]; expected: number[]; reference_rmse: number; mean_expected: number; mean_realised: number; bias: number; rmse: number; error_ratio: number; ic: number; hit_rate: number };
};

describe("volatilityShift", () => {
  it("matches numpy's annualised sample volatilities (ddof 1, √252) and their ratio, and leaves its inputs alone", () => {
    const k = known.volatility_shift;
    const reference = Object.freeze([...k.reference]);
    const s = monitoring.volatilityShift(reference, k.recent);
    expect(s.reference).toBeCloseTo(k.reference_volatility, 12);
    expect(s.recent).toBeCloseTo(k.recent_volatility, 12);
    expect(s.ratio).toBeCloseTo(k.ratio, 12);
    expect(reference).toEqual(k.reference);
  });
  it("is 2 when every return doubles, and refuses short, NaN or constant samples with typed errors", () => {
    expect(monitoring.volatilityShift([0.01, -0.01, 0.01, -0.01], [0.02, -0.02, 0.02, -0.02]).ratio).toBeCloseTo(2, 14);
    expect(() => monitoring.volatilityShift([0.01], [0.01, 0.02])).toThrowError(/at least 2/);
    expect(() => monitoring.volatilityShift([0.01, NaN], [0.01, 0.02])).toThrowError(/value 1 is NaN/);
    expect(() => monitoring.volatilityShift([0.01, 0.01, 0.01], [0.01, 0.02])).toThrowError(InputError);
  });
});

describe("realisedVersusExpected", () => {
  it("matches numpy: means, bias, RMSE and its ratio, IC, hit rate", () => {
    const k = known.realised_versus_expected;
    const r = monitoring.realisedVersusExpected(k.realised, k.expected, { referenceRmse: k.reference_rmse });
    expect(r.count).toBe(k.realised.length);
    expect(r.expected).toBeCloseTo(k.mean_expected, 14);
    expect(r.realised).toBeCloseTo(k.mean_realised, 14);
    expect(r.bias).toBeCloseTo(k.bias, 14);
    expect(r.rmse).toBeCloseTo(k.rmse, 14);
    expect(r.errorRatio).toBeCloseTo(k.error_ratio, 13);
    expect(r.ic).toBeCloseTo(k.ic, 12);
    expect(r.hitRate).toBeCloseTo(k.hit_rate, 14);
  });
  it("says 'not known yet' with no rows and refuses ragged or NaN input and a bad reference", () => {
    const empty = monitoring.realisedVersusExpected([], [], { referenceRmse: 0.1 });
    expect(empty.count).toBe(0);
    expect(empty.rmse).toBeNaN();
    expect(monitoring.realisedVersusExpected([0.1, 0.2], [0.1, 0.2]).errorRatio).toBeNaN();
    expect(() => monitoring.realisedVersusExpected([0.1], [0.1, 0.2])).toThrowError(/SHAPE|forecasts/);
    expect(() => monitoring.realisedVersusExpected([0.1, NaN], [0.1, 0.2])).toThrowError(/realised value 1 is NaN/);
    expect(() => monitoring.realisedVersusExpected([0.1], [0.1], { referenceRmse: 0 })).toThrowError(/referenceRmse/);
  });
});

describe("retrainDecision", () => {
  it("crosses each stated threshold and says why, once per trigger", () => {
    const d = monitoring.retrainDecision(
      { hasModel: false, psi: [{ feature: "momentum_63d", psi: 0.4 }, { feature: "volatility_63d", psi: 0.3 }], errorRatio: 1.3, volatilityRatio: 0.6, modelAgeDays: 400 },
      { maxAgeDays: 365 },
    );
    expect(d.retrain).toBe(true);
    expect(d.triggers).toEqual(["no-model", "psi", "error-ratio", "volatility", "model-age"]);
    expect(d.reasons).toHaveLength(6);
    expect(d.reasons[3]).toMatch(/errors grew: recent RMSE is 1\.30×/);
    expect(d.reasons[4]).toMatch(/0\.60× the training period's \(outside 0\.67–1\.5\)/);
  });
  it("keeps the model inside the band, when indicators are unknown, and at the exact threshold", () => {
    expect(monitoring.retrainDecision({ volatilityRatio: 1.49, errorRatio: 1.25, psi: [{ feature: "x", psi: 0.25 }] }).retrain).toBe(false);
    expect(monitoring.retrainDecision({ volatilityRatio: Number.NaN, errorRatio: Number.NaN }).retrain).toBe(false);
    expect(monitoring.retrainDecision({ volatilityRatio: 1.51 }).triggers).toEqual(["volatility"]);
    expect(monitoring.retrainDecision({ volatilityRatio: 5 }, { volatilityRatio: Number.POSITIVE_INFINITY }).retrain).toBe(false);
  });
  it("refuses bad thresholds with a typed error naming them", () => {
    expect(() => monitoring.retrainThresholds({ volatilityRatio: 0.8 })).toThrowError(/volatilityRatio = 0.8 is invalid/);
    expect(() => monitoring.retrainDecision({}, { psi: -1 })).toThrowError(InputError);
    expect(() => monitoring.retrainDecision({}, { maxAgeDays: 0 })).toThrowError(/maxAgeDays/);
    expect(monitoring.retrainThresholds()).toEqual({ psi: 0.25, errorRatio: 1.25, volatilityRatio: 1.5, maxAgeDays: Number.POSITIVE_INFINITY });
  });
});
