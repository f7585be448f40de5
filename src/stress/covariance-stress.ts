/**
 * Hypothetical scenarios on the covariance matrix: volatility doubled, correlations to one.
 */
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import { InputError } from "../core/index";
import type { LabelledMatrix } from "../core/index";
import { assetRiskContributions } from "../measures/index";
import { checkConfidence, checkHorizon } from "../measures/index";
import { normalDensity, normalQuantile } from "../measures/index";
import { DEFAULT_CONFIDENCE } from "../measures/index";
import { holdingsCovariance } from "./holdings-covariance";
import type { Scenario } from "./scenario";

/** A change to a covariance matrix: a name for reports and a pure function (the input is not changed). */
export interface CovarianceTransform {
  readonly name: string;
  apply(cov: LabelledMatrix): LabelledMatrix;
}

/**
 * Multiplies every volatility by `factor` (the covariance by factor², correlations unchanged).
 *
 * @throws InputError BAD_FACTOR unless `factor` is finite and > 0.
 * @example
 * ```ts
 * scaleVolatilities(2).apply({ labels: ["A"], values: Float64Array.of(0.04) }).values; // => Float64Array [0.16]
 * ```
 */
export function scaleVolatilities(factor: number): CovarianceTransform {
  if (typeof factor !== "number" || !Number.isFinite(factor) || factor <= 0) {
    throw new InputError("BAD_FACTOR", `scaleVolatilities: factor ${String(factor)} must be a finite number > 0, e.g. 2 for volatility doubled`, { factor });
  }
  return { name: `volatility ×${factor}`, apply: (cov) => ({ labels: [...cov.labels], values: cov.values.map((x) => x * factor * factor) }) };
}

/**
 * Sets every correlation to `correlation` and keeps the volatilities: Σ'ᵢⱼ = ρ·σᵢσⱼ for i ≠ j. With ρ = 1
 * diversification vanishes and a long-only portfolio's volatility is the weighted sum of volatilities.
 *
 * @throws InputError BAD_CORRELATION unless `correlation` is in [0, 1] (a common negative correlation is not a valid
 *   correlation matrix beyond two assets).
 * @example
 * ```ts
 * setCorrelations(1).apply({ labels: ["A", "B"], values: Float64Array.of(0.04, 0, 0, 0.09) }).values;
 * // => Float64Array [0.04, 0.06, 0.06, 0.09]
 * ```
 */
export function setCorrelations(correlation: number): CovarianceTransform {
  if (typeof correlation !== "number" || !(correlation >= 0 && correlation <= 1)) {
    throw new InputError("BAD_CORRELATION", `setCorrelations: correlation ${String(correlation)} must be between 0 and 1, e.g. 1 for "correlations go to one"`, {
      correlation,
    });
  }
  return {
    name: `correlations = ${correlation}`,
    apply: (cov) => {
      const n = cov.labels.length;
      const sd = Array.from({ length: n }, (_, i) => Math.sqrt(Math.max(0, cov.values[i * n + i]!)));
      const values = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = i === j ? cov.values[i * n + i]! : correlation * sd[i]! * sd[j]!;
      return { labels: [...cov.labels], values };
    },
  };
}

/** Options of {@link covarianceStress}. */
export interface CovarianceStressOptions {
  /** How the covariance is stressed, e.g. `scaleVolatilities(2)` or `setCorrelations(1)`. */
  readonly transform: CovarianceTransform;
  /** Confidence level c of the VaR and CVaR. Default 0.95. */
  readonly confidence?: number;
  /** Horizon in trading days. Default 10. */
  readonly horizonDays?: number;
  /** Name shown in reports. Default the transform's name. */
  readonly name?: string;
}

/**
 * A hypothetical scenario on risk rather than prices: the holdings' annualised sample covariance (daily
 * pairwise covariance × 252, repaired) is stressed by `transform`, and the portfolio's Gaussian VaR and CVaR
 * over `horizonDays` are computed with zero mean: σₕ = √(wᵀΣ'w · h / 252), VaR = −z·σₕ, CVaR = σₕ·φ(z)/(1 − c),
 * z = Φ⁻¹(1 − c). The loss is the CVaR, split by holding in proportion to its risk contribution
 * `wᵢ(Σ'w)ᵢ / σ²` (Euler allocation, so the parts sum to the total). The unstressed figures are reported as
 * `tail.baseline`. Gaussian: fat tails are ignored (see the simulations for them).
 *
 * @param options `{ transform, confidence = 0.95, horizonDays = 10, name }`.
 * @throws InputError for a bad confidence or horizon (at construction); when run, for a holding without
 *   enough history for a covariance, or a stressed covariance with zero portfolio variance.
 *
 * @example
 * ```ts
 * const r = runStressTest(covarianceStress({ transform: scaleVolatilities(2) }), portfolio, context);
 * r.tail.conditionalValueAtRisk / r.tail.baseline.conditionalValueAtRisk; // => 2
 * ```
 */
