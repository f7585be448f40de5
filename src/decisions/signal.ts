import { InputError } from "../core/index";

/** A plain-language instruction for one asset, strongest buy to strongest sell. */
export type Signal = "STRONG BUY" | "BUY" | "HOLD" | "REDUCE" | "SELL";

/** Every signal, strongest buy first. */
export const SIGNALS: readonly Signal[] = ["STRONG BUY", "BUY", "HOLD", "REDUCE", "SELL"];

/**
 * The thresholds of {@link signalFor}. Weight gaps are fractions of the portfolio's value
 * (0.01 = one percentage point); the model score is expected growth × confidence.
 */
export interface SignalThresholds {
  /** A gap of at least this much (target above current) is a BUY. Default 0.01. */
  readonly buyGap: number;
  /** A gap of at least this much, with the model agreeing, is a STRONG BUY. Default 0.05. */
  readonly strongGap: number;
  /** The model agrees with a STRONG BUY when growth × confidence ≥ this. Default 0.05. */
  readonly strongScore: number;
  /** Weights at or below this count as not held. Default 1e-4. */
  readonly exitWeight: number;
}

/** Default thresholds; see {@link SignalThresholds}. */
export const DEFAULT_SIGNAL_THRESHOLDS: SignalThresholds = Object.freeze({ buyGap: 0.01, strongGap: 0.05, strongScore: 0.05, exitWeight: 1e-4 });

/** What a signal is decided from. */
export interface SignalInput {
  /** Target weight (fraction of value), from the optimiser. */
  readonly target: number;
  /** Current weight (fraction of value); 0 when not held. */
  readonly current: number;
  /** Model score, expected growth × confidence; `undefined` where no model covers the asset (bond funds…). */
  readonly score?: number | undefined;
}

/**
 * The signal for one asset. The rules, in order (gap = target − current):
 * - **SELL**: the target holds none of it (≤ `exitWeight`) while it is held; or the gap is at or below
 *   −`strongGap` and the model score is negative.
 * - **STRONG BUY**: the gap is at least `strongGap` and the model agrees (score ≥ `strongScore`; an asset
 *   the model does not cover needs the gap alone).
 * - **BUY**: the gap is at least `buyGap`.
 * - **REDUCE**: the gap is at or below −`buyGap`.
 * - **HOLD**: otherwise.
 *
 * @example
 * ```ts
 * signalFor({ target: 0.12, current: 0.05, score: 0.08 }); // => "STRONG BUY"
 * signalFor({ target: 0.10, current: 0.10 }); // => "HOLD"
 * signalFor({ target: 0, current: 0.04 }); // => "SELL"
 * ```
 * @throws InputError when a weight or the score is not finite, or a weight is outside [−1, 1].
 */
export function signalFor(input: SignalInput, thresholds: SignalThresholds = DEFAULT_SIGNAL_THRESHOLDS): Signal {
  const { target, current, score } = input;
  for (const [name, v] of [["target", target], ["current", current]] as const) {
    if (!Number.isFinite(v) || Math.abs(v) > 1) throw new InputError("BAD_WEIGHT", `signalFor: ${name} weight ${v} must be a finite fraction in [−1, 1]`, { [name]: v });
  }
  if (score !== undefined && !Number.isFinite(score)) throw new InputError("BAD_SCORE", `signalFor: model score ${score} must be finite (or undefined where no model covers the asset)`);
  const gap = target - current;
  const { buyGap, strongGap, strongScore, exitWeight } = thresholds;
  if (Math.abs(target) <= exitWeight && Math.abs(current) > exitWeight) return "SELL";
  if (gap <= -strongGap && score !== undefined && score < 0) return "SELL";
  if (gap >= strongGap && (score === undefined || score >= strongScore)) return "STRONG BUY";
  if (gap >= buyGap) return "BUY";
  if (gap <= -buyGap) return "REDUCE";
  return "HOLD";
}
