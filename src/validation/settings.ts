/**
 * The thresholds of every validation check, in one named settings object with
 * documented defaults. Checks take the settings as an argument; none holds a
 * number of its own.
 */
import { InputError } from "../core/index";

/**
 * Thresholds of the earnings-sanity checks (fractions: 0.5 = 50 %).
 *
 * @example
 * ```ts
 * DEFAULT_VALIDATION_SETTINGS.earnings.netMargin; // => { min: -0.5, max: 0.5 }
 * ```
 */
export interface EarningsSettings {
  /** Plausible net margin (net income / revenue); outside it is a warning. */
  readonly netMargin: { readonly min: number; readonly max: number };
  /** Plausible operating margin (operating income / revenue). */
  readonly operatingMargin: { readonly min: number; readonly max: number };
  /** Revenue ratio x / x_prev above `1 + revenueJump` or below `1 / (1 + revenueJump)` is a jump (0.5: +50 % or −33 %). */
  readonly revenueJump: number;
  /** Same for net income, when both years are positive (1: doubled or halved). */
  readonly netIncomeJump: number;
  /** A restatement that moved a figure by more than this fraction of the original is a warning; smaller ones are info. */
  readonly restatementThreshold: number;
  /** A 10-K is due within this many days of the year end: a year is expected once they passed by the last price. */
  readonly filingWindowDays: number;
  /**
   * A 10-K is not filed sooner than this many days after the year end: a year that ended shortly
   * before the first price (period end + this ≥ first price) was filed while the stock traded, so it is expected.
   */
  readonly minFilingLagDays: number;
}

/**
 * Thresholds of the profitability-versus-growth quadrants.
 *
 * @example
 * ```ts
 * DEFAULT_VALIDATION_SETTINGS.quadrant; // => { years: 3, minNetMargin: 0, minRevenueGrowth: 0 }
 * ```
 */
export interface QuadrantSettings {
  /** The last `years` fiscal years of each company are averaged (margin) and compounded (growth). */
  readonly years: number;
  /** Average net margin at or above this is "profitable". */
  readonly minNetMargin: number;
  /** Compound annual revenue growth at or above this is "growing". */
  readonly minRevenueGrowth: number;
}

/**
 * Scales and weights of the stability score. Each part is mapped to 0–1 as
 * `1 − min(1, measure / scale)` (0 at or beyond the scale, 1 when the measure is 0).
 *
 * @example
 * ```ts
 * DEFAULT_VALIDATION_SETTINGS.stability.weights; // => { growth: 1, earnings: 1, drawdown: 1 }
 * ```
 */
export interface StabilitySettings {
  /** Fewer annual revenue-growth observations than this: no score. */
  readonly minYears: number;
  /** Sample standard deviation of annual revenue growth that scores 0. */
  readonly growthVolatilityScale: number;
  /** Coefficient of variation of the net margin (sd / |mean|) that scores 0. */
  readonly earningsVariationScale: number;
  /** Maximum drawdown of the adjusted close (a fraction) that scores 0. */
  readonly drawdownScale: number;
  /** Relative weights of the three parts in the score (non-negative, not all 0). */
  readonly weights: { readonly growth: number; readonly earnings: number; readonly drawdown: number };
}

/**
 * Thresholds of the price-data checks.
 *
 * @example
 * ```ts
 * DEFAULT_VALIDATION_SETTINGS.prices.staleDays; // => 4
 * ```
 */
export interface PriceSettings {
  /** A day is a market day when at least this share of the tickers trading around it has a price. */
  readonly calendarShare: number;
  /** A gap of more than this many market days in a row is an error (shorter: a warning). */
  readonly gapErrorDays: number;
  /** This many consecutive unchanged adjusted closes (after the first) make a stale run. */
  readonly staleDays: number;
  /** A daily log return beyond this many local standard deviations is an outlier. */
  readonly outlierZ: number;
  /**
   * Half-life, in market days, of the local volatility: an exponentially weighted mean of squared
   * log returns (each clipped at `outlierZ` standard deviations), started at the robust variance.
   */
  readonly volatilityHalfLife: number;
  /** A day-on-day move of the close/adjClose ratio beyond this fraction is a jump. */
  readonly ratioJump: number;
  /** Split ratios a jump is compared with (2 = 2-for-1); also their reverse splits. */
  readonly splitRatios: readonly number[];
  /** A jump within this relative distance of a split ratio is a likely split. */
  readonly splitTolerance: number;
  /** A split-like adjusted return counts only if the new level holds for this many days. */
  readonly splitHoldDays: number;
}

