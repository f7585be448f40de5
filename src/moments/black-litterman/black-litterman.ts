/**
 * Black-Litterman posterior returns, covariance and implied weights, as PyPortfolioOpt's `BlackLittermanModel`
 * (`bl_returns`, `bl_cov`, `bl_weights`) in one pure function.
 */
import { InputError, NumericalError } from "../../core/index";
import type { ExpectedReturns, LabelledMatrix, Weights } from "../../core/index";
import { checkCovariance } from "../../linalg/index";
import { checkSameLabels } from "../../core/index";
import { absoluteViews as parseAbsoluteViews, type AbsoluteViews } from "./absolute-views";
import { checkRiskAversion, checkTau } from "./check-black-litterman-scalars";
import { defaultOmegaDiagonal } from "./default-omega";
import { idzorekOmegaDiagonal } from "./idzorek-omega";
import { solveSymmetricSystem } from "../../linalg/index";
import { checkViewMatrices, type CheckedViews } from "./view-matrices";

/** Inputs of {@link blackLitterman}. Views come either as `absoluteViews` or as `P` and `Q` (or not at all). */
export interface BlackLittermanInput {
  /** Prior covariance Σ, `N × N` labelled by ticker (annual, e.g. `sampleCovariance(prices)`). */
  readonly cov: LabelledMatrix;
  /**
   * Prior expected returns π, labelled like `cov` (e.g. `marketImpliedPriorReturns`). PyPortfolioOpt's `pi=None` is
   * a zero vector and `pi="equal"` is `1/N` for every asset: pass those explicitly.
   */
  readonly pi: ExpectedReturns;
  /** Absolute views, e.g. `{ ACME: 0.10 }` or a `Map` (see `absoluteViews` for the order). Not with `P`/`Q`. */
  readonly absoluteViews?: AbsoluteViews;
  /**
   * Picking matrix, `K × N` rows of weights in the order of `cov.labels` (e.g. from `relativeViews`). May be left
   * out when `Q` has one view per asset (`K = N`): it is then the identity, as PyPortfolioOpt.
   */
  readonly P?: ReadonlyArray<ArrayLike<number>>;
  /** The K view returns (fractions per year when Σ is annual). */
  readonly Q?: ArrayLike<number>;
  /** A name per view for error messages (`relativeViews` returns them, so `{ ...relativeViews(…) }` can be spread here). */
  readonly names?: readonly string[];
  /** View uncertainty Ω, `K × K` (symmetric, normally diagonal). Default `diag(τ·P·Σ·Pᵀ)`. Not with `viewConfidences`. */
  readonly omega?: ReadonlyArray<ArrayLike<number>>;
  /** Idzorek's method: one confidence in [0, 1] per view, from which Ω is built (see `idzorekOmega`). */
  readonly viewConfidences?: ArrayLike<number>;
  /** Weight on the prior τ in (0, 1]. Default 0.05. */
  readonly tau?: number;
  /** Risk aversion δ used for the implied weights (e.g. `marketImpliedRiskAversion`). Default 1, as PyPortfolioOpt. */
  readonly riskAversion?: number;
}

/** Outputs of {@link blackLitterman}. */
export interface BlackLittermanResult {
  /** Posterior expected returns `E(R)`, labelled like `cov` (fractions per year when Σ is annual). */
  readonly posteriorReturns: ExpectedReturns;
  /** Posterior covariance `Σ + M` (He and Litterman 2002), labelled like `cov`; not PSD-repaired, as PyPortfolioOpt. */
  readonly posteriorCovariance: LabelledMatrix;
  /** Implied weights `(δΣ)⁻¹·E(R)` rescaled to sum to 1 (may be negative), labelled like `cov`. */
  readonly weights: Weights;
  /** The views used: `P` (`K × N`), `Q` (`K`) and a name per view. */
  readonly views: { readonly P: number[][]; readonly Q: number[]; readonly names: string[] };
  /** The Ω used, `K × K`. */
  readonly omega: number[][];
  /** `true` when `P·τΣ·Pᵀ + Ω` was exactly singular and its systems were solved by least squares (as PyPortfolioOpt's fallback). */
  readonly leastSquares: boolean;
}

