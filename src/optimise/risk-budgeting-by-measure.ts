/**
 * Risk budgeting on any measure the scenario programmes write (volatility, the deviation, partial-moment and drawdown
 * measures, the OWA measures): Riskfolio-Lib's `rp_optimization`, by cutting planes on HiGHS (linear measures) or
 * semismooth Newton (sums of squares).
 */
import { InputError, NumericalError, type DateTable, type LabelledVector, type Weights } from "../core/index";
import { OWA_MEASURES, scenarioReturns } from "../measures/index";
import { setupCvar, type CvarSetup } from "./cvar-problem";
import { checkThreshold } from "./min-scenario-risk";
import { sumOfSquaresRiskBudget, type SumOfSquaresMeasure } from "./sum-of-squares-risk-budget";
import { addMeasure, DEVIATION_MEASURES, objectiveScale, scaledProblem, scenarioMeasure, ScenarioProgramme, type MeasureSettings, type ProgrammeMeasure } from "./scenario-risk-programme";

/** Options of {@link riskBudgetByMeasure}. */
export interface RiskBudgetByMeasureOptions {
  /** The measure whose contributions are budgeted. */
  readonly measure: ProgrammeMeasure;
  /** Each asset's share of the risk, positive (normalised to sum 1); by ticker. Default equal (risk parity). */
  readonly budgets?: LabelledVector | Readonly<Record<string, number>>;
  /** Confidence of CDaR and the OWA tails, in [0, 1). Default 0.95. */
  readonly beta?: number;
  /** Confidence of the gains' tail of the OWA ranges (default `beta`). */
  readonly gainsBeta?: number;
  /** CVaRs in the tail Gini's approximation (default 100). */
  readonly steps?: number;
  /** τ of the lower partial moments, per period. Default 0 (Riskfolio-Lib's `rf = 0`). */
  readonly minimumAcceptableReturn?: number;
  /** The covariance (row-major `n × n`, tickers' order) for `"volatility"`. */
  readonly covariance?: ArrayLike<number>;
}

/** A risk-budgeting portfolio. */
export interface RiskBudgetPortfolio {
  /** Long-only weights summing to 1, by ticker. */
  readonly weights: Weights;
  readonly measure: ProgrammeMeasure;
  /** The budgets, normalised to sum 1, in ticker order. */
  readonly budgets: Float64Array;
  /** The measure of the weights, per period (volatility in the covariance's units). */
  readonly risk: number;
  /** Newton steps taken. */
  readonly iterations: number;
}

const MAX_ITERATIONS = 100;

/** Rows above which the cutting planes keep one LP open in HiGHS (see `ScenarioProgramme.openSession`). */
const WARM_START_ROWS = 20_000;

/**
 * The long-only, fully invested portfolio whose risk contributions `wᵢ·∂ρ/∂wᵢ` are the budgets' shares of ρ, for a
 * positively homogeneous convex measure ρ: Riskfolio-Lib's `rp_optimization` (Spinu; Cajas), which solves
 * `min ρ(y) − Σ bᵢ log yᵢ, y > 0` and returns `w = y / Σy`; at its minimum `yᵢ·gᵢ = bᵢ` for a subgradient g of ρ, so
 * the Euler contributions of w are `bᵢ·ρ(w)`. Two methods, on returns scaled to a unit root mean square:
 * - ρ linear (MAD, FLPM, MDD, ADD, CDaR, the OWA measures): cutting planes — ρ written exactly as in the
 *   minimum-risk LPs, `−log yᵢ` bounded below by tangents (kept from every iteration, plus a fan of tangents around
 *   the best point that narrows as the steps shrink), one LP on HiGHS per iteration, until the LP's lower bound is
 *   within 1e-10 (relative) of the best objective found;
 * - ρ a root of a sum of squares (semi-deviation, SLPM, Ulcer index, volatility): `sumOfSquaresRiskBudget`,
 *   semismooth Newton on `ρ(y)² − Σ bᵢ log yᵢ`, whose minimum lies on the same ray.
 *
 * @param returns per-period simple returns, dates in order × tickers (rows with a missing value dropped).
 * @example
 * ```ts
 * (await riskBudgetByMeasure(returns, { measure: "cdar" })).weights; // each asset bears 1/n of the CDaR
 * ```
 * @throws InputError UNKNOWN_MEASURE, BAD_BUDGETS, BAD_BETA, BAD_TARGET, MISSING_COVARIANCE, NONPOSITIVE_RISK (a
 *   measure that is not positive on the budgets' portfolio: risk budgeting needs a positive risk); NumericalError
 *   NOT_CONVERGED.
 */
