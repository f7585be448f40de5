/**
 * allocation-workbook: portfolio-allocation research in TypeScript.
 *
 * The layers, bottom-up, as namespaces; each is also its own entry point (`allocation-workbook/moments`),
 * and a layer imports only the layers below it, through their `index.ts`:
 * - `core`: typed tables, errors, conventions, dates, progress, the seeded random generator
 * - `linalg`: factorisations, solves, eigen, the WebAssembly cross product
 * - `optim`: the quadratic and linear program solvers (quadprog, HiGHS, working-set QPs)
 * - `measures`: every risk and performance measure, pure functions
 * - `data`: sources (synthetic, vega-datasets, Yahoo, CSV/Parquet) and the DuckDB canonical tables
 * - `validation`: analyst checks, the review workbook and decisions applied to the modelling set
 * - `features`: the point-in-time feature store
 * - `models`: forests, linear models, the LSTM, walk-forward validation, metrics, drift
 * - `moments`: returns, expected returns, covariances, Black-Litterman
 * - `optimise`: the mean-variance family, CVaR, risk budgeting, HRP, constraints
 * - `decisions`: signals, risk profiles, explanation cards, whole shares, growth × confidence
 * - `stress`, `backtest`: scenarios in money; the walk-forward backtester and its trade log
 * - `report`: charts, tables, the dashboard's helpers
 * - `workbook`: the headless notebook runner and the HTML report
 *
 * @example
 * ```ts
 * import { data, moments, optimise } from "allocation-workbook";
 * const prices = data.generateMarket({ years: 5 }).prices;
 * optimise.minVolatility(moments.riskModels.sampleCovariance(prices)).labels.length; // => 43
 * ```
 */
export * as core from "./core/index";
export * as linalg from "./linalg/index";
export * as optim from "./optim/index";
export * as measures from "./measures/index";
export * as data from "./data/index";
export * as validation from "./validation/index";
export * as features from "./features/index";
export * as models from "./models/index";
export * as moments from "./moments/index";
export * as optimise from "./optimise/index";
export * as decisions from "./decisions/index";
export * as stress from "./stress/index";
export * as backtest from "./backtest/index";
export * as report from "./report/index";
export * as workbook from "./workbook/index";
export * as sweep from "./sweep/index";
