/**
 * `npx workbook monitor`: scheduled monitoring and retraining on a prices source, for a scheduler (cron).
 */
import { packagePath } from "../core/index";
import { command, dateOption, numberOption, printJson, writeError, type ValueOption } from "./command-line";
import { describeMonitorSource, loadMonitorPrices, MONITOR_DEFAULTS, MONITOR_EXIT_CODES, runMonitor, type MonitorReport, type MonitorSource } from "../workbook/index";

/** Where the lineage goes without `--db`: the backtests' trade log, so runs, model versions and trades sit together. */
export const DEFAULT_MONITOR_DATABASE = packagePath("build", "backtest", "trades.duckdb");

/** Where the model files go without `--models`. */
export const DEFAULT_MODELS_DIR = packagePath("build", "monitor", "models");

const d = MONITOR_DEFAULTS;
const days = (what: string, min: number) => numberOption("DAYS", what, (x) => Number.isInteger(x) && x >= min, `a whole number of trading days ≥ ${min}`);
/** A threshold: a number passing `check`, or `off` (Infinity: never crossed). */
const threshold = (value: string, help: string, check: (x: number) => boolean, what: string): ValueOption<number> => ({
  value,
  help,
  read: (raw, flag, fail) => {
    if (/^(off|inf|infinity)$/i.test(raw.trim())) return Number.POSITIVE_INFINITY;
    const x = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(x) || !check(x)) throw fail("BAD_THRESHOLD", `${flag} takes ${what} or off, got "${raw}"`, { flag, value: raw });
    return x;
  },
});

const MONITOR = command({
  name: "monitor",
  synopsis: "(--prices FILE | --embedded | --yahoo TICKERS --start DATE) [options]",
  description: `Monitors the price-feature model (next ${d.horizonDays} days' return of each ticker, ridge regression) on new prices:
computes the drift indicators (the market's volatility shift, PSI of each feature, realised against expected
returns of the model in force), decides by the thresholds below whether to retrain, retrains and scores it out of
sample when it must, saves the model file, and records the run and the model version (data hash, parameters,
scores, decision, reasons) in DuckDB. Every run is a new row; a rerun on the same data keeps the model it trained.`,
  options: {
    prices: { value: "FILE", help: "prices, CSV (wide or long, appended daily) or .parquet; loaded through the canonical build" },
    embedded: { help: "the embedded synthetic market instead of a file (sized by --seed, --years, --equities)" },
    seed: numberOption("N", "the embedded market's seed (default the notebooks' market)", Number.isSafeInteger, "a whole number"),
    years: numberOption("N", "the embedded market's years from 2006 (default 20)", (x) => Number.isInteger(x) && x >= 2 && x <= 100, "a whole number of years 2–100"),
    equities: numberOption("N", "the embedded market's equities (default 36)", (x) => Number.isInteger(x) && x >= 1, "a whole number ≥ 1"),
    yahoo: { value: "TICKERS", help: "Yahoo Finance tickers, comma-separated, through the cache (with --start)" },
    start: dateOption("first date loaded from Yahoo"),
    cacheDir: { value: "DIR", help: "the Yahoo cache folder (default the data layer's)" },
    asOf: dateOption("replay: use the prices up to DATE only (default: all of them)"),
    volatilityRatio: threshold("R", `retrain when recent / reference market volatility leaves [1/R, R] (default ${d.volatilityRatio})
and the variance-ratio test below finds a shift`, (x) => x > 1, "a ratio > 1, e.g. 1.5,"),
    volatilityLevel: numberOption("P", `two-sided level of the variance-ratio test: a market in one regime is
found shifted in this share of the runs (default ${d.volatilityLevel})`, (x) => x > 0 && x < 1, "a probability in (0, 1), e.g. 0.05"),
    volatilityInflation: numberOption("PHI", `noise of daily returns' variances against independent normal returns
(fat tails, clustering): a window of n days counts (n − 1)/PHI (default ${d.volatilityInflation})`, (x) => x >= 1 && Number.isFinite(x), "a number ≥ 1, e.g. 10"),
    errorRatio: threshold("R", `retrain when the recent forecast RMSE over the validation RMSE exceeds R (default ${d.errorRatio})`, (x) => x > 0, "a ratio > 0, e.g. 2,"),
    psi: threshold("X", "retrain when a feature's PSI exceeds X (default off: reported only; momentum\nfeatures trend, so their PSI is large in calm markets too)", (x) => x > 0, "a PSI > 0, e.g. 0.25,"),
    maxAgeDays: threshold("N", "retrain when the model is older than N calendar days (default off)", (x) => x > 0, "a number of days > 0, e.g. 90,"),
    recentDays: days(`recent window of the indicators (default ${d.recentDays})`, 5),
    referenceDays: days(`reference volatility window: at most this many days of the current volatility
regime before the recent window (default ${d.referenceDays})`, 5),
    horizonDays: days(`the model's forecast horizon (default ${d.horizonDays})`, 1),
    trainDays: days(`history the model is trained on (default ${d.trainDays})`, 126),
    benchmark: { value: "TICKER", help: "the market whose volatility is watched (default: equal-weighted mean of the tickers\npriced throughout the reference and recent windows)" },
    db: { value: "FILE.duckdb", help: "the lineage database (default build/backtest/trades.duckdb, beside the trade log)" },
    models: { value: "DIR", help: "folder of the model files (default build/monitor/models)" },
  },
  exitCodes: `${MONITOR_EXIT_CODES.kept} no action (model kept), ${MONITOR_EXIT_CODES.retrained} retrained, ${MONITOR_EXIT_CODES.badInput} bad input (flags, a missing or malformed file, bad thresholds, too little data), ${MONITOR_EXIT_CODES.failure} any other failure`,
});

