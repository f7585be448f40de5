/**
 * `npx workbook backtest`: a strategy on a CSV of prices, from the command line.
 */
import { choiceOption, command, commandProgress, dateOption, numberOption, writeError } from "./command-line";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  averageCostLots,
  backtestMetrics,
  fifoLots,
  highestCostLots,
  namedStrategy,
  STRATEGY_NAMES,
  buyAndHold,
  calendarRebalance,
  driftRebalance,
  equalWeight,
  neverRebalance,
  runBacktest,
  writeTradeLog,
  type BacktestMetrics,
  type BacktestProgress,
  type BacktestResult,
  type RebalanceRule,
  type Strategy,
} from "../backtest/index";
import { tableText } from "../report/index";
import type { DateTable } from "../core/index";
import { packagePath } from "../core/index";
import { sources, sql } from "../data/index";

/** The strategies `--strategy` accepts. */
export const CLI_STRATEGIES = STRATEGY_NAMES;

/** Where the trade log goes without `--trades`. */
export const DEFAULT_TRADES_FILE = packagePath("build", "backtest", "trades.duckdb");

/** The command's options: each flag's value, help and check, from which `--help` and the parser are made. */
const BACKTEST = command({
  name: "backtest",
  synopsis: "--prices FILE.csv --strategy NAME [options]",
  description: `Backtests a strategy on a CSV of daily prices, walk-forward (the strategy sees only prices up to each
rebalance date), trading at the close with costs; prints the metrics next to a benchmark and writes every
trade, with an audit record of the run, to a DuckDB file.`,
  options: {
    prices: { value: "FILE.csv", help: "prices, wide (a date column, one column per ticker, blank before a ticker lists) or\nlong; loaded through the canonical build, so bad rows are rejected with reasons (required)" },
    strategy: choiceOption("NAME", CLI_STRATEGIES, `${CLI_STRATEGIES.join(", ")} (required)`, {
      code: "UNKNOWN_STRATEGY",
      message: (s) => `unknown strategy "${s}"; choose one of ${CLI_STRATEGIES.join(", ")}`,
    }),
    rebalance: {
      value: "RULE",
      help: "monthly (default), weekly, quarterly (the first trading day of each), never\n(buy and hold), or drift:0.05 (when a weight strays more than 0.05 from its target)",
      read: (raw: string): RebalanceRule => parseRebalance(raw),
    },
    costBps: numberOption("N", "commission, basis points of each trade's value (default 0)", (x) => x >= 0, "a number of basis points ≥ 0, e.g. 5"),
    perShare: numberOption("N", "commission per share, in the prices' currency (default 0)", (x) => x >= 0, "an amount per share ≥ 0, e.g. 0.005"),
    spreadBps: numberOption("N", "full bid-ask spread, basis points; each trade pays half (default 0)", (x) => x >= 0, "a number of basis points ≥ 0, e.g. 10"),
    taxRate: numberOption("RATE", "tax on net realised gains, a fraction, e.g. 0.15 (default 0: no tax); the tax-aware\nstrategy weighs the same rate", (x) => x >= 0 && x < 1, "a fraction in [0, 1), e.g. 0.15"),
    lots: choiceOption("RULE", ["fifo", "average", "highest-cost"] as const, "which shares a sale realises: fifo (default), average (average cost) or\nhighest-cost (highest cost first)", {
      code: "BAD_FLAG_VALUE",
      message: (s) => `--lots ${s} is not a lot rule; choose fifo, average or highest-cost`,
    }),
    start: dateOption("first trading day, YYYY-MM-DD; earlier rows are history the strategy may read\n(default: the first date once the strategy has its lookback)"),
    end: dateOption("last trading day (default: the file's last date)"),
    capital: numberOption("N", "starting cash (default 1000000)", (x) => x > 0, "a positive amount, e.g. 1000000"),
    fractional: { help: "trade fractional shares (default: whole shares, rounded down)" },
    lookback: numberOption("DAYS", "trading days the optimisers estimate from (default 252)", (x) => Number.isInteger(x) && x >= 2, "a whole number of trading days ≥ 2, e.g. 252"),
    equity: { value: "TICKER", help: "sixty-forty's equity fund (default MKTIDX)" },
    bond: { value: "TICKER", help: "sixty-forty's bond fund (default LTBX)" },
    benchmark: { value: "TICKER", help: "compare with buying and holding TICKER (default: equal weight, bought once and held)" },
    riskFreeRate: numberOption("RATE", "annual risk-free rate of the Sharpe and Sortino ratios, e.g. 0.02 (default 0)", (x) => x > -1 && x < 1, "an annual rate as a fraction, e.g. 0.02", { flag: "--risk-free" }),
    trades: { value: "FILE.duckdb", help: "the trade log (default build/backtest/trades.duckdb); runs accumulate in it" },
    quiet: { help: "no progress on standard error (a bar on a terminal, a line every quarter otherwise)" },
  },
  exitCodes: "0 done, 2 bad flags or a bad file (the message says which and why)",
});

