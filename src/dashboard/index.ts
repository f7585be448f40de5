/**
 * The dashboard's small helpers: weights laid out from a record, summed by group, and turned into actionable
 * sentences ("Rebalance now: increase bonds (LTBX, STBX) from 20.0 % to 35.0 %"). Pure functions; notebook 08 uses them.
 *
 * @example
 * ```ts
 * import { labelledWeights, groupWeights } from "./src/dashboard/index";
 * groupWeights(labelledWeights(["LTBX", "MKTIDX"], { MKTIDX: 0.6, LTBX: 0.4 }), { LTBX: "bond", MKTIDX: "index" }).values;
 * // => Float64Array [0.4, 0.6]
 * ```
 */
export { labelledWeights } from "./labelled-weights";
export { groupWeights } from "./group-weights";
export { actionableItems, DEFAULT_GROUP_GAP, type ActionableItem, type ActionableItemsOptions } from "./actionable-items";