/** The text of `npx workbook monitor --help`: every flag, its default, the thresholds and the exit codes. */
export const MONITOR_USAGE = MONITOR.usage;

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "n/a");
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");

function summary(r: MonitorReport): string[] {
  const v = r.indicators.volatility;
  const f = r.indicators.realisedVersusExpected;
  const lines = [
    `monitor ${r.asOf} (${r.source}, ${r.priceRows} days × ${r.tickers} tickers, data ${r.dataHash}): ${r.decision.retrain ? "RETRAIN" : "keep"}`,
    `  volatility: recent ${pct(v.recent)} (from ${v.recentFrom}) / reference ${pct(v.reference)} (${v.referenceFrom} … ${v.referenceTo}) = ${num(v.ratio)}`,
    `  largest PSI: ${r.indicators.psi[0] ? `${r.indicators.psi[0].feature} ${num(r.indicators.psi[0].psi)}` : "n/a (no model yet)"}`,
    `  forecasts since the model: ${f.count} known, expected ${pct(f.expected)}, realised ${pct(f.realised)}, RMSE ratio ${num(f.errorRatio)}, IC ${num(f.ic)}`,
    ...r.decision.reasons.map((reason) => `  - ${reason}`),
  ];
  if (r.trained !== null) lines.push(`  trained ${r.trained.version} on ${r.trained.trainStart} … ${r.trained.trainEnd} (${r.trained.trainRows} rows): out-of-sample RMSE ${num(r.trained.scores.rmse ?? Number.NaN)}, IC ${num(r.trained.scores.ic ?? Number.NaN)}; ${r.trained.file}`);
  lines.push(`  run ${r.runId}; model in force ${r.modelAfter ?? "none"}; exit ${r.exitCode}`);
  return lines;
}

/**
 * Runs `npx workbook monitor`: loads the prices, runs the monitor once, prints a summary (or the report as JSON with
 * `--json`) and returns the exit code a scheduler acts on (see {@link MONITOR_EXIT_CODES}).
 *
 * @returns 0 when the model was kept, 10 when it was retrained (typed errors propagate to `main`: exit 2).
 * @throws InputError for bad flags, a missing file, bad thresholds or too little data; DataError for a malformed file.
 * @example
 * ```ts
 * await runMonitorCommand(["--prices", "prices.csv", "--json"]); // => 10 (first run: no model yet)
 * ```
 */
export async function runMonitorCommand(argv: readonly string[], out: (line: string) => void = (l) => console.log(l), err: (line: string) => void = writeError): Promise<number> {
  const { values: a, help, json } = MONITOR.parse(argv);
  if (help) {
    out(MONITOR_USAGE);
    return 0;
  }
  const chosen = [a.prices !== undefined, a.embedded, a.yahoo !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw MONITOR.fail("MISSING_FLAG", chosen === 0 ? "name the prices: --prices FILE, --embedded or --yahoo TICKERS --start DATE" : "pass only one of --prices, --embedded and --yahoo");
  let source: MonitorSource;
  if (a.prices !== undefined) source = { kind: "file", path: a.prices };
  else if (a.embedded) source = { kind: "embedded", ...(a.seed !== undefined ? { seed: a.seed } : {}), ...(a.years !== undefined ? { years: a.years } : {}), ...(a.equities !== undefined ? { equityCount: a.equities } : {}) };
  else {
    if (a.start === undefined) throw MONITOR.fail("MISSING_FLAG", "--yahoo needs --start DATE (Yahoo has no default range)");
    const tickers = a.yahoo!.split(",").map((t) => t.trim()).filter((t) => t !== "");
    source = { kind: "yahoo", tickers, start: a.start, ...(a.cacheDir !== undefined ? { cacheDir: a.cacheDir } : {}) };
  }
  const prices = await loadMonitorPrices(source, err);
  const report = await runMonitor(prices, {
    database: a.db ?? DEFAULT_MONITOR_DATABASE,
    modelsDir: a.models ?? DEFAULT_MODELS_DIR,
    source: await describeMonitorSource(source),
    ...(a.asOf !== undefined ? { asOf: a.asOf } : {}),
    ...(a.volatilityRatio !== undefined ? { volatilityRatio: a.volatilityRatio } : {}),
    ...(a.volatilityLevel !== undefined ? { volatilityLevel: a.volatilityLevel } : {}),
    ...(a.volatilityInflation !== undefined ? { volatilityInflation: a.volatilityInflation } : {}),
    ...(a.errorRatio !== undefined ? { errorRatio: a.errorRatio } : {}),
    ...(a.psi !== undefined ? { psi: a.psi } : {}),
    ...(a.maxAgeDays !== undefined ? { maxAgeDays: a.maxAgeDays } : {}),
    ...(a.recentDays !== undefined ? { recentDays: a.recentDays } : {}),
    ...(a.referenceDays !== undefined ? { referenceDays: a.referenceDays } : {}),
    ...(a.horizonDays !== undefined ? { horizonDays: a.horizonDays } : {}),
    ...(a.trainDays !== undefined ? { trainDays: a.trainDays } : {}),
    ...(a.benchmark !== undefined ? { benchmark: a.benchmark } : {}),
  });
  if (json) printJson(out, report);
  else for (const line of summary(report)) out(line);
  return report.exitCode;
}