/** The text of `npx workbook backtest --help`: every flag, its default, and the exit codes (generated). */
export const BACKTEST_USAGE = BACKTEST.usage;

/** Parsed `npx workbook backtest` arguments. */
export interface BacktestArgs {
  readonly prices: string | null;
  readonly strategy: (typeof CLI_STRATEGIES)[number] | null;
  readonly rebalance: RebalanceRule;
  readonly costBps: number;
  readonly perShare: number;
  readonly spreadBps: number;
  /** Tax on net realised gains, a fraction (0: none). */
  readonly taxRate: number;
  readonly lots: "fifo" | "average" | "highest-cost";
  readonly start: string | null;
  readonly end: string | null;
  readonly capital: number;
  readonly fractional: boolean;
  readonly lookback: number;
  readonly equity: string;
  readonly bond: string;
  readonly benchmark: string | null;
  readonly riskFreeRate: number;
  readonly trades: string;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly help: boolean;
}

const bad = BACKTEST.fail;

/** `--lots` to the backtester's lot accounting. */
const LOT_RULES = { fifo: fifoLots, average: averageCostLots, "highest-cost": highestCostLots } as const;

/**
 * Reads a `--rebalance` value: `weekly`, `monthly`, `quarterly`, `never`, or `drift:THRESHOLD`.
 *
 * @throws InputError BAD_FLAG_VALUE naming the accepted values.
 * @example
 * ```ts
 * parseRebalance("drift:0.05").name; // => "drift > 5 %"
 * ```
 */
export function parseRebalance(raw: string): RebalanceRule {
  if (raw === "weekly" || raw === "monthly" || raw === "quarterly") return calendarRebalance(raw);
  if (raw === "never") return neverRebalance();
  const drift = /^drift:(.+)$/.exec(raw);
  if (drift) {
    const x = Number(drift[1]);
    if (drift[1]!.trim() === "" || !(x > 0 && x < 1)) {
      throw bad("BAD_FLAG_VALUE", `--rebalance drift: takes a threshold between 0 and 1, e.g. drift:0.05, got "${drift[1]}"`, { flag: "--rebalance", value: raw });
    }
    return driftRebalance(x);
  }
  throw bad("BAD_FLAG_VALUE", `--rebalance takes monthly, weekly, quarterly, never or drift:THRESHOLD (e.g. drift:0.05), got "${raw}"`, { flag: "--rebalance", value: raw });
}

/**
 * Parses `npx workbook backtest` arguments (see {@link BACKTEST_USAGE}).
 *
 * @throws InputError UNKNOWN_FLAG, MISSING_VALUE, BAD_FLAG_VALUE, UNKNOWN_STRATEGY, naming the flag and the accepted values.
 * @example
 * ```ts
 * parseBacktestArgs(["--prices", "p.csv", "--strategy", "hrp", "--cost-bps", "5"]).costBps; // => 5
 * ```
 */
export function parseBacktestArgs(argv: readonly string[]): BacktestArgs {
  const { values: v, help, json } = BACKTEST.parse(argv);
  const a: BacktestArgs = {
    prices: v.prices ?? null,
    strategy: v.strategy ?? null,
    rebalance: v.rebalance ?? calendarRebalance("monthly"),
    costBps: v.costBps ?? 0,
    perShare: v.perShare ?? 0,
    spreadBps: v.spreadBps ?? 0,
    taxRate: v.taxRate ?? 0,
    lots: v.lots ?? "fifo",
    start: v.start ?? null,
    end: v.end ?? null,
    capital: v.capital ?? 1_000_000,
    fractional: v.fractional,
    lookback: v.lookback ?? 252,
    equity: v.equity ?? "MKTIDX",
    bond: v.bond ?? "LTBX",
    benchmark: v.benchmark ?? null,
    riskFreeRate: v.riskFreeRate ?? 0,
    trades: v.trades ?? DEFAULT_TRADES_FILE,
    quiet: v.quiet,
    json,
    help,
  };
  if (a.start !== null && a.end !== null && a.start > a.end) throw bad("BAD_FLAG_VALUE", `--start ${a.start} is after --end ${a.end}`, {});
  return a;
}

