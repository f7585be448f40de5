import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { assetClassShock } from "../../src/stress/asset-class-shock";
import { combinedShock } from "../../src/stress/combined-shock";
import { correlationShock, covarianceStress, scaleVolatilities, setCorrelations, volatilityShock } from "../../src/stress/covariance-stress";
import { marketShock } from "../../src/stress/market-shock";
import { rateShock } from "../../src/stress/rate-shock";
import { runStressTest } from "../../src/stress/run-stress-test";
import { bootstrapSimulation } from "../../src/stress/bootstrap-simulation";
import { expected, fixtureContext, fixturePortfolio, INSTRUMENTS } from "./helpers";

const fx = expected.stress;

describe("assetClassShock", () => {
  it("moves every holding of the class at once and names the others (hand case)", () => {
    const r = runStressTest(assetClassShock({ shocks: { equity: -0.2 } }), fixturePortfolio(), fixtureContext());
    expect(r.scenario).toBe("equity −20 %");
    expect(Array.from(r.lossByAsset.values)).toEqual([60000, 40000, 0, 0]);
    expect(r.totalLoss).toBeCloseTo(100000, 8);
    expect(r.notes).toEqual(["not shocked (bond): BND", "not shocked (commodity): GLD"]);
  });

  it("throws on a class matching no instrument, a holding without a profile, and no instrument list", () => {
    expect(() => runStressTest(assetClassShock({ shocks: { equities: -0.2 } }), fixturePortfolio(), fixtureContext())).toThrowError(
      /asset class equities matches no instrument; the classes are equity, bond, commodity/,
    );
    expect(() => runStressTest(assetClassShock({ shocks: { equity: -0.2 } }), fixturePortfolio(), fixtureContext({ instruments: INSTRUMENTS.slice(0, 3) }))).toThrowError(
      /GLD has no instrument profile/,
    );
    const noProfiles = { prices: fixtureContext().prices };
    expect(() => runStressTest(assetClassShock({ shocks: { equity: -0.2 } }), fixturePortfolio(), noProfiles)).toThrowError(/pass instruments in the stress context/);
  });

  it("rejects shocks below −100 % or none at all when built", () => {
    expect(() => assetClassShock({ shocks: { equity: -1.5 } })).toThrowError(/fraction ≥ −1/);
    expect(() => assetClassShock({ shocks: {} })).toThrowError(InputError);
  });
});

describe("rateShock", () => {
  it("reprices bond funds by duration: ΔP/P ≈ −D·Δy (hand case: 400,000 × 7 × 2 % = 56,000)", () => {
    const r = runStressTest(rateShock({ basisPoints: 200 }), fixturePortfolio(), fixtureContext());
    expect(r.scenario).toBe("rates +200 bp");
    expect(r.assetReturns.values[2]).toBeCloseTo(-0.14, 15);
    expect(r.lossByAsset.values[2]).toBeCloseTo(56000, 8);
    expect(r.totalLoss).toBeCloseTo(56000, 8);
    expect(r.notes[1]).toBe("not shocked (no duration): EQA, EQB, GLD");
    expect(runStressTest(rateShock({ basisPoints: -100 }), fixturePortfolio(), fixtureContext()).totalLoss).toBeCloseTo(-28000, 8);
  });

  it("throws when a bond holding has no duration, or basis points are not finite", () => {
    const undated = INSTRUMENTS.map((i) => (i.ticker === "BND" ? { ticker: "BND", assetClass: "bond" } : i));
    expect(() => runStressTest(rateShock({ basisPoints: 200 }), fixturePortfolio(), fixtureContext({ instruments: undated }))).toThrowError(
      /bond holding BND has no duration/,
    );
    expect(() => rateShock({ basisPoints: NaN })).toThrowError(InputError);
  });
});

describe("marketShock", () => {
  it("moves each holding by its beta to the benchmark: the benchmark itself by exactly the shock", () => {
    const r = runStressTest(marketShock({ benchmark: "EQA", shock: -0.1 }), fixturePortfolio(), fixtureContext());
    expect(r.assetReturns.values[0]).toBeCloseTo(-0.1, 14);
    expect(r.notes[0]).toMatch(/^betas: EQA 1.00, EQB/);
  });

  it("throws on an unknown benchmark and a bad shock", () => {
    expect(() => runStressTest(marketShock({ benchmark: "SPY", shock: -0.2 }), fixturePortfolio(), fixtureContext())).toThrowError(/benchmark SPY is not a column/);
    expect(() => marketShock({ benchmark: "EQA", shock: Infinity })).toThrowError(InputError);
  });
});