/**
 * Every threshold of the validation layer.
 *
 * @example
 * ```ts
 * const s: ValidationSettings = resolveValidationSettings({ prices: { staleDays: 3 } });
 * s.prices.staleDays; // => 3
 * ```
 */
export interface ValidationSettings {
  readonly earnings: EarningsSettings;
  readonly quadrant: QuadrantSettings;
  readonly stability: StabilitySettings;
  readonly prices: PriceSettings;
}

/**
 * The defaults, with their reasons:
 * - earnings: net margin in [−50 %, 50 %] and operating margin in [−50 %, 60 %] cover nearly
 *   every listed non-financial company-year; revenue that moves by ×1.5 or ÷1.5 and net income
 *   that doubles or halves in a year deserve a look; a restatement moving a figure by more than
 *   1 % is material; a 10-K is due within 90 days of the year end (SEC, large filers 60–90)
 *   and is rarely filed within 30 days of it.
 * - quadrant: the last 3 fiscal years; "profitable" = average net margin ≥ 0, "growing" =
 *   revenue CAGR ≥ 0.
 * - stability: at least 3 growth observations; growth sd of 20 %, a margin coefficient of
 *   variation of 0.5 and a drawdown of 80 % score 0; equal weights.
 * - prices: a market day is one on which half the listed tickers trade; gaps over 5 days are
 *   errors; 4 unchanged closes in a row are stale (probability ≈ 0 for a liquid stock quoted to
 *   the cent); |log return| over 10 local sd (exponentially weighted, half-life 20 days, so
 *   that calm-to-crisis clusters are not all flagged) is an outlier; a close/adjClose ratio moving over
 *   5 % in a day is a jump, a likely split when within 3 % of 2, 3, 4, 5, 10 or 3/2 (or their
 *   inverses); a split-like move in the adjusted close must hold for 5 days.
 *
 * @example
 * ```ts
 * DEFAULT_VALIDATION_SETTINGS.earnings.restatementThreshold; // => 0.01
 * ```
 */