/**
 * Black-Litterman: combines a prior (π, Σ) with K views `P·μ = Q ± Ω` into posterior returns and covariance, and the
 * weights those returns imply. Exactly PyPortfolioOpt's formulas, with `A = P·(τΣ)·Pᵀ + Ω`:
 * - `E(R) = π + (τΣ)Pᵀ · A⁻¹(Q − P·π)` (`bl_returns`, solving rather than inverting);
 * - `Σ_post = Σ + τΣ − (τΣ)Pᵀ · A⁻¹ · P(τΣ)` (`bl_cov`);
 * - `w = (δΣ)⁻¹E(R) / Σ((δΣ)⁻¹E(R))` (`bl_weights`).
 * Ω is `omega` if given, else Idzorek's from `viewConfidences` (100 % confidence makes the posterior satisfy that view
 * exactly; 0 % all but ignores it), else `diag(τ·P·Σ·Pᵀ)` (`default_omega`). If A is exactly singular (e.g. two
 * identical views held with 100 % confidence) the minimum-norm least-squares solution is used, as PyPortfolioOpt's
 * `lstsq` fallback, and `leastSquares` says so. With no views the posterior returns are π and the covariance `(1 + τ)Σ`.
 *
 * Differences from PyPortfolioOpt: it reads estimators and views as arguments (no `pi="market"` strings — compose with
 * `marketImpliedPriorReturns`); giving both `absoluteViews` and `P`/`Q`, or both `omega` and `viewConfidences`, is an
 * error rather than one silently winning; no views is allowed; and if Σ itself is exactly singular the weights use the
 * minimum-norm solution of `δΣ·w = E(R)` (PyPortfolioOpt's fallback there raises).
 *
 * @param input `{ cov, pi, absoluteViews? | P?, Q?, names?, omega? | viewConfidences?, tau = 0.05, riskAversion = 1 }`.
 * @returns `{ posteriorReturns, posteriorCovariance, weights, views, omega, leastSquares }`.
 * @throws InputError naming the problem: a malformed covariance; pi labels that differ from the covariance's or a
 *   non-finite prior; a view on an unknown ticker (named); P rows ≠ Q length, a P row of the wrong length or all zero
 *   (P_Q_MISMATCH / BAD_PICKING_ROW); Ω not `K × K`, not finite or not symmetric; a confidence count ≠ K or a
 *   confidence outside [0, 1] (naming the view); τ outside (0, 1]; δ ≤ 0; conflicting inputs.
 * @throws NumericalError when the implied weights sum to 0 (they cannot be rescaled).
 *
 * @example
 * ```ts
 * const cov = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };
 * const pi = { labels: ["A", "B"], values: Float64Array.from([0.05, 0.07]) };
 * const bl = blackLitterman({ cov, pi, absoluteViews: { A: 0.1 }, viewConfidences: [1] });
 * bl.posteriorReturns.values; // => ≈ Float64Array [0.1, 0.0825]  (the view on A holds exactly; B moves by cov/var_A · 0.05)
 * blackLitterman({ cov, pi }).posteriorReturns.values; // => Float64Array [0.05, 0.07]  (no views: the prior)
 * ```
 */
export function blackLitterman(input: BlackLittermanInput): BlackLittermanResult {
  const caller = "blackLitterman";
  const { cov, pi } = input;
  const n = checkCovariance(cov, caller);
  checkSameLabels(caller, ["pi", pi.labels], ["cov", cov.labels]);
  if (pi.values.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: pi has ${pi.labels.length} labels but ${pi.values.length} values; pass one value per label`, {});
  }
  pi.values.forEach((value, i) => {
    if (!Number.isFinite(value)) {
      throw new InputError("NON_FINITE_PRIOR", `${caller}: the prior return of ${pi.labels[i]} is ${value}; every prior return must be finite`, {
        ticker: pi.labels[i],
        value,
      });
    }
  });
  const tau = checkTau(input.tau ?? 0.05, caller);
  const riskAversion = checkRiskAversion(input.riskAversion ?? 1, caller);
  const views = parseViews(input, n, caller);
  const { k, p, q, names } = views;
  const sigma = cov.values;

  // Ω
  if (input.omega !== undefined && input.viewConfidences !== undefined) {
    throw new InputError(
      "CONFLICTING_OMEGA",
      `${caller}: both omega and viewConfidences were given; pass omega to set the uncertainty yourself, or viewConfidences for Idzorek's method`,
      {},
    );
  }
  let omega: Float64Array;
  if (input.omega !== undefined) omega = checkOmega(input.omega, k, caller);
  else if (input.viewConfidences !== undefined) omega = diagonalMatrix(idzorekOmegaDiagonal(sigma, p, k, n, input.viewConfidences, tau, names, caller));
  else omega = diagonalMatrix(defaultOmegaDiagonal(sigma, p, k, n, tau));

  // τΣ, (τΣ)Pᵀ (N × K), A = P(τΣ)Pᵀ + Ω (K × K)
  const tauSigma = sigma.map((x) => tau * x);
  const tauSigmaP = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < k; v++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += tauSigma[i * n + j]! * p[v * n + j]!;
      tauSigmaP[i * k + v] = s;
    }
  }
  const a = new Float64Array(k * k);
  for (let u = 0; u < k; u++) {
    for (let v = 0; v < k; v++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += p[u * n + i]! * tauSigmaP[i * k + v]!;
      a[u * k + v] = s + omega[u * k + v]!;
    }
  }

  // bl_returns: E(R) = π + (τΣ)Pᵀ · A⁻¹(Q − Pπ)
  const rhs = new Float64Array(k);
  for (let v = 0; v < k; v++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += p[v * n + j]! * pi.values[j]!;
    rhs[v] = q[v]! - s;
  }
  const returnsSolution = solveSymmetricSystem(a, k, rhs, 1);
  const posterior = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let v = 0; v < k; v++) s += tauSigmaP[i * k + v]! * returnsSolution.x[v]!;
    posterior[i] = pi.values[i]! + s;
  }

  // bl_cov: Σ + τΣ − (τΣ)Pᵀ · A⁻¹ · ((τΣ)Pᵀ)ᵀ
  const transposed = new Float64Array(k * n);
  for (let i = 0; i < n; i++) for (let v = 0; v < k; v++) transposed[v * n + i] = tauSigmaP[i * k + v]!;
  const covarianceSolution = solveSymmetricSystem(a, k, transposed, n);
  const posteriorCov = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let v = 0; v < k; v++) s += tauSigmaP[i * k + v]! * covarianceSolution.x[v * n + j]!;
      posteriorCov[i * n + j] = sigma[i * n + j]! + (tauSigma[i * n + j]! - s);
    }
  }

  // bl_weights: (δΣ)⁻¹E(R), rescaled to sum to 1
  const deltaSigma = sigma.map((x) => riskAversion * x);
  const raw = solveSymmetricSystem(deltaSigma, n, posterior, 1).x;
  let total = 0;
  for (let i = 0; i < n; i++) total += raw[i]!;
  if (!(Math.abs(total) > 0) || !Number.isFinite(total)) {
    throw new NumericalError(
      "WEIGHTS_SUM_TO_ZERO",
      `${caller}: the weights implied by the posterior returns sum to ${total}, so they cannot be rescaled to 1; use an optimiser on posteriorReturns and posteriorCovariance instead`,
      { total },
    );
  }
  const weights = raw.map((x) => x / total);

  const labels = [...cov.labels];
  return {
    posteriorReturns: { labels, values: posterior },
    posteriorCovariance: { labels: [...labels], values: posteriorCov },
    weights: { labels: [...labels], values: weights },
    views: {
      P: Array.from({ length: k }, (_, v) => Array.from(p.subarray(v * n, (v + 1) * n))),
      Q: Array.from(q),
      names: [...names],
    },
    omega: Array.from({ length: k }, (_, u) => Array.from(omega.subarray(u * k, (u + 1) * k))),
    leastSquares: returnsSolution.leastSquares || covarianceSolution.leastSquares,
  };
}

