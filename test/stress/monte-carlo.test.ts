import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { empiricalTail } from "../../src/measures/empirical-tail";
import { bootstrapSimulation } from "../../src/stress/bootstrap-simulation";
import { runStressTest } from "../../src/stress/run-stress-test";
import { studentTSimulation } from "../../src/stress/student-t-simulation";
import { constantPrices, fixtureContext, fixturePortfolio } from "./helpers";

const constant = { prices: constantPrices([0.01, -0.02], 30) };
const half = { weights: { labels: ["C0", "C1"], values: Float64Array.of(0.5, 0.5) }, capital: 1000 };

describe("bootstrapSimulation", () => {
  it("gives every horizon the same outcome when every day is the same (hand case)", () => {
    const r = runStressTest(bootstrapSimulation({ seed: 1, horizonDays: 3, simulations: 50 }), half, constant);
    const pnl = 1000 * (0.5 * (1.01 ** 3 - 1) + 0.5 * (0.98 ** 3 - 1));
    expect(r.kind).toBe("monte-carlo");
    expect(r.tail!.pnl!.length).toBe(50);
    r.tail!.pnl!.forEach((v) => expect(v).toBeCloseTo(pnl, 10));
    expect(r.totalLoss).toBeCloseTo(-pnl, 10);
    expect(r.lossByAsset.values[1]).toBeCloseTo(-500 * (0.98 ** 3 - 1), 10);
  });

  it("reports VaR and CVaR of the simulated P&L, and a loss by asset that sums to the CVaR", () => {
    const r = runStressTest(bootstrapSimulation({ seed: 7, horizonDays: 5, simulations: 999 }), fixturePortfolio(), fixtureContext());
    const tail = empiricalTail(r.tail!.pnl!, 0.95);
    expect(r.tail!.valueAtRisk).toBeCloseTo(tail.valueAtRisk, 6);
    expect(r.tail!.conditionalValueAtRisk).toBeCloseTo(tail.conditionalValueAtRisk, 6);
    expect(r.lossByAsset.values.reduce((s, x) => s + x, 0)).toBeCloseTo(r.tail!.conditionalValueAtRisk, 6);
    expect(r.totalLoss).toBeCloseTo(r.tail!.conditionalValueAtRisk, 6);
    expect(r.tail!.conditionalValueAtRisk).toBeGreaterThanOrEqual(r.tail!.valueAtRisk);
  });

  it("is reproducible by seed; blocks change the draws", () => {
    const run = (seed: number, blockLength = 1) =>
      runStressTest(bootstrapSimulation({ seed, simulations: 200, blockLength }), fixturePortfolio(), fixtureContext()).tail!.pnl!;
    expect(Array.from(run(3))).toEqual(Array.from(run(3)));
    expect(Array.from(run(4))).not.toEqual(Array.from(run(3)));
    expect(Array.from(run(3, 5))).not.toEqual(Array.from(run(3)));
  });

  it("rejects bad settings and a history without a complete day", () => {
    expect(() => bootstrapSimulation({ seed: 0.5 })).toThrowError(/a simulation is always seeded/);
    expect(() => bootstrapSimulation({ seed: 1, blockLength: 0 })).toThrowError(/blockLength 0/);
    expect(() => bootstrapSimulation({ seed: 1, simulations: -1 })).toThrowError(InputError);
    expect(() => bootstrapSimulation({ seed: 1, confidence: 1.5 })).toThrowError(/confidence 1.5/);
    const gappy = constantPrices([0.01, 0.01], 5);
    const values = Float64Array.from(gappy.values);
    for (let i = 0; i < 4; i++) values[i * 2 + 1] = NaN;
    expect(() => runStressTest(bootstrapSimulation({ seed: 1 }), half, { prices: { ...gappy, values } })).toThrowError(/only 0 days have a return for every holding/);
  });
});

describe("studentTSimulation", () => {
  it("compounds the mean when the covariance is zero (constant history, hand case)", () => {
    const r = runStressTest(studentTSimulation({ seed: 1, horizonDays: 4, simulations: 20 }), half, constant);
    const pnl = 1000 * (0.5 * (1.01 ** 4 - 1) + 0.5 * (0.98 ** 4 - 1));
    r.tail!.pnl!.forEach((v) => expect(v).toBeCloseTo(pnl, 9));
    const zero = runStressTest(studentTSimulation({ seed: 1, horizonDays: 4, simulations: 20, zeroMean: true }), half, constant);
    zero.tail!.pnl!.forEach((v) => expect(v).toBeCloseTo(0, 12));
  });

  it("draws one-day returns with the sample covariance (40,000 draws, fixed seed, within 5 %)", () => {
    const portfolio = { weights: { labels: ["EQA"], values: Float64Array.of(1) }, capital: 1 };
    for (const nu of [Infinity, 5]) {
      const r = runStressTest(studentTSimulation({ seed: 11, horizonDays: 1, simulations: 40_000, degreesOfFreedom: nu, zeroMean: true }), portfolio, fixtureContext());
      const x = r.tail!.pnl!;
      const variance = x.reduce((s, v) => s + v * v, 0) / x.length;
      const prices = fixtureContext().prices;
      const ret = Array.from({ length: prices.dates.length - 1 }, (_, i) => prices.values[(i + 1) * 4]! / prices.values[i * 4]! - 1);
      const mean = ret.reduce((s, v) => s + v, 0) / ret.length;
      const sample = ret.reduce((s, v) => s + (v - mean) ** 2, 0) / (ret.length - 1);
      expect(variance / sample, `ν = ${nu}`).toBeGreaterThan(0.95);
      expect(variance / sample, `ν = ${nu}`).toBeLessThan(1.05);
    }
  });

  it("has fatter tails with small ν: CVaR/VaR grows as ν falls", () => {
    const ratio = (nu: number) => {
      const r = runStressTest(studentTSimulation({ seed: 5, horizonDays: 1, simulations: 20_000, degreesOfFreedom: nu, confidence: 0.99 }), fixturePortfolio(), fixtureContext());
      return r.tail!.conditionalValueAtRisk / r.tail!.valueAtRisk;
    };
    expect(ratio(3)).toBeGreaterThan(ratio(Infinity));
  });

  it("is reproducible by seed, and rejects ν ≤ 2", () => {
    const run = () => runStressTest(studentTSimulation({ seed: 9, simulations: 100 }), fixturePortfolio(), fixtureContext()).tail!.pnl!;
    expect(Array.from(run())).toEqual(Array.from(run()));
    expect(() => studentTSimulation({ seed: 1, degreesOfFreedom: 2 })).toThrowError(/must be > 2/);
  });
});