export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = deepFreeze({
  earnings: {
    netMargin: { min: -0.5, max: 0.5 },
    operatingMargin: { min: -0.5, max: 0.6 },
    revenueJump: 0.5,
    netIncomeJump: 1,
    restatementThreshold: 0.01,
    filingWindowDays: 90,
    minFilingLagDays: 30,
  },
  quadrant: { years: 3, minNetMargin: 0, minRevenueGrowth: 0 },
  stability: {
    minYears: 3,
    growthVolatilityScale: 0.2,
    earningsVariationScale: 0.5,
    drawdownScale: 0.8,
    weights: { growth: 1, earnings: 1, drawdown: 1 },
  },
  prices: {
    calendarShare: 0.5,
    gapErrorDays: 5,
    staleDays: 4,
    outlierZ: 10,
    volatilityHalfLife: 20,
    ratioJump: 0.05,
    splitRatios: [2, 3, 4, 5, 10, 1.5],
    splitTolerance: 0.03,
    splitHoldDays: 5,
  },
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A partial override of {@link ValidationSettings}: any subset, nested groups included. */
export type ValidationSettingsOverride = {
  readonly [G in keyof ValidationSettings]?: {
    readonly [K in keyof ValidationSettings[G]]?: ValidationSettings[G][K] extends readonly number[]
      ? readonly number[]
      : ValidationSettings[G][K] extends object
        ? { readonly [L in keyof ValidationSettings[G][K]]?: number }
        : number;
  };
};

function merge(base: unknown, override: unknown, path: string): unknown {
  if (override === undefined) return base;
  if (Array.isArray(base)) {
    if (!Array.isArray(override) || override.length === 0) {
      throw new InputError("BAD_SETTING", `validation setting ${path} must be a non-empty list of numbers, got ${JSON.stringify(override)}`, { path });
    }
    return override.map((v, i) => merge(0, v, `${path}[${i}]`));
  }
  if (typeof base === "number") {
    if (typeof override !== "number" || !Number.isFinite(override)) {
      throw new InputError("BAD_SETTING", `validation setting ${path} must be a finite number, got ${JSON.stringify(override)}`, { path });
    }
    return override;
  }
  if (override === null || typeof override !== "object") {
    throw new InputError("BAD_SETTING", `validation setting ${path} must be an object of settings, got ${JSON.stringify(override)}`, { path });
  }
  const out: Record<string, unknown> = {};
  const known = Object.keys(base as object);
  for (const key of Object.keys(override)) {
    if (!known.includes(key)) {
      throw new InputError("UNKNOWN_SETTING", `unknown validation setting ${path ? `${path}.` : ""}${key}; known: ${known.join(", ")}`, { path, key });
    }
  }
  for (const key of known) out[key] = merge((base as Record<string, unknown>)[key], (override as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
  return out;
}

function check(ok: boolean, path: string, value: unknown, expected: string): void {
  if (!ok) throw new InputError("BAD_SETTING", `validation setting ${path} = ${JSON.stringify(value)} is invalid; pass ${expected}`, { path });
}

/**
 * The defaults with `override` merged in (nested groups merge, lists are replaced whole), checked and frozen.
 * The override is only read.
 *
 * @example
 * ```ts
 * resolveValidationSettings({ earnings: { revenueJump: 1 } }).earnings.revenueJump; // => 1
 * resolveValidationSettings({ prices: { stale: 3 } }); // throws InputError UNKNOWN_SETTING naming prices.stale
 * ```
 * @throws InputError UNKNOWN_SETTING for a key that does not exist; BAD_SETTING for a value out of range
 *   (naming the setting and what it accepts).
 */
export function resolveValidationSettings(override: ValidationSettingsOverride = {}): ValidationSettings {
  const s = merge(DEFAULT_VALIDATION_SETTINGS, override, "") as ValidationSettings;
  const e = s.earnings;
  check(e.netMargin.min < e.netMargin.max, "earnings.netMargin", e.netMargin, "min < max");
  check(e.operatingMargin.min < e.operatingMargin.max, "earnings.operatingMargin", e.operatingMargin, "min < max");
  check(e.revenueJump > 0, "earnings.revenueJump", e.revenueJump, "a positive fraction");
  check(e.netIncomeJump > 0, "earnings.netIncomeJump", e.netIncomeJump, "a positive fraction");
  check(e.restatementThreshold >= 0, "earnings.restatementThreshold", e.restatementThreshold, "a fraction >= 0");
  check(Number.isInteger(e.filingWindowDays) && e.filingWindowDays >= 0, "earnings.filingWindowDays", e.filingWindowDays, "a whole number of days >= 0");
  check(Number.isInteger(e.minFilingLagDays) && e.minFilingLagDays >= 0 && e.minFilingLagDays <= e.filingWindowDays, "earnings.minFilingLagDays", e.minFilingLagDays, "a whole number of days in [0, filingWindowDays]");
  const q = s.quadrant;
  check(Number.isInteger(q.years) && q.years >= 1, "quadrant.years", q.years, "a whole number of years >= 1");
  const st = s.stability;
  check(Number.isInteger(st.minYears) && st.minYears >= 2, "stability.minYears", st.minYears, "a whole number >= 2 (a standard deviation needs two values)");
  check(st.growthVolatilityScale > 0, "stability.growthVolatilityScale", st.growthVolatilityScale, "a positive number");
  check(st.earningsVariationScale > 0, "stability.earningsVariationScale", st.earningsVariationScale, "a positive number");
  check(st.drawdownScale > 0 && st.drawdownScale <= 1, "stability.drawdownScale", st.drawdownScale, "a fraction in (0, 1]");
  const w = st.weights;
  check(w.growth >= 0 && w.earnings >= 0 && w.drawdown >= 0 && w.growth + w.earnings + w.drawdown > 0, "stability.weights", w, "non-negative weights, not all 0");
  const p = s.prices;
  check(p.calendarShare > 0 && p.calendarShare <= 1, "prices.calendarShare", p.calendarShare, "a fraction in (0, 1]");
  check(Number.isInteger(p.gapErrorDays) && p.gapErrorDays >= 1, "prices.gapErrorDays", p.gapErrorDays, "a whole number of days >= 1");
  check(Number.isInteger(p.staleDays) && p.staleDays >= 2, "prices.staleDays", p.staleDays, "a whole number of days >= 2");
  check(p.outlierZ > 0, "prices.outlierZ", p.outlierZ, "a positive number of standard deviations");
  check(p.volatilityHalfLife > 0, "prices.volatilityHalfLife", p.volatilityHalfLife, "a positive number of days");
  check(p.ratioJump > 0, "prices.ratioJump", p.ratioJump, "a positive fraction");
  check(p.splitRatios.every((r) => r > 1), "prices.splitRatios", p.splitRatios, "ratios > 1 (reverse splits are covered)");
  check(p.splitTolerance > 0 && p.splitTolerance < 0.2, "prices.splitTolerance", p.splitTolerance, "a fraction in (0, 0.2)");
  check(Number.isInteger(p.splitHoldDays) && p.splitHoldDays >= 1, "prices.splitHoldDays", p.splitHoldDays, "a whole number of days >= 1");
  return deepFreeze(s);
}
