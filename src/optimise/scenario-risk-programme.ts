/**
 * The deviation, lower-partial-moment and drawdown measures as linear or quadratic programmes on a portfolio's
 * scenario returns (Riskfolio-Lib's formulations), built column by column and solved with HiGHS (its LP, or its QP
 * when a measure is a sum of squares): the common core of `minScenarioRisk`, `maxScenarioRatio` and
 * `riskBudgetByMeasure`.
 */
import { InfeasibleError, InputError, NumericalError } from "../core/index";
import {
  averageDrawdown,
  drawdownSeries,
  lowerPartialMoment,
  meanAbsoluteDeviation,
  OWA_MEASURES,
  owaValue,
  owaWeights,
  scenarioReturns,
  semiDeviation,
  ulcerIndex,
  type OwaMeasure,
} from "../measures/index";
import {
  openLinearProgram,
  solveLinearProgramWithHighs,
  solveQuadraticProgramWithHighs,
  type LinearProgramResult,
  type LowerTriangle,
  type SparseLinearProgram,
} from "../optim/index";
import type { CvarSetup } from "./cvar-problem";
import { LpRows, scenarioEntries } from "./lp-rows";
import { uncompoundedCdar } from "./min-cdar";
import { pushOwaRows, pushScenarioRows } from "./min-owa-risk";

/**
 * The measures of deviation, lower partial moment and drawdown that the scenario optimisers handle (Riskfolio-Lib's
 * `rm` codes): `"meanAbsoluteDeviation"` (MAD), `"semiDeviation"` (MSV: about the mean, ddof 1),
 * `"firstLowerPartialMoment"` (FLPM: mean shortfall below τ), `"secondLowerPartialMoment"` (SLPM: `√(Σ max(τ − r, 0)² /
 * (T − 1))`), and on the **uncompounded** cumulative return (the start a peak) `"maxDrawdown"` (MDD),
 * `"averageDrawdown"` (ADD), `"cdar"` (CDaR) and `"ulcerIndex"` (UCI: `√mean(d²)`).
 */
export type DeviationMeasure =
  | "meanAbsoluteDeviation"
  | "semiDeviation"
  | "firstLowerPartialMoment"
  | "secondLowerPartialMoment"
  | "maxDrawdown"
  | "averageDrawdown"
  | "cdar"
  | "ulcerIndex";

/** Every {@link DeviationMeasure}, CDaR excluded (already in `RISK_MEASURES` before them). */
export const DEVIATION_MEASURES: readonly Exclude<DeviationMeasure, "cdar">[] = [
  "meanAbsoluteDeviation",
  "semiDeviation",
  "firstLowerPartialMoment",
  "secondLowerPartialMoment",
  "maxDrawdown",
  "averageDrawdown",
  "ulcerIndex",
];

/** A measure the programme builder writes: a deviation or drawdown measure, an OWA measure, or volatility. */
export type ProgrammeMeasure = DeviationMeasure | OwaMeasure | "volatility";

/** The measures whose programme is a sum of squares: the objective is the measure squared (a QP). */
const SQUARED: ReadonlySet<ProgrammeMeasure> = new Set<ProgrammeMeasure>(["semiDeviation", "secondLowerPartialMoment", "ulcerIndex", "volatility"]);

/**
 * Whether a measure is a deviation or drawdown measure.
 *
 * @example
 * ```ts
 * isDeviationMeasure("ulcerIndex"); // => true
 * isDeviationMeasure("cvar");       // => false
 * ```
 */
export function isDeviationMeasure(measure: unknown): measure is DeviationMeasure {
  return measure === "cdar" || (DEVIATION_MEASURES as readonly unknown[]).includes(measure);
}

/** The settings a measure is taken with. */
export interface MeasureSettings {
  /** Confidence of CDaR and the OWA tails, in [0, 1). */
  readonly beta: number;
  /** τ of the lower partial moments, a return per period. */
  readonly minimumAcceptableReturn: number;
  /** Confidence of the gains' tail of the OWA ranges (default `beta`). */
  readonly gainsBeta?: number;
  /** CVaRs in the tail Gini's approximation (default 100). */
  readonly steps?: number;
}

