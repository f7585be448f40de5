/**
 * Properties of the optimisers on thousands of generated problems (fixed seeds, so every run sees the same cases):
 * weights sum to one and respect bounds and sector caps; minimum volatility is never beaten by a random feasible
 * portfolio (and satisfies its optimality conditions); the frontier's volatility rises with its target return;
 * maximum Sharpe is never beaten by a frontier point or a random portfolio; HRP and risk parity give positive
 * weights summing to one, and risk parity's contributions match its budgets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { efficientFrontier, equalRiskContribution, hierarchicalRiskParity, maxSharpe, minVolatility, riskBudgeting, sectorLimits } from "../../src/optimise/index";
import * as linearAlgebra from "../../src/linalg/index";
import { riskContributions } from "../../src/measures/index";
import { InfeasibleError, InputError, NumericalError } from "../../src/core/errors";
import { createRng } from "../../src/core/random";
import type { LabelledVector } from "../../src/core/frame";
import { check } from "./helpers/check";
import { covarianceCase, type CovarianceCase, dot, tickers, randomBoundedPortfolio, randomBounds, randomSimplex, sum, variance } from "./helpers/arbitraries";

/** Bounds and cleaning move a weight by ≤ 1e-8; the sums must hold to this. */
const WEIGHT_TOLERANCE = 1e-9;
/** Relative slack on a variance or Sharpe comparison (ridge 1e-10, cutoff 1e-8 and solver round-off). */
const RELATIVE_SLACK = 1e-7;

function expectFullyInvested(w: Float64Array, lower?: ArrayLike<number>, upper?: ArrayLike<number>): void {
  expect(Math.abs(sum(w) - 1)).toBeLessThan(WEIGHT_TOLERANCE);
  for (let i = 0; i < w.length; i++) {
    expect(Number.isFinite(w[i]!)).toBe(true);
    expect(w[i]!).toBeGreaterThanOrEqual((lower?.[i] ?? 0) - WEIGHT_TOLERANCE);
    expect(w[i]!).toBeLessThanOrEqual((upper?.[i] ?? 1) + WEIGHT_TOLERANCE);
  }
}

describe("minVolatility", () => {
  it("weights sum to one within their bounds, and no random feasible portfolio has a lower variance (2,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(2, 8), fc.boolean(), (c, bounded) => {
        const { lower, upper, pairs } = bounded ? randomBounds(c.rng, c.n) : { lower: new Float64Array(c.n), upper: new Float64Array(c.n).fill(1), pairs: undefined };
        const w = minVolatility(c.cov, pairs ? { bounds: pairs } : {}).values;
        expectFullyInvested(w, lower, upper);
        const best = variance(c.cov.values, w);
        const slack = RELATIVE_SLACK * best + 1e-10;
        for (let k = 0; k < 20; k++) {
          const r = randomBoundedPortfolio(c.rng, lower, upper);
          expect(best).toBeLessThanOrEqual(variance(c.cov.values, r) + slack);
        }
        // Optimality (KKT for box + budget): moving weight from i (above its floor) to j (below its cap) never lowers
        // the variance, i.e. the marginal variances satisfy (Σw)ⱼ ≥ (Σw)ᵢ.
        const n = c.n;
        const marginal = Array.from({ length: n }, (_, i) => dot(c.cov.values.subarray(i * n, i * n + n), w));
        let scale = 0;
        for (let i = 0; i < n; i++) scale = Math.max(scale, c.cov.values[i * n + i]!);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (i !== j && w[i]! > lower[i]! + 1e-7 && w[j]! < upper[j]! - 1e-7) {
              check(marginal[j]! - marginal[i]! > -1e-6 * scale, () => `moving weight from ${c.labels[i]} to ${c.labels[j]} lowers the variance`);
            }
          }
        }
      }),
      { numRuns: 2_000, seed: 9_001 },
    );
  });

  it("keeps sector caps, and no random portfolio within the caps has a lower variance (1,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(3, 8), fc.integer({ min: 2, max: 3 }), (c, nSectors) => {
        const sectorOf: Record<string, string> = {};
        c.labels.forEach((label, i) => (sectorOf[label] = `S${i % nSectors}`));
        // Caps between the sector's fair share and all of it; together they always reach 1.
        const caps: Record<string, number> = {};
        for (let s = 0; s < nSectors; s++) caps[`S${s}`] = Math.min(1, 1 / nSectors + 0.05 + 0.5 * c.rng.next());
        const w = minVolatility(c.cov, { constraints: [sectorLimits({ sectorOf, caps })] }).values;
        expectFullyInvested(w);
        const sectorSum = (x: ArrayLike<number>, s: number) => c.labels.reduce((acc, label, i) => acc + (sectorOf[label] === `S${s}` ? x[i]! : 0), 0);
        for (let s = 0; s < nSectors; s++) expect(sectorSum(w, s)).toBeLessThanOrEqual(caps[`S${s}`]! + WEIGHT_TOLERANCE);
        const best = variance(c.cov.values, w);
        for (let k = 0; k < 40; k++) {
          const r = randomSimplex(c.rng, c.n);
          let inside = true;
          for (let s = 0; s < nSectors; s++) if (sectorSum(r, s) > caps[`S${s}`]!) inside = false;
          if (inside) expect(best).toBeLessThanOrEqual(variance(c.cov.values, r) * (1 + RELATIVE_SLACK) + 1e-10);
        }
      }),
      { numRuns: 1_000, seed: 9_002 },
    );
  });
});