function strategyFor(args: BacktestArgs, prices: DateTable): Strategy {
  if (args.strategy === null) throw bad("MISSING_FLAG", `--strategy is required; choose one of ${CLI_STRATEGIES.join(", ")}`);
  if (args.strategy === "sixty-forty") {
    const missing = [args.equity, args.bond].filter((t) => !prices.tickers.includes(t));
    if (missing.length > 0) {
      throw bad("UNKNOWN_TICKER", `sixty-forty needs ${missing.join(" and ")}, not in the file (its tickers: ${prices.tickers.slice(0, 12).join(", ")}${prices.tickers.length > 12 ? ", …" : ""}); name the funds with --equity TICKER --bond TICKER`, { missing });
    }
  }
  return namedStrategy(args.strategy, {
    lookbackDays: args.lookback, riskFreeRate: args.riskFreeRate, equity: args.equity, bond: args.bond,
    ...(args.strategy === "tax-aware" && args.taxRate > 0 ? { taxRate: args.taxRate } : {}),
  });
}

/**
 * Loads a CSV of prices (wide or long) through the canonical build in an in-memory database, printing the rejected
 * rows (at most 10) on `err`; shared by the `backtest` and `optimize` commands.
 *
 * @returns the canonical prices and the number of rejected rows.
 * @throws DataError for an unreadable or malformed file.
 * @example
 * ```ts
 * (await loadPrices("prices.csv", console.error)).prices.tickers; // => ["ACME", "BOLT", …]
 * ```
 */
export async function loadPrices(file: string, err: (line: string) => void): Promise<{ prices: DateTable; rejected: number }> {
  const db = await sql.WorkbookDatabase.open(":memory:");
  try {
    await sql.buildFromSources(db, [new sources.CsvPriceSource(file)]);
    const rejects = await sql.readRejects(db, "raw_prices");
    if (rejects.length > 0) {
      err(`${rejects.length} price row${rejects.length === 1 ? "" : "s"} rejected:`);
      for (const r of rejects.slice(0, 10)) err(`  line ${r.line}: ${r.reason}`);
      if (rejects.length > 10) err(`  … and ${rejects.length - 10} more`);
    }
    return { prices: await sql.readPrices(db), rejected: rejects.length };
  } finally {
    db.close();
  }
}

const METRIC_FORMATS = {
  finalValue: { kind: "integer" },
  cumulativeReturn: { kind: "percent" },
  annualisedReturn: { kind: "percent" },
  volatility: { kind: "percent" },
  sharpe: { kind: "number", decimals: 2 },
  sortino: { kind: "number", decimals: 2 },
  maxDrawdown: { kind: "percent" },
  calmar: { kind: "number", decimals: 2 },
  turnover: { kind: "percent", decimals: 0 },
  costs: { kind: "integer" },
  costDragBps: { kind: "number", decimals: 1 },
  hitRate: { kind: "percent", decimals: 0 },
} as const;

function metricRow(m: BacktestMetrics): Record<string, string | number | null> {
  return {
    strategy: m.strategy,
    finalValue: m.finalValue,
    cumulativeReturn: m.cumulativeReturn,
    annualisedReturn: m.annualisedReturn,
    volatility: m.volatility,
    sharpe: m.sharpe,
    sortino: m.sortino,
    maxDrawdown: m.maxDrawdown,
    calmar: m.calmar,
    turnover: m.turnover,
    trades: m.trades,
    costs: m.costs,
    costDragBps: m.costDragBps,
    hitRate: m.hitRate,
  };
}