/**
 * A measure of a portfolio's scenario returns `y` (dates in order), exactly as its programme defines it, from the
 * measures layer: a positive fraction per period.
 *
 * @example
 * ```ts
 * scenarioMeasure("maxDrawdown", Float64Array.of(0.1, -0.5, -0.3, 0.8), { beta: 0.95, minimumAcceptableReturn: 0 }); // => 0.8
 * ```
 * @throws InputError UNKNOWN_MEASURE (volatility has no scenario value here); those of the measures.
 */
export function scenarioMeasure(measure: ProgrammeMeasure, y: ArrayLike<number>, settings: MeasureSettings): number {
  const tau = settings.minimumAcceptableReturn;
  switch (measure) {
    case "meanAbsoluteDeviation":
      return meanAbsoluteDeviation(y);
    case "semiDeviation":
      return semiDeviation(y, { ddof: 1 });
    case "firstLowerPartialMoment":
      return lowerPartialMoment(y, 1, { minimumAcceptableReturn: tau });
    case "secondLowerPartialMoment":
      return semiDeviation(y, { minimumAcceptableReturn: tau, ddof: 1 });
    case "maxDrawdown":
      return -Math.min(0, ...drawdownSeries(y, { compounded: false })) + 0;
    case "averageDrawdown":
      return averageDrawdown(drawdownSeries(y, { compounded: false })) + 0;
    case "ulcerIndex":
      return ulcerIndex(drawdownSeries(y, { compounded: false }));
    case "cdar":
      return uncompoundedCdar(y, settings.beta);
    default:
      if ((OWA_MEASURES as readonly string[]).includes(measure)) {
        return owaValue(y, owaWeights(measure as OwaMeasure, y.length, { beta: settings.beta, gainsBeta: settings.gainsBeta, steps: settings.steps }));
      }
      throw new InputError("UNKNOWN_MEASURE", `scenarioMeasure: unknown measure ${String(measure)}; choose one of ${[...DEVIATION_MEASURES, "cdar", ...OWA_MEASURES].join(", ")}`, { measure });
  }
}

/**
 * The scenarios divided by their root mean square σ (and τ by σ, a covariance by σ²), so that a programme's
 * coefficients are near 1: HiGHS' QP solver stops with primal infeasibilities of 1e-4 ("solve error") on daily
 * returns of ~1e-2. Every measure here is positively homogeneous in the returns, so the optimal weights are the same.
 *
 * @example
 * ```ts
 * const scaled = scaledProblem(setup, settings); // build the programme on scaled.setup, scaled.settings
 * ```
 */
export function scaledProblem(setup: CvarSetup, settings: MeasureSettings, covariance?: ArrayLike<number>): { readonly setup: CvarSetup; readonly settings: MeasureSettings; readonly covariance?: Float64Array } {
  let sum = 0;
  for (let k = 0; k < setup.scenarios.length; k++) sum += (setup.scenarios[k] as number) ** 2;
  const sigma = Math.sqrt(sum / Math.max(setup.scenarios.length, 1));
  const f = sigma > 0 && Number.isFinite(sigma) ? sigma : 1;
  return {
    setup: { ...setup, scenarios: Float64Array.from(setup.scenarios, (v) => v / f) },
    settings: { ...settings, minimumAcceptableReturn: settings.minimumAcceptableReturn / f },
    ...(covariance === undefined ? {} : { covariance: Float64Array.from(covariance, (v) => v / (f * f)) }),
  };
}

/**
 * The multiplier that brings a measure's objective term to about 1 at equal weights: `1 / ρ(1/n)`, squared for a sum
 * of squares (HiGHS' QP solver stalls on a Hessian of daily returns' size, ~1e-4). 1 when that risk is 0.
 *
 * @example
 * ```ts
 * addMeasure(programme, "semiDeviation", { setup, settings, weight: objectiveScale("semiDeviation", setup, settings) });
 * ```
 */
export function objectiveScale(measure: ProgrammeMeasure, setup: CvarSetup, settings: MeasureSettings, covariance?: ArrayLike<number>): number {
  const { n } = setup;
  let risk: number;
  if (measure === "volatility") {
    let v = 0;
    for (let k = 0; k < n * n; k++) v += (covariance?.[k] ?? 0) / (n * n);
    risk = Math.sqrt(Math.max(v, 0));
  } else {
    risk = Math.abs(scenarioMeasure(measure, scenarioReturns(setup.scenarios, n, new Float64Array(n).fill(1 / n)), settings));
  }
  if (!(risk > 0 && Number.isFinite(risk))) return 1;
  return SQUARED.has(measure) ? 1 / (risk * risk) : 1 / risk;
}