describe("efficientFrontier and maxSharpe", () => {
  it("the frontier's volatility and return rise together, each point fully invested (1,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(2, 7), (c) => {
        const frontier = efficientFrontier(c.mu, c.cov, { points: 6 });
        expect(frontier).toHaveLength(6);
        for (const p of frontier) expectFullyInvested(p.weights.values);
        for (let k = 1; k < frontier.length; k++) {
          const [a, b] = [frontier[k - 1]!, frontier[k]!];
          expect(b.expectedReturn).toBeGreaterThanOrEqual(a.expectedReturn - 1e-9 * (1 + Math.abs(a.expectedReturn)));
          expect(b.volatility).toBeGreaterThanOrEqual(a.volatility * (1 - 1e-6) - 1e-9);
        }
      }),
      { numRuns: 1_000, seed: 9_003 },
    );
  });

  it("maximum Sharpe is beaten by no frontier point and no random portfolio (1,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(2, 7), fc.constantFrom(0, 0.01, 0.03), (c, riskFreeRate) => {
        let best = 0;
        for (let i = 1; i < c.n; i++) if (c.mu.values[i]! > c.mu.values[best]!) best = i;
        if (!(c.mu.values[best]! > riskFreeRate)) {
          // Nothing beats the risk-free rate: a typed refusal, never a number.
          expect(() => maxSharpe(c.mu, c.cov, { riskFreeRate })).toThrow(InfeasibleError);
          return;
        }
        if (c.mu.values[best]! < riskFreeRate + 1e-3) return; // barely above: Sharpe ratios near 0, comparisons meaningless
        const w = maxSharpe(c.mu, c.cov, { riskFreeRate }).values;
        expectFullyInvested(w);
        const sharpe = (x: ArrayLike<number>) => (dot(c.mu.values, x) - riskFreeRate) / Math.sqrt(variance(c.cov.values, x));
        const top = sharpe(w);
        expect(Number.isFinite(top)).toBe(true);
        const slack = (s: number) => 1e-6 * Math.abs(s) + 1e-6;
        for (const p of efficientFrontier(c.mu, c.cov, { points: 8, riskFreeRate })) {
          if (p.volatility > 1e-9) expect(top).toBeGreaterThanOrEqual(p.sharpe - slack(p.sharpe));
        }
        for (let k = 0; k < 20; k++) {
          const r = randomSimplex(c.rng, c.n);
          const s = sharpe(r);
          expect(top).toBeGreaterThanOrEqual(s - slack(s));
        }
      }),
      { numRuns: 1_000, seed: 9_004 },
    );
  });

  it("maximum Sharpe keeps bounds and sector caps (1,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(3, 7), (c) => {
        const mu = { labels: c.mu.labels, values: c.mu.values.map((x) => Math.abs(x) + 0.01) };
        const { lower, upper, pairs } = randomBounds(c.rng, c.n);
        const sectorOf: Record<string, string> = {};
        c.labels.forEach((label, i) => (sectorOf[label] = i % 2 === 0 ? "Even" : "Odd"));
        const cap = 0.55 + 0.4 * c.rng.next();
        let w: Float64Array;
        try {
          w = maxSharpe(mu, c.cov, { bounds: pairs, constraints: [sectorLimits({ sectorOf, caps: { Even: cap } })] }).values;
        } catch (e) {
          // The floors of the odd assets and the cap on the even ones can leave no portfolio: a typed refusal.
          expect(e).toBeInstanceOf(InfeasibleError);
          return;
        }
        expectFullyInvested(w, lower, upper);
        const even = c.labels.reduce((acc, _, i) => acc + (i % 2 === 0 ? w[i]! : 0), 0);
        expect(even).toBeLessThanOrEqual(cap + WEIGHT_TOLERANCE);
      }),
      { numRuns: 1_000, seed: 9_005 },
    );
  });
});

