/** Stacking: base models combined by meta-models on out-of-fold forecasts. */
export * from "./stacked-ensemble";
