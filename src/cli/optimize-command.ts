/**
 * `npx workbook optimize`: optimised weights for a CSV of prices, from the command line.
 */
import { choiceOption, command, numberOption, type Fail } from "./command-line";
import { CLUSTER_RISK_MEASURES, portfolios, RISK_MEASURES, type Portfolio, type RiskMeasure } from "../optimise/index";
import { prior, riskModels, type Prior, type RiskModel } from "../moments/index";
import { tableText } from "../report/index";
import { InputError } from "../core/index";
import type { DateTable, LabelledMatrix } from "../core/index";
import { loadPrices } from "./backtest-command";

/** The methods `--method` accepts. */
export const OPTIMIZE_METHODS = [
  "min-volatility",
  "max-sharpe",
  "max-quadratic-utility",
  "efficient-return",
  "efficient-risk",
  "hrp",
  "risk-parity",
  "herc",
  "nco",
  "min-cvar",
  "min-risk",
  "max-ratio",
] as const;

/** One of {@link OPTIMIZE_METHODS}. */
export type OptimizeMethod = (typeof OPTIMIZE_METHODS)[number];

/** The risk models `--cov` accepts. */
export const OPTIMIZE_COVARIANCES = ["sample", "ledoit-wolf", "exp"] as const;

/** Methods that take `--bounds` (the others have no weight bounds). */
const BOUNDED: readonly OptimizeMethod[] = ["min-volatility", "max-sharpe", "max-quadratic-utility", "efficient-return", "efficient-risk", "min-cvar", "min-risk", "max-ratio", "hrp", "herc", "nco"];

/** The measures of the hierarchical methods' cluster split (`volatility` is their `standardDeviation`). */
const CLUSTER_MEASURES: readonly string[] = ["volatility", ...CLUSTER_RISK_MEASURES];

/** Every name `--risk-measure` accepts; which ones a method takes is checked with the method. */
const MEASURE_NAMES: readonly string[] = [...new Set([...RISK_MEASURES, ...CLUSTER_MEASURES])];

/** The measures each method takes with `--risk-measure`. */
const MEASURES_OF: Partial<Record<OptimizeMethod, readonly string[]>> = {
  "min-risk": RISK_MEASURES,
  "max-ratio": RISK_MEASURES,
  "risk-parity": RISK_MEASURES,
  hrp: CLUSTER_MEASURES,
  herc: CLUSTER_MEASURES,
};

/** The command's options: each flag's value, help and check, from which `--help` and the parser are made. */
const OPTIMIZE = command({
  name: "optimize",
  synopsis: "--prices FILE.csv --method METHOD [options]",
  description: `Optimises portfolio weights on a CSV of daily prices and prints them with the portfolio's expected return,
volatility and Sharpe ratio (annual; 252 trading days a year). Expected returns are the geometric mean of the
historical daily returns, annualised (PyPortfolioOpt's mean_historical_return).`,
  options: {
    prices: { value: "FILE.csv", help: "prices, wide (a date column, one column per ticker, blank before a ticker lists) or\nlong; loaded through the canonical build, so bad rows are rejected with reasons (required)" },
    method: choiceOption("METHOD", OPTIMIZE_METHODS, `one of (required):
  min-volatility         lowest volatility
  max-sharpe             highest Sharpe ratio (uses --risk-free-rate)
  max-quadratic-utility  highest μᵀw − (A/2)·wᵀΣw (uses --risk-aversion)
  efficient-return       lowest volatility for an expected return ≥ --target
  efficient-risk         highest return for a volatility ≤ --target
  hrp                    hierarchical risk parity (on the --cov covariance; --risk-measure for the split)
  risk-parity            equal risk contributions (of --risk-measure; default volatility)
  herc                   hierarchical equal risk contribution (skfolio's HERC)
  nco                    nested clustered optimisation (min variance inside and across clusters, skfolio's NCO)
  min-cvar               lowest historical CVaR at 95 % of the daily returns
  min-risk               lowest risk under --risk-measure
  max-ratio              highest excess return per unit of --risk-measure risk`, {
      code: "UNKNOWN_METHOD",
      message: (m) => `unknown method "${m}"; choose one of ${OPTIMIZE_METHODS.join(", ")}`,
    }),
    riskMeasure: choiceOption("NAME", MEASURE_NAMES, `the measure of min-risk and max-ratio (required for them): ${RISK_MEASURES.join(", ")};\nof risk-parity (default volatility), the same; of the cluster split of hrp and herc: ${CLUSTER_MEASURES.join(", ")}\n(tail measures at 95 %; see the README's measure table)`, {
      code: "UNKNOWN_MEASURE",
      message: (m, flag) => `${flag} takes one of ${MEASURE_NAMES.join(", ")}, got "${m}"`,
    }),
    riskFreeRate: numberOption("R", "annual risk-free rate of the Sharpe ratio (and of max-sharpe), e.g. 0.02 (default 0)", (x) => x > -1 && x < 1, "an annual rate as a fraction, e.g. 0.02"),
    target: numberOption("X", "efficient-return: annual expected return, e.g. 0.12; efficient-risk: annual\nvolatility, e.g. 0.15 (required for those two, refused by the others)", () => true, "an annual return or volatility as a fraction, e.g. 0.15"),
    riskAversion: numberOption("A", "max-quadratic-utility's risk aversion A > 0 (default 1)", (x) => x > 0, "a number > 0, e.g. 2"),
    bounds: {
      value: "LO,HI",
      help: "bounds of every weight, e.g. 0,0.3 or -0.2,1 (default 0,1: long only); not for\nhrp and risk-parity",
      read: (raw: string, flag: string, fail: Fail): readonly [number, number] => {
        const parts = raw.split(",");
        const pair = parts.map((p) => (p.trim() === "" ? NaN : Number(p)));
        if (parts.length !== 2 || !pair.every(Number.isFinite) || !(pair[0]! < pair[1]!) || pair[1]! <= 0) {
          throw fail("BAD_FLAG_VALUE", `--bounds takes LO,HI with LO < HI and HI > 0, e.g. 0,0.3, got "${raw}"`, { flag, value: raw });
        }
        return [pair[0]!, pair[1]!];
      },
    },
    cov: choiceOption("MODEL", OPTIMIZE_COVARIANCES, "the covariance: sample (default), ledoit-wolf (shrunk to constant variance) or exp\n(exponentially weighted, span 180 days)"),
  },
  exitCodes: "0 done, 2 bad flags, a bad file or an infeasible request (the message says which and why)",
});

