/**
 * Infeasibility diagnosis of a portfolio's constraints, run before any solver: each constraint alone, then
 * the combination (small LPs), so that the error names the constraint at fault and the nearest feasible setting
 * instead of a solver's "constraints are inconsistent".
 */
import { InfeasibleError } from "../../core/index";
import type { LinearProgram } from "../../optim/index";
import { solveLinearProgram } from "../../optim/index";
import type { ConstraintSystem, LinearRow } from "./constraint-system";
import { formatNumber } from "../../core/index";
import type { PortfolioConstraint } from "./portfolio-constraint";

const TOLERANCE = 1e-9;

/**
 * The LP `min cᵀx` over a {@link ConstraintSystem} (its bounds and rows), optionally without some rows.
 *
 * @param system the feasible set.
 * @param c objective over the system's variables, length `system.nVariables`.
 * @param keepRow which rows to keep (default all).
 * @returns a {@link LinearProgram} for `solveLinearProgram` or `solveLinearProgramWithHighs`.
 *
 * @example
 * ```ts
 * solveLinearProgram(systemToLinearProgram(system, negatedMu)); // => the maximum-return portfolio
 * ```
 */
export function systemToLinearProgram(system: ConstraintSystem, c: Float64Array, keepRow: (row: LinearRow) => boolean = () => true): LinearProgram {
  const N = system.nVariables;
  const rows = system.rows.filter(keepRow);
  const A = new Float64Array(rows.length * N);
  rows.forEach((row, r) => row.indices.forEach((j, k) => (A[r * N + j] = A[r * N + j]! + row.values[k]!)));
  return {
    c,
    lower: Float64Array.from(system.lower),
    upper: Float64Array.from(system.upper),
    A,
    rowLower: Float64Array.from(rows, (row) => row.lower),
    rowUpper: Float64Array.from(rows, (row) => row.upper),
  };
}

/**
 * Checks that the constraints in `system` admit a portfolio, and throws an {@link InfeasibleError} naming the
 * constraint at fault and the nearest feasible setting when they do not. In order:
 *
 * 1. each asset's bounds (lower ≤ upper, naming which constraint set each side);
 * 2. the budget against the bounds (`Σ lower ≤ budget ≤ Σ upper`);
 * 3. each constraint's own check (e.g. "sector caps: caps sum to 0.8 < 1 with no other assets; raise a cap");
 * 4. each row against the bounds of its variables (e.g. a sector floor above its assets' upper bounds);
 * 5. the combination, by an LP feasibility problem; when infeasible, a deletion filter over the constraints
 *    finds a minimal conflicting subset and names it;
 * 6. each limit row (turnover, total short): the LP `min quantity` over the other constraints gives the smallest
 *    feasible value, e.g. "turnover limit 0.05 cannot reach the sector limits from the current weights; the
 *    smallest feasible turnover is 0.12".
 *
 * Steps 5–6 solve small dense LPs ({@link solveLinearProgram}); they are skipped when the system is only bounds
 * and a budget.
 *
 * @param system the applied constraints.
 * @param constraints the constraint objects that were applied (for their own checks).
 * @param caller the public function name used to prefix messages.
 * @throws InfeasibleError as above; its `details` carry the numbers.
 *
 * @example
 * ```ts
 * diagnoseInfeasibility(system, [sectorLimits({ sectorOf, caps: { Tech: 0.4, Energy: 0.4 } })], "maxSharpe");
 * // => throws InfeasibleError "maxSharpe: sector caps: caps sum to 0.8 < 1 with no other assets; raise a cap"
 * ```
 */
