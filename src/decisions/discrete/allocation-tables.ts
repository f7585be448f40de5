/**
 * Whole-share allocations as tables: the orders of one allocation, and several allocations compared.
 */
import { table, tableOfRows, vector, type LabelledVector, type Table } from "../../core/index";
import type { DiscreteAllocationResult } from "./discrete-allocation";

/**
 * The orders of an allocation, largest position first: shares, price, value, and the value the target weights
 * asked for (money in the prices' currency).
 *
 * @param allocation a `discreteAllocation` result.
 * @param prices the prices it was made at (`latestPrices(prices)`).
 * @param target the target weights it was made from.
 * @param capital the money allocated.
 * @example
 * ```ts
 * allocationTable(exact, lastPrices, maxSharpe.weights, 1_000_000).head(10);
 * ```
 */
export function allocationTable(allocation: DiscreteAllocationResult, prices: LabelledVector, target: LabelledVector, capital: number): Table {
  const price = vector(prices, { unit: "money" });
  const goal = vector(target);
  const held = Object.keys(allocation.shares);
  const shares = vector(allocation.shares, { unit: "count" });
  const value = shares.map((n, t) => n * price.get(t), { unit: "money" });
  return table(
    { shares, price: price.pick(held), value, target: value.map((_, t) => goal.get(t) * capital, { unit: "money" }) },
    { caption: `${allocation.method} allocation of ${capital.toLocaleString("en-US")}; leftover cash ${allocation.leftover.toFixed(2)}` },
  ).sortBy("value");
}

/**
 * Several allocations of the same target compared: positions, leftover cash and the weight gap
 * Σ|allocated − target| (a fraction of capital).
 *
 * @example
 * ```ts
 * compareAllocations([exact, greedy], maxSharpe.weights);
 * ```
 */
export function compareAllocations(allocations: readonly DiscreteAllocationResult[], target: LabelledVector): Table {
  const goal = vector(target);
  const rows = allocations.map((a) => ({
    method: a.method,
    positions: Object.keys(a.shares).length,
    leftover: a.leftover,
    weightGap: vector(a.allocatedWeights).entries().reduce((s, [t, w]) => s + Math.abs(w - goal.getOr(t, 0)), 0),
  }));
  return tableOfRows(rows, { units: { positions: "count", leftover: "money", weightGap: "fraction" }, caption: "weight gap = Σ|allocated − target|" });
}
