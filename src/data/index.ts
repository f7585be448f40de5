export * from "./raw";
export * as synthetic from "./synthetic";
export { generateMarket, type SyntheticMarket, type Instrument } from "./synthetic";
export * as sources from "./sources";
export * as sql from "./sql";
export { WorkbookDatabase, buildCanonicalData, buildFromSources, readPrices, readFundamentals, assertReconciled, reconcile } from "./sql";
