/**
 * allocation-workbook: portfolio-allocation research in TypeScript.
 *
 * The layers, as namespaces (notebooks import a layer's barrel directly, e.g. `./src/allocation/index`):
 * - `core`: typed tables, errors, conventions, the seeded random generator
 * - `data`: sources (synthetic, vega-datasets, Yahoo, CSV/Parquet) and the DuckDB canonical tables
 * - `validation`: analyst checks, the review workbook and decisions applied to the modelling set
 * - `allocation`: expected returns, risk models, optimisers
 * - `dashboard`: the decision view's helpers (weights by group, actionable items)
 * - `charts`: plotly figures as typed JSON, `show` and `showTable` for notebooks
 * - `workbook`: the headless notebook runner and the HTML report
 *
 * @example
 * ```ts
 * import { data, allocation } from "allocation-workbook";
 * const prices = data.generateMarket({ years: 5 }).prices;
 * allocation.minVolatility(allocation.riskModels.sampleCovariance(prices)).labels.length; // => 43
 * ```
 */
export * as core from "./core/index";
export * as data from "./data/index";
export * as validation from "./validation/index";
export * as features from "./features/index";
export * as models from "./models/index";
export * as allocation from "./allocation/index";
export * as risk from "./risk/index";
export * as stress from "./stress/index";
export * as backtest from "./backtest/index";
export * as dashboard from "./dashboard/index";
export * as charts from "./charts/index";
export * as workbook from "./workbook/index";