describe("hierarchicalRiskParity and risk parity", () => {
  it("HRP weights are positive and sum to one (3,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(1, 10), (c) => {
        const { weights, order } = hierarchicalRiskParity({ cov: c.cov });
        expect(weights.labels).toEqual(c.labels);
        expect([...order].sort()).toEqual([...c.labels].sort());
        expect(Math.abs(sum(weights.values) - 1)).toBeLessThan(1e-12);
        for (const x of weights.values) expect(x).toBeGreaterThan(0);
      }),
      { numRuns: 3_000, seed: 9_006 },
    );
  });

  /** Risk parity (equal or random budgets), or `undefined` when Newton's method gave up with a typed NumericalError. */
  function riskParity(c: CovarianceCase, equal: boolean): { w: LabelledVector; budgets: Record<string, number> } | undefined {
    const budgets: Record<string, number> = {};
    c.labels.forEach((label) => (budgets[label] = 0.2 + c.rng.next()));
    try {
      return { w: equal ? equalRiskContribution(c.cov) : riskBudgeting(c.cov, { budgets }), budgets };
    } catch (e) {
      expect(e).toBeInstanceOf(NumericalError);
      expect((e as NumericalError).code).toBe("NO_CONVERGENCE");
      return undefined;
    }
  }

  it("risk parity weights are positive, sum to one, and give each asset its risk budget, or a typed refusal (3,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(1, 10), fc.boolean(), (c, equal) => {
        const solved = riskParity(c, equal);
        if (!solved) return;
        const { w, budgets } = solved;
        expect(Math.abs(sum(w.values) - 1)).toBeLessThan(1e-12);
        for (const x of w.values) expect(x).toBeGreaterThan(0);
        const total = Object.values(budgets).reduce((a, b) => a + b, 0);
        const rc = riskContributions(w, c.cov).values;
        c.labels.forEach((label, i) => expect(Math.abs(rc[i]! - (equal ? 1 / c.n : budgets[label]! / total))).toBeLessThan(1e-8));
      }),
      { numRuns: 3_000, seed: 9_007 },
    );
  });

  // Known bug (reported; src/allocation is not ours to edit): given an indefinite matrix whose pairwise correlations are
  // all valid (|ρ| < 1, unit variances), HRP does not check it, a cluster's variance comes out negative and the weights
  // go negative (e.g. −0.37, −0.25, 0.90, …), still summing to one. It should refuse the matrix (InputError, "repair it
  // with fixNonpositiveSemidefinite") or repair it. riskBudgeting also accepts such a matrix without a word.
  it("HRP refuses, or gives positive weights for, a covariance that is not positive semidefinite (1,000 cases)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        const rng = createRng(seed);
        const values = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          values[i * n + i] = 1;
          for (let j = 0; j < i; j++) values[i * n + j] = values[j * n + i] = rng.uniform(-0.98, 0.98);
        }
        if (linearAlgebra.symmetricEigen(values, n).values[0]! >= 0) return;
        let weights: Float64Array;
        try {
          weights = hierarchicalRiskParity({ cov: { labels: tickers(n), values } }).weights.values;
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          return;
        }
        for (const w of weights) expect(w).toBeGreaterThan(0);
      }),
      { numRuns: 1_000, seed: 9_009 },
    );
  });

  // Known bug (reported, src/allocation is not ours to edit): Newton's method stops with NO_CONVERGENCE on about
  // 6 % of these positive-definite covariances, some with a condition number below 10. Its Armijo test rejects every
  // step once the objective's decrease is below round-off, and the fixed 1e-10 tolerance on the contributions is
  // below what double precision gives for condition numbers above about 1e5.
  it("risk parity converges on every positive-definite covariance with a condition number below 1e4 (3,000 cases)", () => {
    fc.assert(
      fc.property(covarianceCase(2, 10), fc.boolean(), (c, equal) => {
        const eigen = linearAlgebra.symmetricEigen(c.cov.values, c.n).values;
        if (eigen[c.n - 1]! / eigen[0]! > 1e4) return;
        expect(riskParity(c, equal)).toBeDefined();
      }),
      { numRuns: 3_000, seed: 9_008 },
    );
  });
});
