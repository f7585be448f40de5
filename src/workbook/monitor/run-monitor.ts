/**
 * One monitor run: drift indicators on the prices up to a date, the decision to retrain, the retraining, and the
 * lineage written to DuckDB.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError, type DateTable } from "../../core/index";
import { WorkbookDatabase } from "../../data/index";
import { canonicalJson, hashParameters, hashPriceTable } from "../../backtest/index";
import { loadModel, monitoring, saveModel, type Regressor } from "../../models/index";
import { volatility as annualisedVolatility } from "../../measures/index";
import { currentModelVersion, lastVolatilityShift, monitorCodeVersion, recordModelVersion, recordMonitorRun, type ModelVersionRow } from "./monitor-log";
import { forecastsSince, MONITOR_FEATURE_LOOKBACK, MONITOR_FEATURES, monitorFeatureRows, trainMonitorModel } from "./monitor-model";
import { MONITOR_EXIT_CODES, monitorSettings, type MonitorSettings } from "./monitor-settings";

/** Where a run reads and writes, and when. */
export interface MonitorRunOptions extends Partial<MonitorSettings> {
  /** Replay: use the prices up to this ISO date only (default: all of them). */
  readonly asOf?: string;
  /** The DuckDB database of the lineage: an open database, or a file (created if absent). */
  readonly database: WorkbookDatabase | string;
  /** Folder of the model files. */
  readonly modelsDir: string;
  /** Where the prices came from, recorded with the run (default `"prices"`). */
  readonly source?: string;
  /** The clock of `created_at` (default now). */
  readonly now?: () => Date;
}

/**
 * What a monitor run found and did; `--json` prints it.
 *
 * @example
 * ```ts
 * const r = await runMonitor(prices, { database: "build/backtest/trades.duckdb", modelsDir: "build/monitor/models" });
 * r.decision.retrain; r.exitCode; // => false, 0
 * ```
 */
export interface MonitorReport {
  readonly runId: string;
  readonly createdAt: string;
  readonly asOf: string;
  readonly source: string;
  readonly dataHash: string;
  readonly priceRows: number;
  readonly tickers: number;
  readonly settings: MonitorSettings;
  /** The model version in force when the run started, or `null`. */
  readonly modelBefore: { readonly version: string; readonly asOf: string; readonly file: string } | null;
  readonly indicators: {
    readonly volatility: monitoring.VolatilityShift & { readonly recentFrom: string; readonly referenceFrom: string; readonly referenceTo: string };
    readonly psi: readonly { readonly feature: string; readonly psi: number }[];
    readonly maxPsi: number;
    readonly realisedVersusExpected: monitoring.RealisedVersusExpected;
    readonly modelAgeDays: number | null;
  };
  readonly decision: monitoring.RetrainDecision;
  /** The model trained by this run, or `null` when it kept the one in force. */
  readonly trained: {
    readonly version: string;
    readonly file: string;
    readonly trainStart: string;
    readonly trainEnd: string;
    readonly trainRows: number;
    readonly scores: Readonly<Record<string, number>>;
  } | null;
  /** The model version in force after the run. */
  readonly modelAfter: string | null;
  readonly exitCode: number;
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The prices up to `asOf` (its rows dated on or before it). */
function pricesUpTo(prices: DateTable, asOf: string | undefined): DateTable {
  if (asOf === undefined) return prices;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new InputError("BAD_DATE", `monitor: as-of date "${asOf}" is not a date YYYY-MM-DD`, { asOf });
  let k = prices.dates.length;
  while (k > 0 && prices.dates[k - 1]! > asOf) k--;
  if (k === 0) throw new InputError("AS_OF_BEFORE_DATA", `monitor: as-of ${asOf} is before the first price (${prices.dates[0] ?? "no rows"}); pass a later date`, { asOf });
  const m = prices.tickers.length;
  return { dates: prices.dates.slice(0, k), tickers: prices.tickers, values: prices.values.slice(0, k * m) };
}

/**
 * Daily market returns (index i: from day i − 1 to day i; entry 0 is NaN): the benchmark's, or the mean over the
 * tickers priced on every day from `from − 1` to the last (one basket throughout the windows compared; every ticker
 * when none is).
 */
function marketReturns(prices: DateTable, benchmark: string | null, from: number): Float64Array {
  const n = prices.dates.length;
  const m = prices.tickers.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const pricedThroughout = (j: number) => {
    for (let i = Math.max(0, from - 1); i < n; i++) if (!(prices.values[i * m + j]! > 0)) return false;
    return true;
  };
  const basket = Array.from(prices.tickers.keys()).filter(pricedThroughout);
  const columns = benchmark !== null ? [prices.tickers.indexOf(benchmark)] : basket.length > 0 ? basket : Array.from(prices.tickers.keys());
  for (let i = 1; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (const j of columns) {
      const r = prices.values[i * m + j]! / prices.values[(i - 1) * m + j]! - 1;
      if (Number.isFinite(r)) {
        sum += r;
        count++;
      }
    }
    if (count > 0) out[i] = sum / count;
  }
  return out;
}

/**
 * The reference days of the volatility test (row indices, inclusive): the current volatility regime's days before
 * the recent window, the last `referenceDays` of them. The regime began with the recent window of the last run that
 * found a volatility shift (with the first price when none did); while it has fewer days than a recent window before
 * the recent window, the reference is its first `recentDays` days (overlapping the recent window: a shift just found
 * is not found again).
 */
function referenceWindow(dates: readonly string[], recentFrom: number, settings: MonitorSettings, shift: { asOf: string; recentDays: number } | null): { referenceFrom: number; referenceTo: number } {
  const shiftAt = shift === null ? -1 : dates.indexOf(shift.asOf);
  const regimeStart = shiftAt < 0 ? 1 : Math.max(1, shiftAt - shift!.recentDays + 1);
  if (recentFrom - regimeStart >= settings.recentDays) return { referenceFrom: Math.max(regimeStart, recentFrom - settings.referenceDays), referenceTo: recentFrom - 1 };
  return { referenceFrom: regimeStart, referenceTo: Math.min(dates.length - 1, regimeStart + settings.recentDays - 1) };
}

function finite(values: Float64Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(1, from); i <= to; i++) if (Number.isFinite(values[i]!)) out.push(values[i]!);
  return out;
}

