/**
 * The monitor's lineage in DuckDB: every run and every model version, beside the backtests' trade log.
 */
import { readFileSync } from "node:fs";
import { packagePath } from "../../core/index";
import type { WorkbookDatabase } from "../../data/index";

/**
 * A model version as recorded in `model_versions` (see `monitor-schema.sql`); dates `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * const v: ModelVersionRow = { model_version: "3f9a…", run_id: "…", kind: "ridge-regression", model_file: "build/monitor/models/…json",
 *   data_hash: "a1b2…", as_of: "2015-06-30", train_start: "2012-06-29", train_end: "2015-05-29", train_rows: 9000,
 *   features_json: "[…]", parameters_json: "{…}", scores_json: "{…}", validation_rmse: 0.07, validation_ic: 0.05,
 *   validation_hit_rate: 0.55, reference_volatility: 0.16, created_at: "2026-12-06T05:40:00.000Z" };
 * ```
 */
export interface ModelVersionRow {
  readonly model_version: string;
  readonly run_id: string;
  readonly kind: string;
  readonly model_file: string;
  readonly data_hash: string;
  readonly as_of: string;
  readonly train_start: string;
  readonly train_end: string;
  readonly train_rows: number;
  readonly features_json: string;
  readonly parameters_json: string;
  readonly scores_json: string;
  readonly validation_rmse: number;
  readonly validation_ic: number | null;
  readonly validation_hit_rate: number | null;
  readonly reference_volatility: number;
  readonly created_at: string;
}

/**
 * A monitor run as recorded in `monitor_runs` (see `monitor-schema.sql`); unknown indicators are `null`.
 *
 * @example
 * ```ts
 * const r: MonitorRunRow = { run_id: "…", created_at: "…", as_of: "2015-06-30", source: "csv:prices.csv", data_hash: "a1b2…",
 *   first_date: "2010-01-04", price_rows: 1383, tickers: 12, parameters_json: "{…}", model_before: null, model_after: "3f9a…",
 *   decision: "retrain", triggers_json: '["no-model"]', reasons_json: "[…]", volatility_recent: 0.15, volatility_reference: 0.16,
 *   volatility_ratio: 0.94, max_psi: null, error_ratio: null, forecast_count: 0, expected_return: null, realised_return: null,
 *   model_age_days: null, exit_code: 10, code_version: "allocation-workbook 0.1.0" };
 * ```
 */
export interface MonitorRunRow {
  readonly run_id: string;
  readonly created_at: string;
  readonly as_of: string;
  readonly source: string;
  readonly data_hash: string;
  readonly first_date: string;
  readonly price_rows: number;
  readonly tickers: number;
  readonly parameters_json: string;
  readonly model_before: string | null;
  readonly model_after: string | null;
  readonly decision: "retrain" | "keep";
  readonly triggers_json: string;
  readonly reasons_json: string;
  readonly volatility_recent: number | null;
  readonly volatility_reference: number | null;
  readonly volatility_ratio: number | null;
  readonly max_psi: number | null;
  readonly error_ratio: number | null;
  readonly forecast_count: number;
  readonly expected_return: number | null;
  readonly realised_return: number | null;
  readonly model_age_days: number | null;
  readonly exit_code: number;
  readonly code_version: string;
}

let codeVersion: string | undefined;

/**
 * The package's name and version, recorded as the code version of each run.
 *
 * @example
 * ```ts
 * monitorCodeVersion(); // => "allocation-workbook 0.1.0"
 * ```
 */
export function monitorCodeVersion(): string {
  if (codeVersion === undefined) {
    try {
      codeVersion = `allocation-workbook ${(JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version?: string }).version ?? "unknown"}`;
    } catch {
      codeVersion = "allocation-workbook unknown";
    }
  }
  return codeVersion;
}

/** A number for a nullable DOUBLE column: `null` for `NaN` and infinities. */
function finiteOrNull(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}

/**
 * Creates the monitor's tables if absent (`monitor-schema.sql`); existing rows are kept.
 *
 * @throws DataError SQL_FAILED.
 * @example
 * ```ts
 * await ensureMonitorTables(db);
 * ```
 */