describe("combinedShock", () => {
  it("adds the parts' returns (hand case: equities −20 % and rates +200 bp)", () => {
    const both = combinedShock({ scenarios: [assetClassShock({ shocks: { equity: -0.2 } }), rateShock({ basisPoints: 200 })], name: "stagflation" });
    const r = runStressTest(both, fixturePortfolio(), fixtureContext());
    expect(r.totalLoss).toBeCloseTo(100000 + 56000, 7);
    expect(r.notes.some((n) => n.startsWith("rates +200 bp: "))).toBe(true);
  });

  it("floors a holding at −100 % and refuses distributional parts", () => {
    const crash = combinedShock({ scenarios: [assetClassShock({ shocks: { equity: -0.8 } }), assetClassShock({ shocks: { equity: -0.5 } })] });
    const r = runStressTest(crash, fixturePortfolio(), fixtureContext());
    expect(r.assetReturns.values[0]).toBe(-1);
    expect(r.notes).toContain("floored at −100 %: EQA, EQB");
    const mixed = combinedShock({ scenarios: [rateShock({ basisPoints: 100 }), bootstrapSimulation({ seed: 1, simulations: 10 })] });
    expect(() => runStressTest(mixed, fixturePortfolio(), fixtureContext())).toThrowError(/is a distribution/);
    expect(() => combinedShock({ scenarios: [] })).toThrowError(InputError);
  });
});

describe("covariance stresses", () => {
  it("match numpy: Gaussian 10-day 95 % VaR and CVaR of the sample covariance, split by risk contribution", () => {
    const r = runStressTest(volatilityShock(), fixturePortfolio(), fixtureContext());
    const want = fx.covarianceStress.volatilityDoubled;
    expect(r.scenario).toBe("volatility ×2");
    expect(r.tail!.valueAtRisk).toBeCloseTo(want.valueAtRisk, 7);
    expect(r.tail!.conditionalValueAtRisk).toBeCloseTo(want.conditionalValueAtRisk, 7);
    expect(r.totalLoss).toBeCloseTo(want.conditionalValueAtRisk, 7);
    r.lossByAsset.values.forEach((v, i) => expect(v).toBeCloseTo(want.lossByAsset[i]!, 7));
    expect(r.tail!.baseline!.conditionalValueAtRisk).toBeCloseTo(fx.covarianceStress.baseline.conditionalValueAtRisk, 7);
    expect(r.tail!.conditionalValueAtRisk / r.tail!.baseline!.conditionalValueAtRisk).toBeCloseTo(2, 12);
  });

  it("correlations to one at 99 % over 5 days (numpy)", () => {
    const r = runStressTest(correlationShock({ confidence: 0.99, horizonDays: 5 }), fixturePortfolio(), fixtureContext());
    const want = fx.covarianceStress.correlationsOne;
    expect(r.tail!.conditionalValueAtRisk).toBeCloseTo(want.conditionalValueAtRisk, 7);
    r.lossByAsset.values.forEach((v, i) => expect(v).toBeCloseTo(want.lossByAsset[i]!, 7));
    expect(r.tail!.baseline!.valueAtRisk).toBeCloseTo(fx.covarianceStress.correlationsOneBaseline.valueAtRisk, 7);
  });

  it("transforms are pure and checked", () => {
    const cov = { labels: ["A", "B"], values: Float64Array.of(0.04, 0, 0, 0.09) };
    expect(Array.from(setCorrelations(1).apply(cov).values)).toEqual([0.04, 0.06, 0.06, 0.09].map((x, i) => (i === 1 || i === 2 ? 0.2 * 0.3 : x)));
    expect(Array.from(scaleVolatilities(2).apply(cov).values)).toEqual([0.16, 0, 0, 0.36]);
    expect(Array.from(cov.values)).toEqual([0.04, 0, 0, 0.09]);
    expect(() => scaleVolatilities(0)).toThrowError(/factor 0/);
    expect(() => setCorrelations(-0.5)).toThrowError(/between 0 and 1/);
    expect(() => covarianceStress({ transform: scaleVolatilities(2), horizonDays: 0 })).toThrowError(InputError);
  });
});