export function covarianceStress(options: CovarianceStressOptions): Scenario {
  const caller = "covarianceStress";
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const horizonDays = checkHorizon(options.horizonDays ?? 10, caller);
  const name = options.name ?? options.transform.name;
  const z = normalQuantile(1 - confidence);
  const tailFactor = normalDensity(z) / (1 - confidence);
  const scale = Math.sqrt(horizonDays / TRADING_DAYS_PER_YEAR);
  return {
    name,
    kind: "hypothetical",
    evaluate(history) {
      const daily = holdingsCovariance(history).covariance;
      const annual = { labels: daily.labels, values: daily.values.map((x) => x * TRADING_DAYS_PER_YEAR) };
      const weights = { labels: history.tickers, values: history.weights };
      const base = assetRiskContributions(weights, annual);
      const stressed = assetRiskContributions(weights, options.transform.apply(annual));
      const sigma = stressed.volatility * scale;
      const cvar = sigma * tailFactor;
      // Holding i's share of the CVaR is fractionᵢ; as a return on its own weight: −CVaR · fractionᵢ / wᵢ.
      const assetReturns = stressed.fractions.values.map((f, c) => (-cvar * f) / history.weights[c]!);
      const baseSigma = base.volatility * scale;
      return {
        assetReturns,
        description: `hypothetical: ${options.transform.name}; Gaussian ${horizonDays}-day CVaR at ${confidence * 100} % with zero mean, split by risk contribution (annual volatility ${(base.volatility * 100).toFixed(2)} % → ${(stressed.volatility * 100).toFixed(2)} %)`,
        tail: {
          confidence,
          horizonDays,
          valueAtRisk: -z * sigma,
          conditionalValueAtRisk: cvar,
          baseline: { valueAtRisk: -z * baseSigma, conditionalValueAtRisk: baseSigma * tailFactor },
        },
        notes: ["Gaussian with zero mean: fat tails are ignored (compare the Monte Carlo scenarios)"],
      };
    },
  };
}

/** Options of {@link volatilityShock}. */
export interface VolatilityShockOptions {
  /** Volatility multiplier. Default 2 (volatility doubled). */
  readonly factor?: number;
  readonly confidence?: number;
  readonly horizonDays?: number;
}

/**
 * "Volatility doubled": {@link covarianceStress} with {@link scaleVolatilities}(factor). VaR and CVaR scale
 * by exactly `factor`.
 *
 * @throws InputError for a bad factor, confidence or horizon.
 * @example
 * ```ts
 * runStressTest(volatilityShock(), portfolio, context).scenario; // => "volatility ×2"
 * ```
 */
export function volatilityShock(options: VolatilityShockOptions = {}): Scenario {
  return covarianceStress({ transform: scaleVolatilities(options.factor ?? 2), ...pick(options) });
}

/** Options of {@link correlationShock}. */
export interface CorrelationShockOptions {
  /** The common correlation. Default 1 (correlations go to one). */
  readonly correlation?: number;
  readonly confidence?: number;
  readonly horizonDays?: number;
}

/**
 * "Correlations go to one": {@link covarianceStress} with {@link setCorrelations}(correlation). Shows how much
 * of the portfolio's calm-time risk reduction rests on diversification.
 *
 * @throws InputError for a bad correlation, confidence or horizon.
 * @example
 * ```ts
 * runStressTest(correlationShock(), portfolio, context).scenario; // => "correlations = 1"
 * ```
 */
export function correlationShock(options: CorrelationShockOptions = {}): Scenario {
  return covarianceStress({ transform: setCorrelations(options.correlation ?? 1), ...pick(options) });
}

function pick(options: { readonly confidence?: number; readonly horizonDays?: number }): { confidence?: number; horizonDays?: number } {
  return {
    ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
    ...(options.horizonDays !== undefined ? { horizonDays: options.horizonDays } : {}),
  };
}