/**
 * The text of `npx workbook optimize --help`: every flag, its default, and the exit codes (generated from the
 * command's options). With `--json` it prints {"weights": {TICKER: w, …}, "performance": {"expectedReturn",
 * "volatility", "sharpe"}}.
 */
export const OPTIMIZE_USAGE = OPTIMIZE.usage;

/** Parsed `npx workbook optimize` arguments. */
export interface OptimizeArgs {
  readonly prices: string | null;
  readonly method: OptimizeMethod | null;
  readonly riskFreeRate: number;
  readonly target: number | null;
  readonly riskAversion: number | null;
  readonly bounds: readonly [number, number] | null;
  readonly cov: (typeof OPTIMIZE_COVARIANCES)[number];
  readonly riskMeasure: string | null;
  readonly json: boolean;
  readonly help: boolean;
}

/** The result of an optimisation: weights by ticker and the portfolio's annual performance. */
export interface OptimizeResult {
  readonly weights: Record<string, number>;
  readonly performance: { readonly expectedReturn: number; readonly volatility: number; readonly sharpe: number };
}

const bad = OPTIMIZE.fail;

/**
 * Parses `npx workbook optimize` arguments (see {@link OPTIMIZE_USAGE}) and checks that the flags fit the method.
 *
 * @throws InputError UNKNOWN_FLAG, MISSING_VALUE, BAD_FLAG_VALUE, UNKNOWN_METHOD, MISSING_FLAG, FLAG_NOT_FOR_METHOD,
 *   naming the flag and the accepted values.
 * @example
 * ```ts
 * parseOptimizeArgs(["--prices", "p.csv", "--method", "efficient-risk", "--target", "0.15"]).target; // => 0.15
 * ```
 */
