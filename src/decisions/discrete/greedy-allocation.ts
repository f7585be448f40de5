/**
 * Greedy discrete allocation, as PyPortfolioOpt's `DiscreteAllocation.greedy_portfolio()`.
 */
import type { DiscreteAllocationMethod, DiscreteAllocationProblem } from "./discrete-allocation-method";

/**
 * Greedy discrete allocation (PyPortfolioOpt's `greedy_portfolio`, long only), in two rounds:
 * 1. in order of decreasing weight (ties in input order), buy `⌊wᵢ·V / pᵢ⌋` shares of each ticker;
 * 2. then, one share at a time, buy the ticker whose weight among the shares held so far, `pᵢxᵢ / Σ pⱼxⱼ`, falls
 *    furthest below its target `wᵢ`, skipping those whose share costs more than the cash left; stop when no
 *    underweight ticker is affordable.
 *
 * Differences from PyPortfolioOpt: when round 1 bought nothing, the current weights are taken as 0 (PyPortfolioOpt
 * divides by zero), and the search for an affordable underweight ticker is not cut off after 10 tries.
 *
 * Fast (O(m) per share bought in round 2) but not optimal: {@link integerAllocation} solves the problem exactly.
 *
 * @example
 * ```ts
 * await discreteAllocation(weights({ A: 0.5, B: 0.5 }), prices({ A: 30, B: 70 }), 1000, { method: greedyAllocation });
 * // => { shares: { A: 17, B: 7 }, leftover: 0, method: "greedy", … }
 * // round 1: A ⌊500/30⌋ = 16 (480), B ⌊500/70⌋ = 7 (490), cash 30; round 2: A is at 480/970 = 0.495 < 0.5 → buy one A
 * ```
 */
export const greedyAllocation: DiscreteAllocationMethod = Object.freeze({
  name: "greedy",
  allocate(problem: DiscreteAllocationProblem): number[] {
    const { weights, prices, totalValue } = problem;
    const m = weights.length;
    const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
    const shares = new Array<number>(m).fill(0);
    let cash = totalValue;
    for (const i of order) {
      const n = Math.floor((weights[i]! * totalValue) / prices[i]!);
      shares[i] = n;
      cash -= n * prices[i]!;
    }
    // Round 2: at most ⌊cash / cheapest⌋ purchases.
    for (;;) {
      let invested = 0;
      for (let i = 0; i < m; i++) invested += shares[i]! * prices[i]!;
      let best = -1;
      let bestDeficit = 0;
      for (const i of order) {
        if (prices[i]! > cash + 1e-9 * totalValue) continue;
        const current = invested > 0 ? (shares[i]! * prices[i]!) / invested : 0;
        const deficit = weights[i]! - current;
        if (deficit > bestDeficit) {
          best = i;
          bestDeficit = deficit;
        }
      }
      if (best < 0) break;
      shares[best] = shares[best]! + 1;
      cash -= prices[best]!;
    }
    return shares;
  },
});
