/**
 * The entropic risk measure and the entropic value at risk (EVaR), the tightest upper bound on VaR and CVaR that
 * the Chernoff inequality gives (Ahmadi-Javid 2012).
 */
import { InputError } from "../core/index";
import { checkConfidence, checkReturns } from "./check-inputs";
import { DEFAULT_CONFIDENCE } from "./tail-risk";

/** Options of {@link entropicValueAtRisk}. */
export interface EntropicOptions {
  /** c in (0, 1): the tail is the worst 1 − c. Default 0.95 (skfolio's β). */
  readonly confidence?: number;
  /**
   * `"exact"` (default): the infimum over every z > 0 (Riskfolio-Lib's exponential-cone programme reaches it);
   * `"skfolio"`: z ≥ max(−rᵢ) / 100, the lower bound skfolio's `evar` puts on its search to avoid overflow — its
   * figures, which exceed the exact one when the infimum lies below the bound (small samples).
   */
  readonly convention?: "exact" | "skfolio";
}

/** `z · log(mean(exp(−rᵢ / z)) / (1 − c))`, computed without overflow (log-sum-exp). */
function entropicAt(returns: ArrayLike<number>, z: number, confidence: number): number {
  let top = -Infinity;
  for (let i = 0; i < returns.length; i++) top = Math.max(top, -returns[i]! / z);
  let sum = 0;
  for (let i = 0; i < returns.length; i++) sum += Math.exp(-returns[i]! / z - top);
  return z * (top + Math.log(sum / returns.length) - Math.log(1 - confidence));
}

/**
 * The entropic risk measure `θ · log(mean(exp(−rᵢ / θ)) / (1 − c))` with risk aversion θ > 0 (skfolio's
 * `entropic_risk_measure`, with its β = c), per period.
 *
 * @example
 * ```ts
 * entropicRiskMeasure([0.1, -0.5, -0.3, 0.8], { theta: 1, confidence: 0.95 }); // => ≈ 3.080244928518 (skfolio's test figure)
 * ```
 * @throws InputError for empty or non-finite returns, θ ≤ 0 or a confidence outside (0, 1).
 */
export function entropicRiskMeasure(returns: ArrayLike<number>, options: { readonly theta?: number; readonly confidence?: number } = {}): number {
  const caller = "entropicRiskMeasure";
  checkReturns(returns, caller, "returns", 1);
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const theta = options.theta ?? 1;
  if (!(typeof theta === "number" && theta > 0 && Number.isFinite(theta))) {
    throw new InputError("BAD_THETA", `${caller}: theta ${String(theta)} must be a positive finite risk aversion, e.g. 1`, { theta });
  }
  return entropicAt(returns, theta, confidence);
}

/**
 * Entropic value at risk `EVaR_c = inf_{z > 0} z · log(mean(exp(−rᵢ / z)) / (1 − c))`, a positive loss per period,
 * with CVaR_c ≤ EVaR_c ≤ worst realisation. The function of z is convex; it is minimised over log z by golden-section
 * search to 1e-12 (relative), and its limit as z → 0 (the worst loss) is taken when that is lower.
 *
 * @param returns per-period simple returns (or drawdowns, for EDaR), finite.
 * @param options `{ confidence = 0.95, convention = "exact" }`.
 * @example
 * ```ts
 * entropicValueAtRisk([0.1, -0.5, -0.3, 0.8]);                           // => 0.5 (the worst loss: the infimum is at z → 0)
 * entropicValueAtRisk([0.1, -0.5, -0.3, 0.8], { convention: "skfolio" }); // => ≈ 0.50804718956 (skfolio's test figure)
 * ```
 * @throws InputError for empty or non-finite returns, a confidence outside (0, 1) or an unknown convention.
 */
export function entropicValueAtRisk(returns: ArrayLike<number>, options: EntropicOptions = {}): number {
  const caller = "entropicValueAtRisk";
  const n = checkReturns(returns, caller, "returns", 1);
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const convention = options.convention ?? "exact";
  if (convention !== "exact" && convention !== "skfolio") {
    throw new InputError("BAD_CONVENTION", `${caller}: convention "${String(convention)}" is not "exact" or "skfolio"`, { convention });
  }
  let worst = -Infinity;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    worst = Math.max(worst, -returns[i]!);
    scale = Math.max(scale, Math.abs(returns[i]!));
  }
  if (scale === 0) return 0;
  const f = (u: number) => entropicAt(returns, Math.exp(u), confidence);
  // skfolio searches z ≥ max(−r)/100 (its lower bound; none when no return is a loss, as then its bound is ≤ 0).
  const floor = convention === "skfolio" && worst > 0 ? worst / 100 : scale * 1e-9;
  let a = Math.log(floor);
  let b = Math.log(scale * 1e6);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-12 * Math.max(1, Math.abs(a) + Math.abs(b))) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  const best = Math.min(fc, fd, f(a));
  // The infimum may be the limit z → 0 (the worst loss), below every z the search can reach.
  return convention === "exact" ? Math.min(best, worst) : best;
}