/**
 * Runs the monitor once on prices up to a date: the drift indicators of the model in force (the volatility shift of
 * the market, recent `recentDays` against the `referenceDays` ending on the model's as-of date, with the
 * variance-ratio test of `monitoring.volatilityShift` at `volatilityLevel`; PSI of each feature,
 * recent rows against the training rows; realised against expected returns of its forecasts made since it was
 * trained), the decision by the thresholds, the retraining and out-of-sample scoring when it must, the model file,
 * and one row in `monitor_runs` (plus one in `model_versions` when it trained).
 *
 * Every run is recorded as a new run (its own id). A run on the data a model was trained on (same data hash) keeps
 * that model, so rerunning a day never trains twice: the rerun is recorded with decision `keep` and exit code 0.
 *
 * @param prices adjusted closes, dates × tickers (`NaN` before a listing); not changed.
 * @throws InputError AS_OF_BEFORE_DATA, BAD_DATE, TOO_LITTLE_DATA (fewer rows than the features, the horizon and the
 *   windows need), UNKNOWN_TICKER (benchmark), BAD_SETTING, BAD_THRESHOLD; DataError from the database or a model file.
 * @example
 * ```ts
 * const report = await runMonitor(prices, { asOf: "2015-06-30", database: db, modelsDir: "build/monitor/models" });
 * report.decision.reasons; // => ["the volatility regime changed: market volatility is 2.40× the training period's (outside 0.67–1.5 and outside 0.51–1.75, where one regime stays 95 % of the time)"]
 * ```
 */