export async function riskBudgetByMeasure(returns: DateTable, options: RiskBudgetByMeasureOptions): Promise<RiskBudgetPortfolio> {
  const caller = "riskBudgetByMeasure";
  const { measure } = options;
  const known = [...DEVIATION_MEASURES, "cdar", ...OWA_MEASURES, "volatility"] as readonly string[];
  if (!known.includes(measure)) {
    throw new InputError("UNKNOWN_MEASURE", `${caller}: unknown measure ${String(measure)}; choose one of ${known.join(", ")}`, { measure });
  }
  const setup = setupCvar(caller, returns, { beta: options.beta });
  const { n } = setup;
  const b = resolveMeasureBudgets(options.budgets, setup.labels, caller);
  const settings: MeasureSettings = {
    beta: setup.beta,
    minimumAcceptableReturn: checkThreshold(options.minimumAcceptableReturn ?? 0, caller),
    gainsBeta: options.gainsBeta,
    steps: options.steps,
  };
  const cov = options.covariance;
  if (measure === "volatility" && (cov === undefined || cov.length !== n * n)) {
    throw new InputError("MISSING_COVARIANCE", `${caller}: volatility needs the ${n} × ${n} covariance; pass the prior's`, {});
  }
  // Both methods run on scaled returns (scaledProblem): ρ scales by a constant, the weights do not change.
  const scaled = scaledProblem(setup, settings, cov);
  const risk = (w: ArrayLike<number>) => measureOf(measure, scaled.setup, scaled.settings, w, scaled.covariance);
  const programme = new ScenarioProgramme();
  programme.addColumns(n, 0, Infinity);
  const k = programme.addColumns(1, 0, Infinity);
  programme.rows.push([...Array.from({ length: n }, (_, j): [number, number] => [j, 1]), [k, -1]], 0, 0);
  const c = objectiveScale(measure, scaled.setup, scaled.settings, scaled.covariance);
  const squared = addMeasure(programme, measure, { ...scaled, scale: k, weight: c });
  const p = squared ? 2 : 1;
  // ρ of an unnormalised y: homogeneous, so Σy · ρ(y / Σy) (the thresholds scale with Σy).
  const homogeneous = (y: ArrayLike<number>) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += y[j] as number;
    return s * risk(Float64Array.from(y, (v) => v / s));
  };
  const objective = (y: ArrayLike<number>) => {
    let f = c * homogeneous(y) ** p;
    for (let j = 0; j < n; j++) f -= (b[j] as number) * Math.log(y[j] as number);
    return f;
  };
  const atBudgets = risk(b);
  if (!(atBudgets > 0)) {
    throw new InputError("NONPOSITIVE_RISK", `${caller}: the ${measure} of the budgets' portfolio is ${atBudgets}; risk budgeting needs a measure that is positive on long-only portfolios (a loss measure on returns with losses)`, { risk: atBudgets });
  }
  // Start on the budgets' ray at the best scale.
  const start = squared ? 1 / (atBudgets * Math.sqrt(2 * c)) : 1 / (c * atBudgets);
  let y = Float64Array.from(b, (v) => v * start);
  let f = objective(y);
  if (squared) {
    const solved = sumOfSquaresRiskBudget(measure as SumOfSquaresMeasure, scaled.setup, scaled.settings, b, y, c, scaled.covariance);
    return result(solved.y, solved.iterations);
  }
  {
    // A linear ρ: cutting planes on −log, LPs only (HiGHS' QP solver stops with "solve error" on these programmes).
    const s0 = programme.addColumns(n, -Infinity, Infinity);
    for (let j = 0; j < n; j++) {
      programme.cost[s0 + j] = b[j] as number;
      programme.upper[j] = 1e3 * Math.max(...y);
    }
    const cut = (j: number, at: number) => programme.rows.push([[s0 + j, 1], [j, 1 / at]], 1 - Math.log(at), Infinity); // sⱼ ≥ −log a − (yⱼ − a)/a
    let spread = 0.5;
    // A large LP (the Gini measures' T² rows) is kept open: each round adds its cuts and re-solves from the last basis
    // (min Gini mean difference's risk parity on 252 days: minutes → seconds). A smaller one is solved afresh each
    // round, which lands on the measure's kinks exactly (the warm start stops within the LP's tolerance of them).
    const session = programme.rows.count > WARM_START_ROWS ? await programme.openSession(caller, "RISK_BUDGET_INFEASIBLE") : undefined;
    try {
      for (let iteration = 1; iteration <= 4 * MAX_ITERATIONS; iteration++) {
        for (let j = 0; j < n; j++) for (let k = -3; k <= 3; k++) if (1 + k * spread > 0) cut(j, (y[j] as number) * (1 + k * spread));
        const x = session === undefined ? await programme.solve(caller, "RISK_BUDGET_INFEASIBLE") : session.solve();
        let lowerBound = 0;
        for (let j = 0; j < programme.nColumns; j++) lowerBound += (programme.cost[j] as number) * (x[j] as number);
        const next = Float64Array.from(x.subarray(0, n));
        const positive = next.every((v) => v > 0);
        const fNext = positive ? objective(next) : Infinity;
        let step = 0;
        for (let j = 0; j < n; j++) step = Math.max(step, Math.abs((next[j] as number) - (y[j] as number)) / (y[j] as number));
        if (fNext < f) {
          y = next;
          f = fNext;
        }
        if (positive) for (let j = 0; j < n; j++) cut(j, next[j] as number);
        // The LPs are solved to 1e-10: the gap closes to about 1e-11 and no further.
        if (f - lowerBound <= 1e-10 * Math.max(1, Math.abs(f))) return result(y, iteration);
        spread = Math.max(Math.min(spread / 2, 4 * step), 1e-9);
      }
    } finally {
      session?.dispose();
    }
    throw new NumericalError("NOT_CONVERGED", `${caller}: the cutting planes did not close the gap in ${4 * MAX_ITERATIONS} iterations; rescale the returns or check for duplicate assets`, {});
  }
  function result(y: Float64Array, iterations: number): RiskBudgetPortfolio {
    const total = y.reduce((s, v) => s + v, 0);
    const w = Float64Array.from(y, (v) => v / total);
    return { weights: { labels: [...setup.labels], values: w, kind: "weights" }, measure, budgets: b, risk: measureOf(measure, setup, settings, w, cov), iterations };
  }
}

