/**
 * Measures of a drawdown path: drawdown at risk, average drawdown, the Ulcer index, the entropic drawdown at risk.
 */
import { checkConfidence, checkReturns } from "./check-inputs";
import { DEFAULT_CONFIDENCE } from "./tail-risk";
import { tailOf } from "./empirical-tail";
import { entropicValueAtRisk, type EntropicOptions } from "./entropic-risk";

/** A drawdown path must be ≤ 0 (from {@link drawdownSeries}); the measures report positive losses. */
function checkDrawdowns(drawdowns: ArrayLike<number>, caller: string): number {
  return checkReturns(drawdowns, caller, "drawdowns", 1);
}

/**
 * Drawdown at risk: the VaR of the drawdowns, a positive loss: the drawdown exceeded in only 1 − c of the periods
 * (skfolio's `drawdown_at_risk`, Riskfolio-Lib's `DaR`). Confidence 1 gives the maximum drawdown.
 *
 * @param drawdowns a path from {@link drawdownSeries} (≤ 0).
 * @example
 * ```ts
 * drawdownAtRisk(drawdownSeries([0.1, -0.5, -0.3, 0.8], { compounded: false })); // => 0.8 (skfolio's test figure)
 * ```
 * @throws InputError for an empty path, a non-finite value or a confidence outside (0, 1].
 */
export function drawdownAtRisk(drawdowns: ArrayLike<number>, options: { readonly confidence?: number } = {}): number {
  checkDrawdowns(drawdowns, "drawdownAtRisk");
  const c = options.confidence ?? DEFAULT_CONFIDENCE;
  if (c === 1) return -Math.min(...Array.from(drawdowns));
  return tailOf(drawdowns, checkConfidence(c, "drawdownAtRisk")).valueAtRisk;
}

/**
 * Average drawdown `−mean(dᵢ)` (skfolio's `average_drawdown`, Riskfolio-Lib's `ADD`), a positive loss.
 *
 * @example
 * ```ts
 * averageDrawdown(drawdownSeries([0.1, -0.5, -0.3, 0.8], { compounded: false })); // => 0.325 (skfolio's test figure)
 * ```
 * @throws InputError for an empty path or a non-finite value.
 */
export function averageDrawdown(drawdowns: ArrayLike<number>): number {
  const n = checkDrawdowns(drawdowns, "averageDrawdown");
  let sum = 0;
  for (let i = 0; i < n; i++) sum += drawdowns[i]!;
  return -sum / n;
}

/**
 * Conditional drawdown at risk of a drawdown path: the mean of the worst 1 − c of the drawdowns (skfolio's `cdar`
 * of `get_drawdowns`; `conditionalDrawdownAtRisk` takes returns instead).
 *
 * @example
 * ```ts
 * drawdownCvar(drawdownSeries([0.1, -0.5, -0.3, 0.8], { compounded: false })); // => 0.8 (skfolio's test figure)
 * ```
 * @throws InputError for an empty path, a non-finite value or a confidence outside (0, 1).
 */
export function drawdownCvar(drawdowns: ArrayLike<number>, options: { readonly confidence?: number } = {}): number {
  checkDrawdowns(drawdowns, "drawdownCvar");
  return tailOf(drawdowns, checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, "drawdownCvar")).conditionalValueAtRisk;
}

/**
 * Ulcer index `√mean(dᵢ²)` (Martin 1987; skfolio's `ulcer_index`, Riskfolio-Lib's `UCI`).
 *
 * @example
 * ```ts
 * ulcerIndex(drawdownSeries([0.1, -0.5, -0.3, 0.8], { compounded: false })); // => ≈ 0.47169905 (skfolio's test figure)
 * ```
 * @throws InputError for an empty path or a non-finite value.
 */
export function ulcerIndex(drawdowns: ArrayLike<number>): number {
  const n = checkDrawdowns(drawdowns, "ulcerIndex");
  let sum = 0;
  for (let i = 0; i < n; i++) sum += drawdowns[i]! * drawdowns[i]!;
  return Math.sqrt(sum / n);
}

/**
 * Entropic drawdown at risk: the EVaR of the drawdowns (skfolio's `edar`, Riskfolio-Lib's `EDaR`).
 *
 * @example
 * ```ts
 * entropicDrawdownAtRisk(drawdownSeries([0.1, -0.5, -0.3, 0.8], { compounded: false }), { convention: "skfolio" });
 * // => ≈ 0.812875503 (skfolio's test figure)
 * ```
 * @throws InputError as {@link entropicValueAtRisk}.
 */
export function entropicDrawdownAtRisk(drawdowns: ArrayLike<number>, options: EntropicOptions = {}): number {
  checkDrawdowns(drawdowns, "entropicDrawdownAtRisk");
  return entropicValueAtRisk(drawdowns, options);
}
