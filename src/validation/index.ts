/**
 * The analyst validation layer: checks that flag what looks wrong in the canonical data, an
 * Excel workbook to review them in, and the analyst's decisions applied back to the modelling set.
 */
export * from "./settings";
export * from "./finding";
export * from "./earnings-sanity";
export * from "./restatements";
export * from "./missing-years";
export * from "./price-series";
export * from "./price-gaps";
export * from "./stale-prices";
export * from "./outlier-returns";
export * from "./unadjusted-splits";
export * from "./robust-scale";
export * from "./profitability-growth";
export * from "./stability";
export * from "./run-checks";
export * from "./fiscal-period-end";
export * from "./format";
export * from "./escape-formula-text";
export * from "./xml-safe-text";
export * from "./decision-sheet-error";
export * from "./review-layout";
export * from "./review-workbook";
export * from "./read-review-workbook";
export * from "./mark-review-workbook";
export * from "./recorded-decisions";
export * from "./derived-metrics";
export * from "./apply-decisions";
export * from "./apply-workbook-decisions";
export * from "./modelling-set";
export * from "./planted-defects";
export { settingsTable } from "./settings-table";
export { findingsTable, findingsByRule, type FindingsTableOptions } from "./findings-table";
export { firstFinding } from "./first-finding";
export { previousClose } from "./previous-close";
export { markFor, decisionMarksTable, type MarkDetails } from "./decision-marks";
export { decisionsTable } from "./decisions-table";
export { plantedDefectCounts, plantedDefectTable, type PlantedDefectTableOptions } from "./planted-defect-tables";
export { unexplainedFindings } from "./unexplained-findings";
export { stabilityTable, type StabilityTableOptions } from "./stability-table";
export { decisionEffects, type FundamentalsAndPrices } from "./decision-effects";