/**
 * A linear or convex quadratic programme under construction: columns with bounds and costs, sparse rows, and a
 * symmetric Hessian (objective `cᵀx + ½ xᵀQx`), solved by {@link ScenarioProgramme.solve} with HiGHS.
 */
export class ScenarioProgramme {
  readonly rows = new LpRows();
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly cost: number[] = [];
  /** Lower triangle of Q by column: `hessian[j]` maps a row `i ≥ j` to `Qᵢⱼ`. */
  readonly hessian = new Map<number, Map<number, number>>();

  /** Number of columns so far. */
  get nColumns(): number {
    return this.cost.length;
  }

  /**
   * Adds `count` columns with the same bounds and zero cost; returns the first one's index.
   *
   * @example
   * ```ts
   * const y = programme.addColumns(T, 0, Infinity); // y … y + T − 1
   * ```
   */
  addColumns(count: number, lo: number, hi: number): number {
    const first = this.cost.length;
    for (let k = 0; k < count; k++) {
      this.lower.push(lo);
      this.upper.push(hi);
      this.cost.push(0);
    }
    return first;
  }

  /**
   * Adds `value` to `Qᵢⱼ` (and so to `Qⱼᵢ`): the objective gains `½ value xᵢ²` on the diagonal, `value xᵢxⱼ` off it.
   *
   * @example
   * ```ts
   * programme.addHessian(3, 3, 2); // + x₃²
   * ```
   */
  addHessian(i: number, j: number, value: number): void {
    const [r, c] = i >= j ? [i, j] : [j, i];
    const column = this.hessian.get(c) ?? new Map<number, number>();
    column.set(r, (column.get(r) ?? 0) + value);
    this.hessian.set(c, column);
  }

  /**
   * Solves the programme with HiGHS: its dual simplex for an LP, its active-set QP solver with a Hessian (and
   * quadprog when that fails on a small programme: `solveQuadraticProgramWithHighs`).
   *
   * @returns the columns' values at the optimum.
   * @throws InfeasibleError `code` when no point meets the rows and bounds; NumericalError SOLVER_FAILED otherwise.
   * @example
   * ```ts
   * const x = await programme.solve("minScenarioRisk", "SCENARIO_INFEASIBLE");
   * ```
   */
  async solve(caller: string, infeasibleCode: string): Promise<Float64Array> {
    const lp = this.build();
    const result = this.hessian.size > 0
      ? await solveQuadraticProgramWithHighs({ ...lp, hessian: this.lowerTriangle() }).catch((error: unknown) => {
        if (error instanceof NumericalError) throw new NumericalError("SOLVER_FAILED", `${caller}: ${error.message}`, {}, { cause: error });
        throw error;
      })
      : await solveLinearProgramWithHighs(lp);
    return columnsOf(result, caller, infeasibleCode);
  }

  /**
   * Opens the programme (an LP: no Hessian) in HiGHS for repeated solves: each `solve()` first adds the rows pushed
   * since the last one, then solves from the last basis (the cutting planes of risk budgeting add a few rows per
   * round to an LP of up to T² rows).
   *
   * @returns `solve()` (the columns' values at the optimum) and `dispose()`.
   * @throws InputError when the programme has a Hessian.
   * @example
   * ```ts
   * const session = await programme.openSession("riskBudgetByMeasure", "RISK_BUDGET_INFEASIBLE");
   * const x = session.solve(); // push more rows to programme.rows, then solve again
   * session.dispose();
   * ```
   */
  async openSession(caller: string, infeasibleCode: string): Promise<{ solve(): Float64Array; dispose(): void }> {
    if (this.hessian.size > 0) throw new InputError("UNSUPPORTED_PROGRAMME", `${caller}: only a linear programme can be kept open; solve the QP with solve()`, {});
    const session = await openLinearProgram(this.build());
    let synced = this.rows.count;
    return {
      solve: (): Float64Array => {
        if (this.rows.count > synced) {
          const added = this.rows.since(synced);
          session.addRows(added.rows, added.rowLower, added.rowUpper);
          synced = this.rows.count;
        }
        return columnsOf(session.solve(), caller, infeasibleCode);
      },
      dispose: () => session.dispose(),
    };
  }