export function parseOptimizeArgs(argv: readonly string[]): OptimizeArgs {
  const { values: v, help, json } = OPTIMIZE.parse(argv);
  const a: OptimizeArgs = {
    prices: v.prices ?? null,
    method: v.method ?? null,
    riskFreeRate: v.riskFreeRate ?? 0,
    target: v.target ?? null,
    riskAversion: v.riskAversion ?? null,
    bounds: v.bounds ?? null,
    cov: v.cov ?? "sample",
    riskMeasure: v.riskMeasure ?? null,
    json,
    help,
  };
  if (a.help) return a;
  if (a.prices === null) throw bad("MISSING_FLAG", "--prices FILE.csv is required");
  if (a.method === null) throw bad("MISSING_FLAG", `--method is required; choose one of ${OPTIMIZE_METHODS.join(", ")}`);
  const targeted = a.method === "efficient-return" || a.method === "efficient-risk";
  if (targeted && a.target === null) {
    throw bad("MISSING_FLAG", `${a.method} needs --target (${a.method === "efficient-return" ? "an annual expected return, e.g. 0.12" : "an annual volatility, e.g. 0.15"})`, { method: a.method });
  }
  if (!targeted && a.target !== null) throw bad("FLAG_NOT_FOR_METHOD", `--target is for efficient-return and efficient-risk, not ${a.method}`, { method: a.method });
  if (a.riskAversion !== null && a.method !== "max-quadratic-utility") {
    throw bad("FLAG_NOT_FOR_METHOD", `--risk-aversion is for max-quadratic-utility, not ${a.method}`, { method: a.method });
  }
  const measured = a.method === "min-risk" || a.method === "max-ratio";
  if (measured && a.riskMeasure === null) {
    throw bad("MISSING_FLAG", `${a.method} needs --risk-measure, one of ${RISK_MEASURES.join(", ")}`, { method: a.method });
  }
  const accepted = MEASURES_OF[a.method];
  if (a.riskMeasure !== null && accepted === undefined) {
    throw bad("FLAG_NOT_FOR_METHOD", `--risk-measure is for ${Object.keys(MEASURES_OF).join(", ")}, not ${a.method}`, { method: a.method });
  }
  if (a.riskMeasure !== null && accepted !== undefined && !accepted.includes(a.riskMeasure)) {
    throw bad("UNKNOWN_MEASURE", `--risk-measure takes one of ${accepted.join(", ")} for ${a.method}, got "${a.riskMeasure}"`, { method: a.method, value: a.riskMeasure });
  }
  if (a.bounds !== null && !BOUNDED.includes(a.method)) throw bad("FLAG_NOT_FOR_METHOD", `--bounds does not apply to ${a.method} (it has no weight bounds)`, { method: a.method });
  return a;
}

/** The options of hrp and herc: the cluster split's measure (volatility is their standard deviation) and bounds. */
function clusterOptions(args: OptimizeArgs): { riskMeasure?: (typeof CLUSTER_RISK_MEASURES)[number]; bounds?: readonly [number, number] } {
  const measure = args.riskMeasure === "volatility" ? "standardDeviation" : args.riskMeasure;
  return {
    ...(measure === null ? {} : { riskMeasure: measure as (typeof CLUSTER_RISK_MEASURES)[number] }),
    ...(args.bounds === null ? {} : { bounds: args.bounds }),
  };
}

/**
 * The covariance `--cov` names, annualised, estimated from the prices.
 *
 * @example
 * ```ts
 * covarianceFor("ledoit-wolf", prices).labels; // => prices.tickers
 * ```
 */
export function covarianceFor(model: OptimizeArgs["cov"], prices: DateTable): LabelledMatrix {
  return riskModelFor(model)(prices);
}

/**
 * The risk model `--cov` names, as an estimator passed to `prior`.
 *
 * @example
 * ```ts
 * prior(prices, { covariance: riskModelFor("ledoit-wolf") }).shrinkage; // the Ledoit-Wolf δ
 * ```
 */
export function riskModelFor(model: OptimizeArgs["cov"]): RiskModel {
  switch (model) {
    case "sample":
      return riskModels.sampleCovariance;
    case "ledoit-wolf":
      return riskModels.ledoitWolfConstantVariance;
    case "exp":
      return riskModels.exponentialCovariance;
  }
}

/**
 * Optimises weights for parsed arguments on loaded prices: the library call behind `npx workbook optimize`.
 *
 * @param args parsed arguments with a method (and a target for efficient-return / efficient-risk).
 * @param prices canonical prices, `nDates × nTickers`.
 * @returns a promise of the weights (every ticker, in the table's order) and the performance.
 * @throws InputError / InfeasibleError / NumericalError from the optimiser (e.g. a target out of reach).
 * @example
 * ```ts
 * await optimize(parseOptimizeArgs(["--prices", "p.csv", "--method", "hrp"]), prices);
 * // => { weights: { ACME: 0.21, … }, performance: { expectedReturn, volatility, sharpe } }
 * ```
 */
export async function optimize(args: OptimizeArgs, prices: DateTable): Promise<OptimizeResult> {
  const portfolio = await optimizePortfolio(args, prior(prices, { covariance: riskModelFor(args.cov) }));
  const p = portfolio.performance();
  return { weights: portfolio.weights.toObject(), performance: { expectedReturn: p.expectedReturn, volatility: p.volatility, sharpe: p.sharpe } };
}