/**
 * Runs `npx workbook backtest`: loads the CSV through the canonical build (printing rejected rows), runs the
 * strategy with its progress on `err`, prints the metrics of the strategy and the benchmark (a table, or JSON
 * with `--json`), and appends the trades and the run's audit record to the DuckDB trade log.
 *
 * @returns 0 when done (typed errors propagate to `main`, which prints them and exits 2).
 * @throws InputError for bad flags; DataError for an unreadable or malformed file; as `runBacktest`.
 * @example
 * ```ts
 * await runBacktestCommand(["--prices", "prices.csv", "--strategy", "equal-weight", "--cost-bps", "5"]); // => 0
 * ```
 */
export async function runBacktestCommand(argv: readonly string[], out: (line: string) => void = (l) => console.log(l), err: (line: string) => void = writeError): Promise<number> {
  const args = parseBacktestArgs(argv);
  if (args.help) {
    out(BACKTEST_USAGE);
    return 0;
  }
  if (args.prices === null) throw bad("MISSING_FLAG", "--prices FILE.csv is required");
  if (args.strategy === null) throw bad("MISSING_FLAG", `--strategy is required; choose one of ${CLI_STRATEGIES.join(", ")}`);
  const { prices, rejected } = await loadPrices(args.prices, err);
  const strategy = strategyFor(args, prices);
  const result = await runBacktest(prices, strategy, {
    capital: args.capital,
    rebalance: args.rebalance,
    costs: { commissionBps: args.costBps, commissionPerShare: args.perShare, spreadBps: args.spreadBps },
    ...(args.taxRate > 0 ? { tax: { rate: args.taxRate, lots: LOT_RULES[args.lots] } } : {}),
    fractionalShares: args.fractional,
    ...(args.start !== null ? { start: args.start } : {}),
    ...(args.end !== null ? { end: args.end } : {}),
    onProgress: ((report) => (e: BacktestProgress) => report({ label: e.strategy, done: e.done, total: e.total, note: `${e.rebalances} rebalances` }))(
      commandProgress(err, { quiet: args.quiet, unit: "days" }),
    ),
  });
  const window = { start: result.settings.start, end: result.settings.end, capital: args.capital };
  let benchmark: BacktestResult;
  if (args.benchmark !== null) {
    if (!prices.tickers.includes(args.benchmark)) throw bad("UNKNOWN_TICKER", `--benchmark ${args.benchmark} is not a ticker of the file (its tickers: ${prices.tickers.slice(0, 12).join(", ")}${prices.tickers.length > 12 ? ", …" : ""})`);
    benchmark = await buyAndHold(prices, args.benchmark, window);
  } else {
    benchmark = await runBacktest(prices, { ...equalWeight(), name: "equal weight, bought and held" }, { ...window, fractionalShares: true, rebalance: neverRebalance() });
  }
  const metrics = backtestMetrics(result, { riskFreeRate: args.riskFreeRate, benchmark });
  const benchmarkMetrics = backtestMetrics(benchmark, { riskFreeRate: args.riskFreeRate });

  const tradesFile = resolve(args.trades);
  mkdirSync(dirname(tradesFile), { recursive: true });
  const db = await sql.WorkbookDatabase.open(tradesFile);
  let log: { runId: string; trades: number };
  try {
    log = await writeTradeLog(db, result);
  } finally {
    db.close();
  }

  if (args.json) {
    out(JSON.stringify({ runId: log.runId, tradesFile, rejectedRows: rejected, strategy: metrics, benchmark: benchmarkMetrics, rebalance: result.settings.rebalance, notes: result.notes, versions: result.versions }, null, 2));
    return 0;
  }
  out(`${result.strategy}, rebalanced ${result.settings.rebalance}, ${result.settings.start} … ${result.settings.end} (${result.dates.length} days, ${prices.tickers.length} tickers), risk-free rate ${args.riskFreeRate}`);
  out("");
  out(tableText([metricRow(metrics), metricRow(benchmarkMetrics)], { formats: METRIC_FORMATS }));
  out("");
  if (result.notes.length > 0) {
    out(`notes (${result.notes.length}):`);
    for (const n of result.notes.slice(0, 5)) out(`  ${n}`);
    if (result.notes.length > 5) out(`  … and ${result.notes.length - 5} more`);
  }
  out(`trade log: ${log.trades} trades appended to ${tradesFile} (run ${log.runId})`);
  return 0;
}