  /** The programme's LP part: costs, column bounds and rows. */
  private build(): SparseLinearProgram {
    return this.rows.build(Float64Array.from(this.cost), Float64Array.from(this.lower), Float64Array.from(this.upper));
  }

  /** The Hessian's lower triangle by column, rows ascending (HiGHS's "triangular" format). */
  private lowerTriangle(): LowerTriangle {
    const n = this.nColumns;
    const starts = new Int32Array(n + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let j = 0; j < n; j++) {
      const column = this.hessian.get(j);
      if (column !== undefined) {
        for (const [i, v] of [...column.entries()].sort((a, b) => a[0] - b[0])) {
          indices.push(i);
          values.push(v);
        }
      }
      starts[j + 1] = indices.length;
    }
    return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
  }
}

/** The columns' values of a solved programme; InfeasibleError `infeasibleCode` or NumericalError SOLVER_FAILED otherwise. */
function columnsOf(result: LinearProgramResult, caller: string, infeasibleCode: string): Float64Array {
  if (result.status === "optimal") return result.x;
  if (result.status === "infeasible") {
    throw new InfeasibleError(infeasibleCode, `${caller}: no portfolio meets the bounds and constraints; relax one`, {});
  }
  throw new NumericalError("SOLVER_FAILED", `${caller}: HiGHS found the programme ${result.status}; give every asset finite bounds or rescale the returns`, { status: result.status });
}

/** Where a measure's programme finds the portfolio: its scenarios and weight columns, and how it is scaled. */
export interface MeasureContext {
  /** The checked scenarios (row-major `T × n`); the weights are the programme's columns `0 … n − 1`. */
  readonly setup: CvarSetup;
  readonly settings: MeasureSettings;
  /**
   * The column holding the portfolio's scale `k = Σx` for a homogeneous programme (Charnes–Cooper, risk budgeting):
   * the lower partial moments' threshold becomes `τ·k`. Undefined when the weights sum to 1.
   */
  readonly scale?: number;
  /** The covariance (row-major `n × n`) for `"volatility"`. */
  readonly covariance?: ArrayLike<number>;
  /** The objective's multiplier of the measure (of its square for a sum of squares). Default 1. */
  readonly weight?: number;
}

/**
 * Writes a measure of the portfolio `x` (columns `0 … n − 1`) into a programme: its columns and rows, and its
 * objective term, the measure itself (an LP) or its square (a QP: `semiDeviation`, `secondLowerPartialMoment`,
 * `ulcerIndex`, `volatility`), times `weight`. Riskfolio-Lib's formulations: MAD's `Yₜ ≥ −(rₜ − μ)ᵀx` (the mean
 * absolute deviation is twice the mean downside deviation); the lower partial moments' `Lₜ ≥ τ − rₜᵀx`; the drawdowns'
 * `Uₜ ≥ Uₜ₋₁ − rₜᵀx`, `Uₜ ≥ 0`, `U₀ = 0`; an OWA measure by `pushOwaRows`.
 *
 * @returns whether the objective term is the measure squared.
 * @example
 * ```ts
 * const squared = addMeasure(programme, "ulcerIndex", { setup, settings }); // => true
 * ```
 * @throws InputError UNKNOWN_MEASURE; MISSING_COVARIANCE for volatility without a covariance.
 */