export async function runMonitor(allPrices: DateTable, options: MonitorRunOptions): Promise<MonitorReport> {
  const settings = monitorSettings(options);
  if (settings.benchmark !== null && !allPrices.tickers.includes(settings.benchmark)) {
    throw new InputError("UNKNOWN_TICKER", `monitor: benchmark ${settings.benchmark} is not a ticker of the prices (${allPrices.tickers.slice(0, 10).join(", ")}${allPrices.tickers.length > 10 ? ", …" : ""})`, { ticker: settings.benchmark });
  }
  const prices = pricesUpTo(allPrices, options.asOf);
  const n = prices.dates.length;
  const needed = Math.max(MONITOR_FEATURE_LOOKBACK + settings.horizonDays + 63, settings.recentDays + settings.referenceDays + 1);
  if (n < needed) {
    throw new InputError("TOO_LITTLE_DATA", `monitor: ${n} days of prices up to ${prices.dates[n - 1]}; the features (${MONITOR_FEATURE_LOOKBACK} days), the horizon, the training and the volatility windows need at least ${needed}; pass more history or a later --as-of`, { rows: n, needed });
  }
  const asOf = prices.dates[n - 1]!;
  const createdAt = (options.now ?? (() => new Date()))().toISOString();
  const runId = randomUUID();
  const dataHash = hashPriceTable(prices);
  const source = options.source ?? "prices";
  const ownDb = typeof options.database === "string";
  if (typeof options.database === "string") mkdirSync(dirname(resolve(options.database)), { recursive: true });
  const db = typeof options.database === "string" ? await WorkbookDatabase.open(options.database) : options.database;
  try {
    const before: ModelVersionRow | null = await currentModelVersion(db, asOf);
    const recentFrom = n - settings.recentDays;
    const { referenceFrom, referenceTo } = referenceWindow(prices.dates, recentFrom, settings, await lastVolatilityShift(db, asOf));
    const market = marketReturns(prices, settings.benchmark, referenceFrom);
    const shift = monitoring.volatilityShift(finite(market, referenceFrom, referenceTo), finite(market, recentFrom, n - 1), { level: settings.volatilityLevel, inflation: settings.volatilityInflation });
    const volatility = { ...shift, recentFrom: prices.dates[recentFrom]!, referenceFrom: prices.dates[referenceFrom]!, referenceTo: prices.dates[referenceTo]! };

    let psi: { feature: string; psi: number }[] = [];
    let realised = monitoring.realisedVersusExpected([], []);
    let modelAgeDays: number | null = null;
    if (before !== null) {
      const reference = monitorFeatureRows(prices, before.train_start, before.train_end);
      const recent = monitorFeatureRows(prices, prices.dates[recentFrom]!, asOf);
      psi = MONITOR_FEATURES.map((feature, j) => ({ feature, psi: monitoring.populationStabilityIndex(reference.columns[j]!, recent.columns[j]!) })).sort((a, b) => b.psi - a.psi);
      const model = (await loadModel(before.model_file, { features: MONITOR_FEATURES })) as Regressor;
      const since = forecastsSince(prices, (rows) => model.predict(rows), before.as_of, prices.dates[Math.max(0, recentFrom - settings.horizonDays)]!, settings.horizonDays);
      realised = monitoring.realisedVersusExpected(since.realised, since.expected, { referenceRmse: before.validation_rmse });
      modelAgeDays = daysBetween(before.as_of, asOf);
    }
    let decision = monitoring.retrainDecision(
      {
        hasModel: before !== null,
        psi,
        errorRatio: realised.errorRatio,
        volatilityRatio: shift.ratio,
        volatilityBand: { lower: shift.band[0], upper: shift.band[1], level: shift.level },
        ...(modelAgeDays !== null ? { modelAgeDays } : {}),
      },
      { psi: settings.psi, errorRatio: settings.errorRatio, volatilityRatio: settings.volatilityRatio, maxAgeDays: settings.maxAgeDays },
    );
    if (before !== null && before.data_hash === dataHash) {
      decision = { retrain: false, triggers: [], reasons: [`the model in force (${before.model_version}) was trained on this very data (hash ${dataHash}); retraining would give the same model`] };
    }

    let trained: MonitorReport["trained"] = null;
    if (decision.retrain) {
      const modelSettings = { horizonDays: settings.horizonDays, trainDays: settings.trainDays, alpha: settings.alpha, validationShare: settings.validationShare };
      const t = await trainMonitorModel(prices, modelSettings);
      const version = hashParameters({ dataHash, kind: t.model.toJSON().kind, features: MONITOR_FEATURES, modelSettings });
      const file = resolve(join(options.modelsDir, `${asOf}-${version}.json`));
      await saveModel(file, t.model);
      const referenceVolatility = annualisedVolatility(finite(market, n - settings.referenceDays, n - 1));
      await recordModelVersion(db, {
        model_version: version,
        run_id: runId,
        kind: t.model.toJSON().kind,
        model_file: file,
        data_hash: dataHash,
        as_of: asOf,
        train_start: t.trainStart,
        train_end: t.trainEnd,
        train_rows: t.trainRows,
        features_json: JSON.stringify(MONITOR_FEATURES),
        parameters_json: canonicalJson(modelSettings),
        scores_json: canonicalJson(t.scores),
        validation_rmse: t.scores.rmse,
        validation_ic: t.scores.ic,
        validation_hit_rate: t.scores.hitRate,
        reference_volatility: referenceVolatility,
        created_at: createdAt,
      });
      trained = { version, file, trainStart: t.trainStart, trainEnd: t.trainEnd, trainRows: t.trainRows, scores: { ...t.scores } };
    }
    const modelAfter = trained?.version ?? before?.model_version ?? null;
    const exitCode = trained !== null ? MONITOR_EXIT_CODES.retrained : MONITOR_EXIT_CODES.kept;
    await recordMonitorRun(db, {
      run_id: runId,
      created_at: createdAt,
      as_of: asOf,
      source,
      data_hash: dataHash,
      first_date: prices.dates[0]!,
      price_rows: n,
      tickers: prices.tickers.length,
      parameters_json: canonicalJson(settings),
      model_before: before?.model_version ?? null,
      model_after: modelAfter,
      decision: trained !== null ? "retrain" : "keep",
      triggers_json: JSON.stringify(decision.triggers),
      reasons_json: JSON.stringify(decision.reasons),
      volatility_recent: shift.recent,
      volatility_reference: shift.reference,
      volatility_ratio: shift.ratio,
      max_psi: psi[0]?.psi ?? null,
      error_ratio: realised.errorRatio,
      forecast_count: realised.count,
      expected_return: realised.expected,
      realised_return: realised.realised,
      model_age_days: modelAgeDays,
      exit_code: exitCode,
      code_version: monitorCodeVersion(),
    });
    return {
      runId,
      createdAt,
      asOf,
      source,
      dataHash,
      priceRows: n,
      tickers: prices.tickers.length,
      settings,
      modelBefore: before === null ? null : { version: before.model_version, asOf: before.as_of, file: before.model_file },
      indicators: { volatility, psi, maxPsi: psi[0]?.psi ?? Number.NaN, realisedVersusExpected: realised, modelAgeDays },
      decision,
      trained,
      modelAfter,
      exitCode,
    };
  } finally {
    if (ownDb) db.close();
  }
}
