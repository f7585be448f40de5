/** The growth × confidence allocation: weights from the modelling layer's forecasts, within risk limits. */
export { growthConfidenceAllocation } from "./growth-confidence-allocation";
export type { GrowthConfidenceOptions } from "./growth-confidence-allocation";
export { capWeights } from "./cap-weights";
export { blendToVolatility } from "./blend-to-volatility";
export { growthConfidenceSteps, type GrowthConfidenceSteps, type GrowthConfidenceInput } from "./growth-confidence-allocation";