export async function ensureMonitorTables(db: WorkbookDatabase): Promise<void> {
  await db.run("monitor-schema.sql");
}

/**
 * The model version in force on a date: the one trained on the latest data up to `asOf`, or `null`.
 *
 * @example
 * ```ts
 * (await currentModelVersion(db, "2015-06-30"))?.model_file; // => "build/monitor/models/2015-05-29-3f9a….json"
 * ```
 */
export async function currentModelVersion(db: WorkbookDatabase, asOf: string): Promise<ModelVersionRow | null> {
  await ensureMonitorTables(db);
  const rows = await db.query<ModelVersionRow>("monitor-model-current.sql", { as_of: asOf });
  return rows[0] ?? null;
}

/**
 * The last run before `asOf` that found the market's volatility regime changed (trigger `volatility`): its as-of
 * date and its recent window in trading days, or `null` when no run did. The current regime began with that window.
 *
 * @example
 * ```ts
 * await lastVolatilityShift(db, "2012-06-29"); // => { asOf: "2011-04-29", recentDays: 63 }
 * ```
 */
export async function lastVolatilityShift(db: WorkbookDatabase, asOf: string): Promise<{ asOf: string; recentDays: number } | null> {
  await ensureMonitorTables(db);
  const [row] = await db.query<{ as_of: string; parameters_json: string }>("monitor-last-volatility-shift.sql", { as_of: asOf });
  if (row === undefined) return null;
  const recentDays = Number((JSON.parse(row.parameters_json) as { recentDays?: unknown }).recentDays);
  return { asOf: row.as_of, recentDays: Number.isSafeInteger(recentDays) && recentDays > 0 ? recentDays : 0 };
}

/**
 * Records a model version (`monitor-model-insert.sql`); a version already recorded is left as it is.
 *
 * @throws DataError SQL_FAILED.
 * @example
 * ```ts
 * await recordModelVersion(db, row);
 * ```
 */
export async function recordModelVersion(db: WorkbookDatabase, row: ModelVersionRow): Promise<void> {
  await ensureMonitorTables(db);
  await db.run("monitor-model-insert.sql", {
    ...row,
    validation_rmse: row.validation_rmse,
    validation_ic: finiteOrNull(row.validation_ic),
    validation_hit_rate: finiteOrNull(row.validation_hit_rate),
  });
}

/**
 * Records a monitor run (`monitor-run-insert.sql`); `NaN` indicators are stored as `NULL`.
 *
 * @throws DataError SQL_FAILED (e.g. a run id already recorded).
 * @example
 * ```ts
 * await recordMonitorRun(db, row);
 * ```
 */
export async function recordMonitorRun(db: WorkbookDatabase, row: MonitorRunRow): Promise<void> {
  await ensureMonitorTables(db);
  await db.run("monitor-run-insert.sql", {
    ...row,
    volatility_recent: finiteOrNull(row.volatility_recent),
    volatility_reference: finiteOrNull(row.volatility_reference),
    volatility_ratio: finiteOrNull(row.volatility_ratio),
    max_psi: finiteOrNull(row.max_psi),
    error_ratio: finiteOrNull(row.error_ratio),
    expected_return: finiteOrNull(row.expected_return),
    realised_return: finiteOrNull(row.realised_return),
  });
}

/**
 * Every run and every model version recorded in a database (empty lists when the monitor never ran there).
 *
 * @example
 * ```ts
 * const { runs, models } = await readMonitorLog(db);
 * runs.filter((r) => r.decision === "retrain").length === models.length; // => true for a fresh log
 * ```
 */
export async function readMonitorLog(db: WorkbookDatabase): Promise<{ runs: MonitorRunRow[]; models: ModelVersionRow[] }> {
  await ensureMonitorTables(db);
  return { runs: await db.query<MonitorRunRow>("monitor-runs-select.sql"), models: await db.query<ModelVersionRow>("monitor-models-select.sql") };
}