export function diagnoseInfeasibility(system: ConstraintSystem, constraints: readonly PortfolioConstraint[], caller: string): void {
  const n = system.nAssets;
  // 1. crossed bounds
  for (let i = 0; i < system.nVariables; i++) {
    const lo = system.lower[i]!;
    const hi = system.upper[i]!;
    if (lo > hi + TOLERANCE) {
      const sources = system.lowerSource[i] === system.upperSource[i] ? system.lowerSource[i] : `${system.lowerSource[i]} and ${system.upperSource[i]}`;
      throw new InfeasibleError(
        "CROSSED_BOUNDS",
        `${caller}: ${system.variableNames[i]} must be ≥ ${lo} (${system.lowerSource[i]}) and ≤ ${hi} (${system.upperSource[i]}); relax ${sources}`,
        { label: system.variableNames[i], lower: lo, upper: hi },
      );
    }
  }
  // 2. budget against the bounds
  let sumLower = 0;
  let sumUpper = 0;
  const lowerSources = new Set<string>();
  const upperSources = new Set<string>();
  for (let i = 0; i < n; i++) {
    sumLower += system.lower[i]!;
    sumUpper += system.upper[i]!;
    lowerSources.add(system.lowerSource[i]!);
    upperSources.add(system.upperSource[i]!);
  }
  if (sumUpper < system.budget - TOLERANCE) {
    throw new InfeasibleError(
      "BOUNDS_BELOW_BUDGET",
      `${caller}: upper bounds sum to ${formatNumber(sumUpper, 6)} < ${system.budget} (set by ${[...upperSources].join(", ")}); raise the bounds or add assets`,
      { sumUpper, budget: system.budget },
    );
  }
  if (sumLower > system.budget + TOLERANCE) {
    throw new InfeasibleError(
      "BOUNDS_ABOVE_BUDGET",
      `${caller}: lower bounds sum to ${formatNumber(sumLower, 6)} > ${system.budget} (set by ${[...lowerSources].join(", ")}); lower the bounds or remove assets`,
      { sumLower, budget: system.budget },
    );
  }
  // 3. each constraint's own check
  for (const constraint of constraints) {
    try {
      constraint.check?.(system);
    } catch (error) {
      if (error instanceof InfeasibleError) throw new InfeasibleError(error.code, `${caller}: ${error.message}`, { ...error.details }, { cause: error });
      throw error;
    }
  }
  if (system.isBoxAndBudget) return;

  // 4. each row against the bounds of its variables
  for (const row of system.rows) {
    let min = 0;
    let max = 0;
    row.indices.forEach((j, k) => {
      const a = row.values[k]!;
      min += a > 0 ? a * system.lower[j]! : a * system.upper[j]!;
      max += a > 0 ? a * system.upper[j]! : a * system.lower[j]!;
    });
    if (max < row.lower - TOLERANCE * (1 + Math.abs(row.lower))) {
      throw new InfeasibleError(
        "ROW_ABOVE_BOUNDS",
        `${caller}: ${row.source}: ${row.description} cannot hold, as the upper bounds of its assets allow at most ${formatNumber(max)}; lower it to ${formatNumber(max)} or raise those bounds`,
        { source: row.source, description: row.description, max },
      );
    }
    if (min > row.upper + TOLERANCE * (1 + Math.abs(row.upper))) {
      throw new InfeasibleError(
        "ROW_BELOW_BOUNDS",
        `${caller}: ${row.source}: ${row.description} cannot hold, as the lower bounds of its assets require at least ${formatNumber(min)}; raise it to ${formatNumber(min)} or lower those bounds`,
        { source: row.source, description: row.description, min },
      );
    }
  }

  // 5. the combination, without the limit rows. When the asset rows are disjoint groups with unit
  // coefficients (sectors) and the other rows only bound auxiliary variables from below, the interval sums
  // decide it exactly; otherwise an LP does.
  const zero = new Float64Array(system.nVariables);
  const feasible = (keep: (row: LinearRow) => boolean) => solveLinearProgram(systemToLinearProgram(system, zero, keep)).status === "optimal";
  const plain = (row: LinearRow) => row.limit === undefined;
  const groups = laminarGroups(system);
  const plainFeasible =
    groups === null
      ? feasible(plain)
      : groups.reduce((s, g) => s + g.lower, 0) <= system.budget + TOLERANCE && groups.reduce((s, g) => s + g.upper, 0) >= system.budget - TOLERANCE;
  if (!plainFeasible) {
    // Deletion filter: drop each constraint in turn; keep it out when the rest is still infeasible.
    const names = [...new Set(system.rows.filter((row) => plain(row) && row.source !== "budget").map((row) => row.source))];
    const conflicting = new Set(names);
    for (const name of names) {
      conflicting.delete(name);
      if (feasible((row) => plain(row) && (row.source === "budget" || conflicting.has(row.source)))) conflicting.add(name);
    }
    const list = [...conflicting];
    throw new InfeasibleError(
      "CONSTRAINTS_CONFLICT",
      `${caller}: ${joinNames(list)} cannot hold together with the asset bounds and the budget (weights sum to ${system.budget}); relax ${list.length > 1 ? "one of them" : "it"} or the bounds`,
      { conflicting: list },
    );
  }

  // 6. limit rows: the smallest feasible value of each capped quantity (in closed form when the limit offers
  // one for disjoint groups, else by an LP)
  const limits = system.rows.filter((row) => row.limit !== undefined);
  for (const row of limits) {
    const limit = row.limit!;
    let least: number;
    if (groups !== null && limit.smallestOverGroups !== undefined) {
      least = limit.smallestOverGroups(groups, system) - (limit.offset ?? 0);
    } else {
      const c = new Float64Array(system.nVariables);
      row.indices.forEach((j, k) => (c[j] = c[j]! + row.values[k]!));
      const result = solveLinearProgram(systemToLinearProgram(system, c, plain));
      if (result.status !== "optimal") continue;
      least = result.objective;
    }
    const smallest = least + (limit.offset ?? 0);
    if (least > row.upper + TOLERANCE * (1 + Math.abs(row.upper))) {
      const others = [...new Set(system.rows.filter((r) => r.source !== "budget" && r.source !== row.source && r.limit === undefined).map((r) => r.source))];
      const what = others.length > 0 ? `the ${joinNames(others)}` : "the asset bounds";
      throw new InfeasibleError("LIMIT_UNREACHABLE", `${caller}: ${limit.explain(smallest, what)}`, {
        source: row.source,
        limit: limit.value,
        smallestFeasible: smallest,
      });
    }
  }
  if (limits.length > 1 && !feasible(() => true)) {
    const list = [...new Set(limits.map((row) => row.source))];
    throw new InfeasibleError(
      "CONSTRAINTS_CONFLICT",
      `${caller}: ${joinNames(list)} can each be met but not together with the other constraints; relax one of them`,
      { conflicting: list },
    );
  }
}

