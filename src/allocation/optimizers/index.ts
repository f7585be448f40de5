/** Portfolio optimisers: covariance (and later expected returns) in, labelled weights out. */
export { minVolatility, MIN_VOLATILITY_RIDGE } from "./min-volatility";
export type { MinVolatilityOptions } from "./min-volatility";
export { cleanWeights, DEFAULT_WEIGHT_CUTOFF } from "./clean-weights";
export type { CleanWeightsOptions } from "./clean-weights";
export { resolveWeightBounds, LONG_ONLY_BOUNDS } from "./weight-bounds";
export type { WeightBounds, ResolvedWeightBounds } from "./weight-bounds";