/** The views of the input as checked row-major arrays (none when neither absoluteViews nor P/Q is given). */
function parseViews(input: BlackLittermanInput, n: number, caller: string): CheckedViews {
  const { absoluteViews, P, Q } = input;
  if (absoluteViews !== undefined) {
    if (P !== undefined || Q !== undefined) {
      throw new InputError(
        "CONFLICTING_VIEWS",
        `${caller}: both absoluteViews and P/Q were given; pass one form (relativeViews can express absolute views too: { long: ["ACME"], value: 0.1 })`,
        {},
      );
    }
    const parsed = parseAbsoluteViews(input.cov.labels, absoluteViews, caller);
    return checkViewMatrices(parsed.P, parsed.Q, n, caller, parsed.names);
  }
  if (Q === undefined) {
    if (P !== undefined) {
      throw new InputError("P_Q_MISMATCH", `${caller}: P was given without Q; pass the K view returns in Q, one per row of P`, { pRows: P.length });
    }
    return { k: 0, p: new Float64Array(0), q: new Float64Array(0), names: [] };
  }
  if (P === undefined) {
    if (Q.length !== n) {
      throw new InputError(
        "P_Q_MISMATCH",
        `${caller}: Q has ${Q.length} view${Q.length === 1 ? "" : "s"} but there is no P; pass P (${Q.length} × ${n}) — it can be left out only with one view per asset (${n})`,
        { qLength: Q.length, n },
      );
    }
    const identity = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    return checkViewMatrices(identity, Q, n, caller, input.names ?? input.cov.labels);
  }
  return checkViewMatrices(P, Q, n, caller, input.names);
}

/** Ω as a row-major `K × K` array, checked: the right shape, finite, symmetric, non-negative diagonal. */
function checkOmega(omega: ReadonlyArray<ArrayLike<number>>, k: number, caller: string): Float64Array {
  if (omega.length !== k || omega.some((row) => row.length !== k)) {
    throw new InputError(
      "OMEGA_SHAPE",
      `${caller}: omega is ${omega.length} × ${omega[0]?.length ?? 0} but there ${k === 1 ? "is 1 view" : `are ${k} views`}; pass a ${k} × ${k} matrix (diagonal: one uncertainty per view)`,
      { rows: omega.length, k },
    );
  }
  const values = new Float64Array(k * k);
  omega.forEach((row, i) => {
    for (let j = 0; j < k; j++) values[i * k + j] = row[j]!;
  });
  if (k > 0) {
    const labels = Array.from({ length: k }, (_, i) => `view ${i + 1}`);
    checkCovariance({ labels, values }, `${caller}: omega`);
  }
  return values;
}

function diagonalMatrix(diagonal: Float64Array): Float64Array {
  const k = diagonal.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) out[i * k + i] = diagonal[i]!;
  return out;
}