/**
 * The portfolio the parsed arguments ask for, under a prior: the `(prior, options)` optimiser behind each
 * `--method`, the same hand-off the notebooks and the backtester use.
 *
 * @example
 * ```ts
 * (await optimizePortfolio(parseOptimizeArgs(["--prices", "p.csv", "--method", "hrp"]), prior(prices))).name; // => "HRP"
 * ```
 * @throws InputError / InfeasibleError / NumericalError from the optimiser (e.g. a target out of reach).
 */
export async function optimizePortfolio(args: OptimizeArgs, p: Prior): Promise<Portfolio> {
  const riskFreeRate = args.riskFreeRate;
  const shared = args.bounds === null ? { riskFreeRate } : { bounds: args.bounds, riskFreeRate };
  switch (args.method) {
    case "min-volatility":
      return portfolios.minVolatility(p, shared);
    case "max-sharpe":
      return portfolios.maxSharpe(p, shared);
    case "max-quadratic-utility":
      return portfolios.maxUtility(p, { ...shared, riskAversion: args.riskAversion ?? 1 });
    case "efficient-return":
      return portfolios.efficientReturn(p, { ...shared, target: targetOf(args) });
    case "efficient-risk":
      return portfolios.efficientRisk(p, { ...shared, target: targetOf(args) });
    case "hrp":
      return portfolios.hrp(p, { riskFreeRate, ...clusterOptions(args) });
    case "herc":
      return portfolios.herc(p, { riskFreeRate, ...clusterOptions(args) });
    case "nco":
      return await portfolios.nco(p, args.bounds === null ? { riskFreeRate } : { riskFreeRate, bounds: args.bounds });
    case "risk-parity":
      if (args.riskMeasure === null) return portfolios.riskParity(p, { riskFreeRate });
      return await portfolios.riskBudget(p, { riskFreeRate, measure: args.riskMeasure as RiskMeasure });
    case "min-cvar":
      return portfolios.minCvar(p, shared);
    case "min-risk":
      return portfolios.minRisk(p, { ...shared, measure: (args.riskMeasure ?? "volatility") as RiskMeasure });
    case "max-ratio":
      return portfolios.maxRatio(p, { ...shared, measure: (args.riskMeasure ?? "volatility") as RiskMeasure });
    default:
      throw bad("MISSING_FLAG", `--method is required; choose one of ${OPTIMIZE_METHODS.join(", ")}`);
  }
}

function targetOf(args: OptimizeArgs): number {
  if (args.target === null) throw bad("MISSING_FLAG", `${String(args.method)} needs --target`, { method: args.method });
  return args.target;
}

/**
 * Runs `npx workbook optimize`: loads the CSV through the canonical build (printing rejected rows on `err`),
 * optimises, and prints the weights and performance (a table, or JSON with `--json`).
 *
 * @returns 0 when done (typed errors propagate to `main`, which prints them and exits 2).
 * @throws InputError for bad flags; DataError for an unreadable or malformed file; InfeasibleError for a target out of reach.
 * @example
 * ```ts
 * await runOptimizeCommand(["--prices", "prices.csv", "--method", "max-sharpe", "--json"]); // => 0, prints {"weights": …}
 * ```
 */
export async function runOptimizeCommand(argv: readonly string[], out: (line: string) => void = (l) => console.log(l), err: (line: string) => void = (l) => console.error(l)): Promise<number> {
  const args = parseOptimizeArgs(argv);
  if (args.help) {
    out(OPTIMIZE_USAGE);
    return 0;
  }
  const { prices } = await loadPrices(args.prices!, err);
  const result = await optimize(args, prices);
  if (args.json) {
    out(JSON.stringify(result, null, 2));
    return 0;
  }
  const detail = args.target !== null ? `, target ${args.target}` : args.method === "max-quadratic-utility" ? `, risk aversion ${args.riskAversion ?? 1}` : args.riskMeasure !== null ? `, ${args.riskMeasure}` : "";
  out(`${args.method}${detail}, ${args.cov} covariance, ${prices.dates[0]} … ${prices.dates[prices.dates.length - 1]} (${prices.dates.length} days, ${prices.tickers.length} tickers)`);
  out("");
  const rows = Object.entries(result.weights)
    .sort((x, y) => y[1] - x[1])
    .map(([ticker, weight]) => ({ ticker, weight }));
  out(tableText(rows, { formats: { weight: { kind: "percent", decimals: 2 } }, maxRows: rows.length }));
  out("");
  const { expectedReturn, volatility, sharpe } = result.performance;
  out(`expected return ${(100 * expectedReturn).toFixed(2)} %   volatility ${(100 * volatility).toFixed(2)} %   Sharpe ${sharpe.toFixed(2)} (risk-free rate ${args.riskFreeRate})`);
  return 0;
}