/**
 * The disjoint groups of assets of a "laminar" system — its asset rows have unit coefficients on disjoint sets
 * (sector limits), every asset outside them is its own group, and every other non-limit row only bounds an
 * auxiliary variable (unbounded above) from below — each with the interval its total can take; `null` when the
 * system has another shape (then the diagnosis solves LPs).
 *
 * @example
 * ```ts
 * laminarGroups(systemWithSectors); // => [{ indices: [0, 1], lower: 0, upper: 0.4 }, { indices: [2], lower: 0, upper: 1 }, …]
 * ```
 */
export function laminarGroups(system: ConstraintSystem): AssetGroup[] | null {
  const n = system.nAssets;
  const owner = new Int32Array(n).fill(-1);
  const groups: AssetGroup[] = [];
  const auxiliaryInLimitsOnly = new Uint8Array(system.nVariables);
  for (const row of system.rows) {
    if (row.source === "budget" || row.limit !== undefined) continue;
    const auxiliary = row.indices.filter((j) => j >= n);
    if (auxiliary.length > 0) {
      // Satisfiable by raising one of its auxiliary variables: a positive coefficient, no upper bound anywhere.
      const slack = row.upper === Infinity && row.indices.some((j, k) => j >= n && row.values[k]! > 0 && system.upper[j] === Infinity);
      if (!slack) return null;
      for (const j of auxiliary) auxiliaryInLimitsOnly[j] = 1;
      continue;
    }
    if (!row.values.every((v) => v === 1) || new Set(row.indices).size !== row.indices.length) return null;
    let lower = 0;
    let upper = 0;
    for (const i of row.indices) {
      if (owner[i] !== -1) return null;
      owner[i] = groups.length;
      lower += system.lower[i]!;
      upper += system.upper[i]!;
    }
    groups.push({ indices: row.indices, lower: Math.max(lower, row.lower), upper: Math.min(upper, row.upper) });
  }
  for (let i = 0; i < n; i++) if (owner[i] === -1) groups.push({ indices: [i], lower: system.lower[i]!, upper: system.upper[i]! });
  return groups;
}

/** A set of assets whose total weight lies in `[lower, upper]`, from {@link laminarGroups}. */
export interface AssetGroup {
  readonly indices: readonly number[];
  readonly lower: number;
  readonly upper: number;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "the constraints";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
