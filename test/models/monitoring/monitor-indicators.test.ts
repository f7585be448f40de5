/**
 * The monitor's indicators: volatility shift and realised against expected returns against numpy
 * (test/fixtures/monitor/make_monitor_fixtures.py), and the retrain decision by its stated thresholds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/index";
import { generateMarket } from "../../../src/data/index";
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

describe("volatilityShift's variance-ratio test", () => {
  const returns = (n: number, scale: number) => Array.from({ length: n }, (_, i) => scale * (i % 2 ? 0.01 : -0.01) * (1 + (i % 7) / 10));

  it("has Fisher's z band: with independent normal returns (φ = 1) within 1 % of scipy's F quantiles", () => {
    // scipy 1.17: sqrt(f.ppf([0.025, 0.975], 62, 251)) = 0.81065, 1.20447; sqrt(f.ppf([0.005, 0.995], 62, 62)) = 0.71792, 1.39292
    const iid = monitoring.volatilityShift(returns(252, 1), returns(63, 1), { inflation: 1 });
    expect(Math.abs(iid.band[0] / 0.81065 - 1)).toBeLessThan(0.01);
    expect(Math.abs(iid.band[1] / 1.20447 - 1)).toBeLessThan(0.01);
    const quarter = monitoring.volatilityShift(returns(63, 1), returns(63, 1), { inflation: 1, level: 0.01 });
    expect(Math.abs(quarter.band[0] / 0.71792 - 1)).toBeLessThan(0.01);
    expect(Math.abs(quarter.band[1] / 1.39292 - 1)).toBeLessThan(0.01);
  });

  it("with the defaults (α 0.05, φ 10), 63 against 252 days: band 0.5055–1.7521, degrees of freedom (n − 1)/10", () => {
    // by hand: ν = 25.1 and 6.2; mean ½(1/25.1 − 1/6.2) = −0.060725, sd √(½(1/6.2 + 1/25.1)) = 0.317121; exp(mean ∓ 1.959964 sd)
    const s = monitoring.volatilityShift(returns(252, 1), returns(63, 1));
    expect(s.level).toBe(monitoring.VOLATILITY_TEST_LEVEL);
    expect(s.inflation).toBe(monitoring.VOLATILITY_INFLATION);
    expect(s.degreesOfFreedom).toEqual({ reference: 25.1, recent: 6.2 });
    expect(s.band[0]).toBeCloseTo(0.505468, 5);
    expect(s.band[1]).toBeCloseTo(1.752109, 5);
    expect(s.z).toBeCloseTo((Math.log(s.ratio) + 0.060725) / 0.317121, 4);
    expect(s.shifted).toBe(false);
    const doubled = monitoring.volatilityShift(returns(252, 1), returns(63, 2));
    expect(doubled.ratio).toBeGreaterThan(1.752109);
    expect(doubled.shifted).toBe(true);
    expect(doubled.z).toBeGreaterThan(1.959964);
    const halved = monitoring.volatilityShift(returns(252, 1), returns(63, 0.45));
    expect([halved.shifted, halved.z < -1.959964]).toEqual([true, true]);
  });

  it("refuses a level outside (0, 1) and an inflation below 1", () => {
    expect(() => monitoring.volatilityShift(returns(20, 1), returns(20, 1), { level: 5 })).toThrowError(/level 5 must be a probability/);
    expect(() => monitoring.volatilityShift(returns(20, 1), returns(20, 1), { inflation: 0.5 })).toThrowError(expect.objectContaining({ code: "BAD_ARGUMENT" }));
  });

  it("holds its level on the calm spells of the synthetic market: 95 % of adjacent 252- and 63-day windows inside the band", () => {
    // The monitor's market: the equal-weighted mean of the tickers priced throughout both windows. Independent normal
    // returns (φ = 1) would put about half of these pairs outside a 95 % band: volatility clusters within a regime.
    let inside = 0;
    let insideIid = 0;
    let pairs = 0;
    for (const seed of [1, 2, 3]) {
      const m = generateMarket({ seed, years: 40, equityCount: 6 });
      const { dates, tickers, values } = m.prices;
      const k = tickers.length;
      const calm = new Uint8Array(dates.length);
      for (const r of m.regimes) if (r.kind === "calm") calm.fill(1, dates.indexOf(r.start), dates.indexOf(r.end) + 1);
      for (let end = 316; end < dates.length; end += 21) {
        const from = end - 314;
        if (calm.subarray(from, end + 1).includes(0)) continue;
        const basket = tickers.map((_, j) => j).filter((j) => dates.slice(from - 1, end + 1).every((_, i) => values[(from - 1 + i) * k + j]! > 0));
        const market = (i: number) => basket.reduce((sum, j) => sum + values[i * k + j]! / values[(i - 1) * k + j]! - 1, 0) / basket.length;
        const reference = Array.from({ length: 252 }, (_, i) => market(from + i));
        const recent = Array.from({ length: 63 }, (_, i) => market(end - 62 + i));
        pairs++;
        if (!monitoring.volatilityShift(reference, recent).shifted) inside++;
        if (!monitoring.volatilityShift(reference, recent, { inflation: 1 }).shifted) insideIid++;
      }
    }
    expect(pairs).toBeGreaterThan(1000);
    expect(inside / pairs).toBeGreaterThan(0.93); // 0.952 with these seeds
    expect(inside / pairs).toBeLessThan(0.97);
    expect(insideIid / pairs).toBeLessThan(0.6); // 0.478
  }, 60_000);
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
  it("with the variance-ratio band, retrains on volatility only outside both bands, and says so", () => {
    const band = { lower: 0.51, upper: 1.75, level: 0.05 };
    expect(monitoring.retrainDecision({ volatilityRatio: 1.7, volatilityBand: band }).retrain).toBe(false); // outside [1/1.5, 1.5], inside the test's band
    expect(monitoring.retrainDecision({ volatilityRatio: 0.55, volatilityBand: band }).retrain).toBe(false);
    expect(monitoring.retrainDecision({ volatilityRatio: 1.3, volatilityBand: { lower: 0.9, upper: 1.1, level: 0.05 } }).retrain).toBe(false); // inside [1/1.5, 1.5]
    const d = monitoring.retrainDecision({ volatilityRatio: 2.4, volatilityBand: band });
    expect(d.triggers).toEqual(["volatility"]);
    expect(d.reasons[0]).toBe("the volatility regime changed: market volatility is 2.40× the training period's (outside 0.67–1.5 and outside 0.51–1.75, where one regime stays 95 % of the time)");
    expect(monitoring.retrainDecision({ volatilityRatio: 0.4, volatilityBand: band }).triggers).toEqual(["volatility"]);
  });
  it("refuses bad thresholds with a typed error naming them", () => {
    expect(() => monitoring.retrainThresholds({ volatilityRatio: 0.8 })).toThrowError(/volatilityRatio = 0.8 is invalid/);
    expect(() => monitoring.retrainDecision({}, { psi: -1 })).toThrowError(InputError);
    expect(() => monitoring.retrainDecision({}, { maxAgeDays: 0 })).toThrowError(/maxAgeDays/);
    expect(monitoring.retrainThresholds()).toEqual({ psi: 0.25, errorRatio: 1.25, volatilityRatio: 1.5, maxAgeDays: Number.POSITIVE_INFINITY });
  });
});
