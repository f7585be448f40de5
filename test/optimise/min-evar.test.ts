// Minimum entropic value at risk on Riskfolio-Lib's test data (200 days × 10 assets) against the weights its own
// tests assert (tests/test_portfolio.py::test_classic_minrisk_optimization, rm="EVaR", alpha 0.05, solved there as an
// exponential-cone programme by Clarabel). The optimum is flat (weights 2e-5 apart change EVaR by 2e-9), so ours must
// be within 5e-5 of Riskfolio-Lib's weights and no riskier; the EVaR is checked by the measures layer's independent
// golden-section search over z, and no random portfolio may beat it.
import { describe, expect, it } from "vitest";
import { evarRiskBudget, maxEvarRatio, minEvar } from "../../src/optimise/min-evar";
import { entropicValueAtRisk } from "../../src/measures/index";
import { createRng } from "../../src/core/random";
import { dailyReturns, gap, riskfolioReturns as returns, riskfolioWeights } from "./helpers/riskfolio-fixture";

const evar = (w: ArrayLike<number>) => entropicValueAtRisk(dailyReturns(w), { confidence: 0.95 });

describe("minEvar", () => {
  it("reproduces Riskfolio-Lib's asserted EVaR weights within 5e-5, and is no riskier", async () => {
    const expected = riskfolioWeights("min_risk_weights.csv", "EVaR");
    const result = await minEvar(returns);
    expect(gap(result.weights.values, expected)).toBeLessThan(5e-5);
    expect(result.evar).toBeCloseTo(evar(result.weights.values), 14);
    expect(result.evar).toBeLessThanOrEqual(evar(expected) + 1e-12);
    // z attains the infimum: G(w, z) equals the EVaR found by the measures layer's search over z.
    const y = dailyReturns(result.weights.values);
    const G = result.z * Math.log(y.reduce((s, x) => s + Math.exp(-x / result.z), 0) / y.length / 0.05);
    expect(G).toBeCloseTo(result.evar, 10);
  });
  it("is never beaten by 200 random long-only portfolios, and holds its bounds", async () => {
    const best = await minEvar(returns);
    const rng = createRng(5);
    for (let k = 0; k < 200; k++) {
      const raw = Array.from({ length: 10 }, () => -Math.log(1 - rng.next()));
      const total = raw.reduce((s, x) => s + x, 0);
      expect(evar(raw.map((x) => x / total))).toBeGreaterThanOrEqual(best.evar - 1e-12);
    }
    const capped = await minEvar(returns, { bounds: [0.02, 0.3] });
    expect(Math.min(...capped.weights.values)).toBeGreaterThanOrEqual(0.02 - 1e-12);
    expect(Math.max(...capped.weights.values)).toBeLessThanOrEqual(0.3 + 1e-12);
    expect(capped.evar).toBeGreaterThanOrEqual(best.evar);
  });
  it("throws typed errors for a bad confidence and unsupported constraints", async () => {
    await expect(minEvar(returns, { beta: 0 })).rejects.toMatchObject({ code: "BAD_BETA" });
    await expect(minEvar(returns, { beta: 1 })).rejects.toMatchObject({ code: "BAD_BETA" });
  });
});

// Riskfolio-Lib's tests/test_portfolio.py::test_classic_riskparity_optimization, rm="EVaR" (Classic_RP.csv).
describe("evarRiskBudget", () => {
  const equal = new Float64Array(10).fill(0.1);
  const objective = (w: ArrayLike<number>, b: ArrayLike<number>) => Math.log(evar(w)) - Array.from(w).reduce((s, x, i) => s + b[i]! * Math.log(x), 0);
  it("reproduces Riskfolio-Lib's asserted EVaR risk-parity weights within 1e-5, no worse on the objective", async () => {
    const expected = riskfolioWeights("risk_parity_weights.csv", "EVaR");
    const result = await evarRiskBudget(returns, equal);
    expect(gap(result.weights.values, expected)).toBeLessThan(1e-5);
    expect(objective(result.weights.values, equal)).toBeLessThanOrEqual(objective(expected, equal) + 1e-12);
  });
  it("the EVaR contributions wᵢ·∂EVaR/∂wᵢ / EVaR equal random budgets within 1e-6", async () => {
    const rng = createRng(8);
    const raw = Array.from({ length: 10 }, () => 0.5 + rng.next());
    const total = raw.reduce((s, x) => s + x, 0);
    const b = Float64Array.from(raw, (x) => x / total);
    const { weights } = await evarRiskBudget(returns, b);
    const w = weights.values;
    const rho = evar(w);
    for (let i = 0; i < 10; i++) {
      const h = 1e-5 * w[i]!;
      const up = Float64Array.from(w, (x, j) => (j === i ? x + h : x));
      const down = Float64Array.from(w, (x, j) => (j === i ? x - h : x));
      expect(Math.abs((w[i]! * (evar(up) - evar(down))) / (2 * h) / rho - b[i]!)).toBeLessThan(1e-6);
    }
  });
});

// Riskfolio-Lib's tests/test_portfolio.py::test_classic_sharpe_optimization, rm="EVaR", rf = 0 (Classic_Sharpe.csv).
describe("maxEvarRatio", () => {
  const ratio = (w: ArrayLike<number>) => {
    const y = dailyReturns(w);
    return y.reduce((s, x) => s + x, 0) / y.length / evar(w);
  };
  it("reproduces Riskfolio-Lib's asserted EVaR-ratio weights within 2e-5, with a ratio at least its", async () => {
    const expected = riskfolioWeights("max_ratio_weights.csv", "EVaR");
    const result = await maxEvarRatio(returns);
    expect(gap(result.weights.values, expected)).toBeLessThan(2e-5);
    expect(result.ratio).toBeCloseTo(ratio(result.weights.values), 12);
    expect(result.ratio).toBeGreaterThanOrEqual(ratio(expected) - 1e-12);
  });
  it("holds upper bounds", async () => {
    const capped = await maxEvarRatio(returns, { bounds: [0, 0.25] });
    expect(Math.max(...capped.weights.values)).toBeLessThanOrEqual(0.25 + 1e-10);
    expect(capped.weights.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
