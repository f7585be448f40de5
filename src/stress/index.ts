/**
 * The stress layer: what today's portfolio would lose, in money, under scenarios.
 *
 * - **historical**: date ranges replayed on today's weights (`historicalWindow`, `regimeScenarios`, `worstWindow`,
 *   `findWorstWindows`);
 * - **hypothetical**: shocks (`assetClassShock`, `rateShock`, `marketShock`, `combinedShock`) and stressed risk
 *   (`volatilityShock`, `correlationShock`, `covarianceStress`);
 * - **Monte Carlo**: seeded simulations of the horizon P&L (`bootstrapSimulation`, `studentTSimulation`).
 *
 * Every scenario is a {@link Scenario} object, run by {@link runStressTest}; results report **losses as
 * positive amounts of money**, by holding and in total. Distributional scenarios report their CVaR as the loss.
 *
 * @example
 * ```ts
 * import { runStressTest, rateShock } from "./src/stress/index";
 * const portfolio = { weights, capital: 1_000_000 };
 * runStressTest(rateShock({ basisPoints: 200 }), portfolio, { prices: market.prices, instruments: market.instruments }).totalLoss;
 * // => 92500 for notebook 06's portfolio (25 % in the 16-year and 25 % in the 2.5-year bond fund)
 * ```
 */
export type { StressPortfolio } from "./stress-portfolio";
export { checkStressPortfolio, WEIGHT_SUM_TOLERANCE } from "./stress-portfolio";
export type { StressContext, PortfolioHistory } from "./stress-context";
export { preparePortfolioHistory } from "./stress-context";
export type { Scenario, ScenarioKind, ScenarioOutcome, ScenarioTail, StressWindow } from "./scenario";
export { runStressTest, runStressTests } from "./run-stress-test";
export type { StressResult, StressTail } from "./run-stress-test";
export { historicalWindow } from "./historical-window";
export type { HistoricalWindowOptions } from "./historical-window";
export { regimeScenarios } from "./regime-scenarios";
export { findWorstWindows, worstWindow } from "./worst-windows";
export type { HistoricalWindowReturn, WorstWindowsOptions, WorstWindowOptions } from "./worst-windows";
export { assetClassShock } from "./asset-class-shock";
export type { AssetClassShockOptions } from "./asset-class-shock";
export { rateShock } from "./rate-shock";
export type { RateShockOptions } from "./rate-shock";
export { marketShock } from "./market-shock";
export type { MarketShockOptions } from "./market-shock";
export { combinedShock } from "./combined-shock";
export type { CombinedShockOptions } from "./combined-shock";
export { covarianceStress, volatilityShock, correlationShock, scaleVolatilities, setCorrelations } from "./covariance-stress";
export type { CovarianceTransform, CovarianceStressOptions, VolatilityShockOptions, CorrelationShockOptions } from "./covariance-stress";
export { bootstrapSimulation } from "./bootstrap-simulation";
export type { BootstrapSimulationOptions } from "./bootstrap-simulation";
export { studentTSimulation } from "./student-t-simulation";
export type { StudentTSimulationOptions } from "./student-t-simulation";
export type { SimulationOptions } from "./simulated-outcome";
export { stressTable } from "./stress-table";
export type { StressTableRow } from "./stress-table";
export { lossTable } from "./loss-table";
export { tailTable } from "./tail-table";
export { stressNotes } from "./stress-notes";
