/**
 * The monitor's settings, defaults and exit codes (light: no database or model is loaded by this file).
 */
import { InputError } from "../../core/index";

/**
 * Exit codes of `npx workbook monitor`, for a scheduler: 0 the model was kept, 10 it was retrained, 2 bad input
 * (flags, file, too little data), 1 any other failure.
 *
 * @example
 * ```ts
 * MONITOR_EXIT_CODES.retrained; // => 10
 * ```
 */
export const MONITOR_EXIT_CODES = Object.freeze({ kept: 0, retrained: 10, badInput: 2, failure: 1 });

/** Windows, model settings and thresholds of a monitor run (trading days unless said otherwise). */
export interface MonitorSettings {
  /** Trading days counted as recent: the volatility, the PSI and the forecast errors compare them with the reference. */
  readonly recentDays: number;
  /**
   * Most trading days of the reference volatility: the current volatility regime's days before the recent window
   * (the regime began with the recent window of the last run that found a volatility shift). A year: a quarter's
   * volatility is as noisy as the recent window's, and a reference on a quiet quarter makes the next ordinary quarter
   * look like a shift.
   */
  readonly referenceDays: number;
  /** Horizon of the model's forecasts (the target is the simple return over it). */
  readonly horizonDays: number;
  /** Trading days of history the model is trained on. */
  readonly trainDays: number;
  /** Ridge penalty of the model. */
  readonly alpha: number;
  /** Share of the training dates held out to score the model. */
  readonly validationShare: number;
  /**
   * Retrain on volatility only when the recent / reference volatility leaves [1/r, r] (a shift large enough to
   * matter) and the variance-ratio test rejects one regime at `volatilityLevel` (a shift larger than one regime's
   * wandering: see `monitoring.volatilityShift`).
   */
  readonly volatilityRatio: number;
  /** Two-sided level of the variance-ratio test: a market in one regime crosses its band this share of the runs. */
  readonly volatilityLevel: number;
  /** Variance inflation φ of daily returns' sample variances against independent normal returns (fat tails, clustering). */
  readonly volatilityInflation: number;
  /**
   * Retrain when a feature's PSI (recent rows against the training rows) exceeds this. Reported but off by default:
   * momentum features trend, so their PSI exceeds 1 in calm markets too (the 10-year replay of the synthetic market).
   */
  readonly psi: number;
  /** Retrain when the recent forecast RMSE over the validation RMSE exceeds this. */
  readonly errorRatio: number;
  /** Retrain when the model is older than this many calendar days (`Infinity`: never for age alone). */
  readonly maxAgeDays: number;
  /**
   * Ticker whose returns measure the market's volatility; `null` for the equal-weighted average of the tickers priced
   * on every day of both volatility windows (a listing inside them would change the average, not the market).
   */
  readonly benchmark: string | null;
}

/**
 * The defaults of {@link MonitorSettings}, stated in `npx workbook monitor --help`.
 *
 * @example
 * ```ts
 * MONITOR_DEFAULTS.volatilityRatio; // => 1.5
 * ```
 */
export const MONITOR_DEFAULTS: MonitorSettings = Object.freeze({
  recentDays: 63,
  referenceDays: 252,
  horizonDays: 21,
  trainDays: 756,
  alpha: 1,
  validationShare: 0.25,
  volatilityRatio: 1.5,
  volatilityLevel: 0.05, // monitoring.VOLATILITY_TEST_LEVEL (a literal: this file stays light)
  volatilityInflation: 10, // monitoring.VOLATILITY_INFLATION
  psi: Number.POSITIVE_INFINITY,
  errorRatio: 2,
  maxAgeDays: Number.POSITIVE_INFINITY,
  benchmark: null,
});

/**
 * Settings with the defaults filled in, checked.
 *
 * @throws InputError BAD_SETTING naming the setting and the values it takes; BAD_THRESHOLD for a threshold out of range.
 * @example
 * ```ts
 * monitorSettings({ recentDays: 42 }).recentDays; // => 42
 * ```
 */
export function monitorSettings(settings: Partial<MonitorSettings> = {}): MonitorSettings {
  const s = { ...MONITOR_DEFAULTS, ...settings };
  const whole = (name: keyof MonitorSettings, min: number) => {
    const v = s[name] as number;
    if (!Number.isSafeInteger(v) || v < min) throw new InputError("BAD_SETTING", `monitor: ${name} = ${String(v)} must be a whole number of trading days ≥ ${min}`, { setting: name, value: v });
  };
  whole("recentDays", 5);
  whole("referenceDays", 5);
  whole("horizonDays", 1);
  whole("trainDays", 126);
  if (!(Number.isFinite(s.alpha) && s.alpha >= 0)) throw new InputError("BAD_SETTING", `monitor: alpha = ${s.alpha} must be a finite number ≥ 0`, { setting: "alpha" });
  if (!(s.validationShare > 0 && s.validationShare < 1)) throw new InputError("BAD_SETTING", `monitor: validationShare = ${s.validationShare} must be between 0 and 1, e.g. 0.25`, { setting: "validationShare" });
  const threshold = (name: keyof MonitorSettings, ok: boolean, takes: string) => {
    if (!ok) throw new InputError("BAD_THRESHOLD", `monitor: threshold ${name} = ${String(s[name])} is invalid; pass ${takes}`, { threshold: name, value: s[name] });
  };
  threshold("volatilityRatio", s.volatilityRatio > 1, "a ratio > 1, e.g. 1.5 (the band is 1/1.5–1.5)");
  threshold("volatilityLevel", s.volatilityLevel > 0 && s.volatilityLevel < 1, "a probability in (0, 1), e.g. 0.05");
  threshold("volatilityInflation", s.volatilityInflation >= 1 && Number.isFinite(s.volatilityInflation), "a finite number ≥ 1, e.g. 10 (1 for independent normal returns)");
  threshold("psi", s.psi > 0, "a PSI > 0, e.g. 0.25 (or Infinity to ignore PSI)");
  threshold("errorRatio", s.errorRatio > 0, "a ratio of RMSEs > 0, e.g. 1.5 (or Infinity)");
  threshold("maxAgeDays", s.maxAgeDays > 0, "a number of calendar days > 0, e.g. 90 (or Infinity)");
  return s;
}
