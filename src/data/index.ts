export * from "./raw";
export * as synthetic from "./synthetic/index";
export { generateMarket, type SyntheticMarket, type Instrument } from "./synthetic/index";
export * as sources from "./sources/index";
export * as sql from "./sql/index";
export { WorkbookDatabase, buildCanonicalData, buildFromSources, readPrices, readFundamentals, assertReconciled, reconcile } from "./sql/index";
export { monthlyCoverage, type MonthlyCoverage } from "./monthly-coverage";