export function addMeasure(programme: ScenarioProgramme, measure: ProgrammeMeasure, context: MeasureContext): boolean {
  const { setup, settings } = context;
  const { n, T, scenarios } = setup;
  const weight = context.weight ?? 1;
  const scenarioRow = (t: number): [number, number][] => scenarioEntries(scenarios, t, n);
  const squared = SQUARED.has(measure);
  switch (measure) {
    case "meanAbsoluteDeviation":
    case "semiDeviation": {
      const mean = new Float64Array(n);
      for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) mean[j] = (mean[j] as number) + (scenarios[t * n + j] as number) / T;
      const y = programme.addColumns(T, 0, Infinity);
      for (let t = 0; t < T; t++) {
        const entries: [number, number][] = [];
        for (let j = 0; j < n; j++) {
          const d = (scenarios[t * n + j] as number) - (mean[j] as number);
          if (d !== 0) entries.push([j, d]);
        }
        entries.push([y + t, 1]);
        programme.rows.push(entries, 0, Infinity); // Yₜ + (rₜ − μ)ᵀx ≥ 0
      }
      for (let t = 0; t < T; t++) {
        if (squared) programme.addHessian(y + t, y + t, (2 * weight) / (T - 1));
        else programme.cost[y + t] = (2 * weight) / T;
      }
      return squared;
    }
    case "firstLowerPartialMoment":
    case "secondLowerPartialMoment": {
      const tau = settings.minimumAcceptableReturn;
      const l = programme.addColumns(T, 0, Infinity);
      for (let t = 0; t < T; t++) {
        const entries = scenarioRow(t);
        entries.push([l + t, 1]);
        if (context.scale !== undefined && tau !== 0) entries.push([context.scale, -tau]);
        const rhs = context.scale === undefined ? tau : 0;
        programme.rows.push(entries, rhs, Infinity); // Lₜ + rₜᵀx ≥ τ (τ·k when homogeneous)
      }
      for (let t = 0; t < T; t++) {
        if (squared) programme.addHessian(l + t, l + t, (2 * weight) / (T - 1));
        else programme.cost[l + t] = weight / T;
      }
      return squared;
    }
    case "maxDrawdown":
    case "averageDrawdown":
    case "cdar":
    case "ulcerIndex": {
      const u = programme.addColumns(T, 0, Infinity);
      for (let t = 0; t < T; t++) {
        const entries = scenarioRow(t);
        entries.push([u + t, 1]);
        if (t > 0) entries.push([u + t - 1, -1]);
        programme.rows.push(entries, 0, Infinity); // Uₜ − Uₜ₋₁ + rₜᵀx ≥ 0, U₀ = 0
      }
      if (measure === "maxDrawdown") {
        const top = programme.addColumns(1, 0, Infinity);
        for (let t = 0; t < T; t++) programme.rows.push([[top, 1], [u + t, -1]], 0, Infinity);
        programme.cost[top] = weight;
      } else if (measure === "averageDrawdown") {
        for (let t = 0; t < T; t++) programme.cost[u + t] = weight / T;
      } else if (measure === "cdar") {
        const alpha = programme.addColumns(1, -Infinity, Infinity);
        const z = programme.addColumns(T, 0, Infinity);
        for (let t = 0; t < T; t++) programme.rows.push([[z + t, 1], [u + t, -1], [alpha, 1]], 0, Infinity);
        programme.cost[alpha] = weight;
        for (let t = 0; t < T; t++) programme.cost[z + t] = weight / (T * (1 - settings.beta));
      } else {
        for (let t = 0; t < T; t++) programme.addHessian(u + t, u + t, (2 * weight) / T);
      }
      return squared;
    }
    case "volatility": {
      const cov = context.covariance;
      if (cov === undefined || cov.length !== n * n) {
        throw new InputError("MISSING_COVARIANCE", `addMeasure: volatility needs the ${n} × ${n} covariance; pass the prior's`, {});
      }
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) programme.addHessian(i, j, 2 * weight * (cov[i * n + j] as number));
      return true;
    }
    default: {
      if (!(OWA_MEASURES as readonly string[]).includes(measure)) {
        throw new InputError("UNKNOWN_MEASURE", `addMeasure: unknown measure ${String(measure)}; choose one of ${[...DEVIATION_MEASURES, "cdar", ...OWA_MEASURES].join(", ")}`, { measure });
      }
      const omega = owaWeights(measure as OwaMeasure, T, { beta: settings.beta, gainsBeta: settings.gainsBeta, steps: settings.steps });
      const y = programme.addColumns(T, -Infinity, Infinity);
      const a = programme.addColumns(T, -Infinity, Infinity);
      const b = programme.addColumns(T, -Infinity, Infinity);
      const m = programme.addColumns(1, -Infinity, Infinity);
      pushScenarioRows(programme.rows, setup, y);
      pushOwaRows(programme.rows, omega, { y, a, b, m });
      for (let k = a; k < m; k++) programme.cost[k] = weight;
      return false;
    }
  }
}
