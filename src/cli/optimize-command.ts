/**
 * `npx workbook optimize`: optimised weights for a CSV of prices, from the command line.
 */
import { readFlags } from "./read-flags";
import { portfolios, RISK_MEASURES, type Portfolio, type RiskMeasure } from "../optimise/index";
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
  "min-cvar",
  "min-risk",
  "max-ratio",
] as const;

/** One of {@link OPTIMIZE_METHODS}. */
export type OptimizeMethod = (typeof OPTIMIZE_METHODS)[number];

/** The risk models `--cov` accepts. */
export const OPTIMIZE_COVARIANCES = ["sample", "ledoit-wolf", "exp"] as const;

/** Methods that take `--bounds` (the others have no weight bounds). */
const BOUNDED: readonly OptimizeMethod[] = ["min-volatility", "max-sharpe", "max-quadratic-utility", "efficient-return", "efficient-risk", "min-cvar", "min-risk", "max-ratio"];

/** The text of `npx workbook optimize --help`: every flag, its default, and the exit codes. */
export const OPTIMIZE_USAGE = `Usage: npx workbook optimize --prices FILE.csv --method METHOD [options]

Optimises portfolio weights on a CSV of daily prices and prints them with the portfolio's expected return,
volatility and Sharpe ratio (annual; 252 trading days a year). Expected returns are the geometric mean of the
historical daily returns, annualised (PyPortfolioOpt's mean_historical_return).

  --prices FILE.csv       prices, wide (a date column, one column per ticker, blank before a ticker lists) or
                          long; loaded through the canonical build, so bad rows are rejected with reasons (required)
  --method METHOD         one of (required):
                            min-volatility         lowest volatility
                            max-sharpe             highest Sharpe ratio (uses --risk-free-rate)
                            max-quadratic-utility  highest μᵀw − (A/2)·wᵀΣw (uses --risk-aversion)
                            efficient-return       lowest volatility for an expected return ≥ --target
                            efficient-risk         highest return for a volatility ≤ --target
                            hrp                    hierarchical risk parity (on the --cov covariance)
                            risk-parity            equal risk contributions
                            min-cvar               lowest historical CVaR at 95 % of the daily returns
                            min-risk               lowest risk under --risk-measure
                            max-ratio              highest excess return per unit of --risk-measure risk
                                                   (not cdar; volatility is max-sharpe)
  --risk-measure NAME     the measure of min-risk and max-ratio (required for them): ${RISK_MEASURES.join(", ")}
                          (tail measures at 95 %; see the README's measure table)
  --risk-free-rate R      annual risk-free rate of the Sharpe ratio (and of max-sharpe), e.g. 0.02 (default 0)
  --target X              efficient-return: annual expected return, e.g. 0.12; efficient-risk: annual
                          volatility, e.g. 0.15 (required for those two, refused by the others)
  --risk-aversion A       max-quadratic-utility's risk aversion A > 0 (default 1)
  --bounds LO,HI          bounds of every weight, e.g. 0,0.3 or -0.2,1 (default 0,1: long only); not for
                          hrp and risk-parity
  --cov MODEL             the covariance: sample (default), ledoit-wolf (shrunk to constant variance) or exp
                          (exponentially weighted, span 180 days)
  --json                  print {"weights": {TICKER: w, …}, "performance": {"expectedReturn", "volatility",
                          "sharpe"}} instead of a table
  --help                  this text

Exit codes: 0 done, 2 bad flags, a bad file or an infeasible request (the message says which and why).`;

/** Parsed `npx workbook optimize` arguments. */
export interface OptimizeArgs {
  readonly prices: string | null;
  readonly method: OptimizeMethod | null;
  readonly riskFreeRate: number;
  readonly target: number | null;
  readonly riskAversion: number | null;
  readonly bounds: readonly [number, number] | null;
  readonly cov: (typeof OPTIMIZE_COVARIANCES)[number];
  readonly riskMeasure: RiskMeasure | null;
  readonly json: boolean;
  readonly help: boolean;
}

/** The result of an optimisation: weights by ticker and the portfolio's annual performance. */
export interface OptimizeResult {
  readonly weights: Record<string, number>;
  readonly performance: { readonly expectedReturn: number; readonly volatility: number; readonly sharpe: number };
}

function bad(code: string, message: string, details: Record<string, unknown> = {}): InputError {
  return new InputError(code, `workbook optimize: ${message}\n\nRun "npx workbook optimize --help" for the options.`, details);
}