/** ρ of fully invested weights: volatility from the covariance, the others on the scenario returns. */
function measureOf(measure: ProgrammeMeasure, setup: CvarSetup, settings: MeasureSettings, w: ArrayLike<number>, cov?: ArrayLike<number>): number {
  const { n } = setup;
  if (measure === "volatility") {
    let v = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += (w[i] as number) * (cov?.[i * n + j] as number) * (w[j] as number);
    return Math.sqrt(Math.max(v, 0));
  }
  return scenarioMeasure(measure, scenarioReturns(setup.scenarios, n, w), settings);
}

/**
 * Budgets by ticker, positive, normalised to sum 1; equal when not given.
 *
 * @example
 * ```ts
 * resolveMeasureBudgets({ A: 2, B: 1 }, ["A", "B"], "riskBudget"); // => Float64Array [2/3, 1/3]
 * ```
 * @throws InputError BAD_BUDGETS naming the ticker with a missing, non-finite or non-positive budget.
 */
export function resolveMeasureBudgets(budgets: RiskBudgetByMeasureOptions["budgets"], labels: readonly string[], caller: string): Float64Array {
  const n = labels.length;
  if (budgets === undefined) return new Float64Array(n).fill(1 / n);
  const lookup = (label: string): number | undefined => {
    if ("labels" in budgets && "values" in budgets) {
      const v = budgets as LabelledVector;
      const i = v.labels.indexOf(label);
      return i < 0 ? undefined : v.values[i];
    }
    return (budgets as Readonly<Record<string, number>>)[label];
  };
  const out = new Float64Array(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const label = labels[j] as string;
    const v = lookup(label);
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw new InputError("BAD_BUDGETS", `${caller}: the budget of ${label} is ${String(v)}; give every ticker a positive budget (they are normalised to sum 1)`, { ticker: label });
    }
    out[j] = v;
    total += v;
  }
  for (let j = 0; j < n; j++) out[j] = (out[j] as number) / total;
  return out;
}