function numberFlag(flag: string, raw: string, check: (x: number) => boolean, what: string): number {
  const x = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(x) || !check(x)) throw bad("BAD_FLAG_VALUE", `${flag} takes ${what}, got "${raw}"`, { flag, value: raw });
  return x;
}

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
  const a = {
    prices: null as string | null,
    method: null as OptimizeMethod | null,
    riskFreeRate: 0,
    target: null as number | null,
    riskAversion: null as number | null,
    bounds: null as readonly [number, number] | null,
    cov: "sample" as OptimizeArgs["cov"],
    riskMeasure: null as RiskMeasure | null,
    json: false,
    help: false,
  };
  for (const { flag, value } of readFlags(argv, (f) => bad("MISSING_VALUE", `${f} needs a value`, { flag: f }))) {
    switch (flag) {
      case "--help":
      case "-h":
        a.help = true;
        break;
      case "--json":
        a.json = true;
        break;
      case "--prices":
        a.prices = value();
        break;
      case "--method": {
        const m = value();
        if (!(OPTIMIZE_METHODS as readonly string[]).includes(m)) throw bad("UNKNOWN_METHOD", `unknown method "${m}"; choose one of ${OPTIMIZE_METHODS.join(", ")}`, { method: m });
        a.method = m as OptimizeMethod;
        break;
      }
      case "--risk-free-rate":
        a.riskFreeRate = numberFlag(flag, value(), (x) => x > -1 && x < 1, "an annual rate as a fraction, e.g. 0.02");
        break;
      case "--target":
        a.target = numberFlag(flag, value(), () => true, "an annual return or volatility as a fraction, e.g. 0.15");
        break;
      case "--risk-aversion":
        a.riskAversion = numberFlag(flag, value(), (x) => x > 0, "a number > 0, e.g. 2");
        break;
      case "--bounds": {
        const raw = value();
        const parts = raw.split(",");
        const pair = parts.map((p) => (p.trim() === "" ? NaN : Number(p)));
        if (parts.length !== 2 || !pair.every(Number.isFinite) || !(pair[0]! < pair[1]!) || pair[1]! <= 0) {
          throw bad("BAD_FLAG_VALUE", `--bounds takes LO,HI with LO < HI and HI > 0, e.g. 0,0.3, got "${raw}"`, { flag, value: raw });
        }
        a.bounds = [pair[0]!, pair[1]!];
        break;
      }
      case "--risk-measure": {
        const m = value();
        if (!(RISK_MEASURES as readonly string[]).includes(m)) throw bad("UNKNOWN_MEASURE", `--risk-measure takes one of ${RISK_MEASURES.join(", ")}, got "${m}"`, { flag, value: m });
        a.riskMeasure = m as RiskMeasure;
        break;
      }
      case "--cov": {
        const c = value();
        if (!(OPTIMIZE_COVARIANCES as readonly string[]).includes(c)) throw bad("BAD_FLAG_VALUE", `--cov takes ${OPTIMIZE_COVARIANCES.join(", ")}, got "${c}"`, { flag, value: c });
        a.cov = c as OptimizeArgs["cov"];
        break;
      }
      default:
        throw bad("UNKNOWN_FLAG", `unknown ${flag.startsWith("-") ? "flag" : "argument"} ${flag}`, { flag });
    }
  }
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
  if (!measured && a.riskMeasure !== null) throw bad("FLAG_NOT_FOR_METHOD", `--risk-measure is for min-risk and max-ratio, not ${a.method}`, { method: a.method });
  if (a.method === "max-ratio" && a.riskMeasure === "cdar") throw bad("FLAG_NOT_FOR_METHOD", "max-ratio does not take cdar yet; use min-risk --risk-measure cdar", { method: a.method });
  if (a.bounds !== null && !BOUNDED.includes(a.method)) throw bad("FLAG_NOT_FOR_METHOD", `--bounds does not apply to ${a.method} (it has no weight bounds)`, { method: a.method });
  return a;
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
      return portfolios.hrp(p, { riskFreeRate });
    case "risk-parity":
      return portfolios.riskParity(p, { riskFreeRate });
    case "min-cvar":
      return portfolios.minCvar(p, shared);
    case "min-risk":
      return portfolios.minRisk(p, { ...shared, measure: args.riskMeasure ?? "volatility" });
    case "max-ratio": {
      const measure = args.riskMeasure === null || args.riskMeasure === "cdar" ? "volatility" : args.riskMeasure;
      return portfolios.maxRatio(p, { ...shared, measure });
    }
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
