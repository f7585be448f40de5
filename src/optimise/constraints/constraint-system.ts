/**
 * The linear description of a portfolio's feasible set that every constraint object writes into and every
 * optimiser reads: variable bounds, linear rows and auxiliary variables, each tagged with the constraint that
 * put it there so that an infeasibility can be traced back to it.
 */
import { InputError } from "../../core/index";

/**
 * One linear row `lower ≤ Σ values[k]·x[indices[k]] ≤ upper` over the system's variables (weights first, then
 * auxiliary variables). `lower = upper` is an equality.
 */
export interface LinearRow {
  /** Variable indices (0…nAssets−1 are the weights). */
  readonly indices: readonly number[];
  /** Coefficients, one per index. */
  readonly values: readonly number[];
  /** Lower bound of the row (`-Infinity` for none). */
  readonly lower: number;
  /** Upper bound of the row (`Infinity` for none). */
  readonly upper: number;
  /** Name of the constraint that added the row, e.g. `"sector limits"`. */
  readonly source: string;
  /** What the row says, for messages, e.g. `"Tech ≤ 0.3"`. */
  readonly description: string;
  /**
   * Set on a row that caps a quantity (turnover, total short): when the other constraints are feasible but not
   * with this one, the diagnosis minimises the row (plus `offset`) over them and explains the smallest feasible value.
   */
  readonly limit?: RowLimit;
}

/** The quantity capped by a {@link LinearRow} with a limit, and how to explain an unreachable limit. */
export interface RowLimit {
  /** The quantity, e.g. `"turnover"`. */
  readonly name: string;
  /** The limit as the user gave it. */
  readonly value: number;
  /** Constant part of the quantity not in the row (e.g. turnover from selling holdings outside the assets). Default 0. */
  readonly offset?: number;
  /** The message when the smallest feasible value exceeds the limit; `others` names the other constraints. */
  explain(smallest: number, others: string): string;
  /**
   * The smallest feasible value of the quantity (including `offset`) in closed form, when the other constraints
   * are disjoint groups of assets with total-weight intervals (see `laminarGroups`); without it, an LP is solved.
   */
  smallestOverGroups?(groups: readonly { readonly indices: readonly number[]; readonly lower: number; readonly upper: number }[], system: ConstraintSystem): number;
}

/**
 * A mutable linear feasible set over the weights of `labels` (plus auxiliary variables), built by applying
 * constraint objects in turn. Asset bounds only ever tighten.
 *
 * @example
 * ```ts
 * const system = new ConstraintSystem(["A", "B"], 1, Float64Array.of(0, 0), Float64Array.of(1, 1));
 * system.tightenBounds(0, 0, 0.3, "asset bounds");
 * system.upper; // => [0.3, 1]
 * system.rows[0].description; // => "weights sum to 1"
 * ```
 */
export class ConstraintSystem {
  /** Asset labels (tickers), in weight order. */
  readonly labels: readonly string[];
  /** Number of assets `n`; variables `0…n−1` are their weights. */
  readonly nAssets: number;
  /** Required sum of the weights: 1 (fully invested) or 0 (market neutral). */
  readonly budget: number;
  /** Lower bound per variable. */
  readonly lower: number[];
  /** Upper bound per variable. */
  readonly upper: number[];
  /** Name per variable: the ticker, or e.g. `"turnover[ACME]"` for an auxiliary variable. */
  readonly variableNames: string[];
  /** Which constraint set each variable's current lower bound. */
  readonly lowerSource: string[];
  /** Which constraint set each variable's current upper bound. */
  readonly upperSource: string[];
  /** Linear rows; the first is the budget row `Σ wᵢ = budget`. */
  readonly rows: LinearRow[] = [];
  /** Names of the constraints applied, in order (without duplicates). */
  readonly sources: string[] = [];
  /** Maximum number of non-zero weights, when a cardinality constraint was applied. */
  maxHoldings: number | undefined;
  private readonly index: Map<string, number>;

  /**
   * @param labels asset labels, unique.
   * @param budget required sum of the weights (1, or 0 for market neutral).
   * @param lower per-asset lower bounds (length `n`), e.g. from `resolveWeightBounds`.
   * @param upper per-asset upper bounds (length `n`).
   * @param boundsSource name of the constraint the bounds come from. Default `"weight bounds"`.
   */
  constructor(labels: readonly string[], budget: number, lower: Float64Array, upper: Float64Array, boundsSource = "weight bounds") {
    this.labels = labels;
    this.nAssets = labels.length;
    this.budget = budget;
    this.lower = Array.from(lower);
    this.upper = Array.from(upper);
    this.variableNames = [...labels];
    this.lowerSource = labels.map(() => boundsSource);
    this.upperSource = labels.map(() => boundsSource);
    this.index = new Map(labels.map((label, i) => [label, i]));
    this.addRow({
      indices: labels.map((_, i) => i),
      values: labels.map(() => 1),
      lower: budget,
      upper: budget,
      source: "budget",
      description: `weights sum to ${budget}`,
    });
  }

  /** Number of variables (weights and auxiliary variables). */
  get nVariables(): number {
    return this.lower.length;
  }

  /**
   * Position of a ticker among the weights, or -1 when it is not one of the assets.
   */
  indexOf(label: string): number {
    return this.index.get(label) ?? -1;
  }

  /**
   * Position of a ticker among the weights.
   *
   * @throws InputError naming `source` when the ticker is not one of the assets.
   */
  requireIndex(label: string, source: string): number {
    const i = this.indexOf(label);
    if (i < 0) {
      throw new InputError(
        "UNKNOWN_TICKER",
        `${source}: ticker ${label} is not one of the assets (${this.labels.slice(0, 8).join(", ")}${this.labels.length > 8 ? ", …" : ""}); check the spelling or drop it`,
        { label, source },
      );
    }
    return i;
  }

  /** Adds an auxiliary variable with bounds `[lower, upper]` and returns its index. */
  addVariable(name: string, lower: number, upper: number, source: string): number {
    this.noteSource(source);
    this.lower.push(lower);
    this.upper.push(upper);
    this.variableNames.push(name);
    this.lowerSource.push(source);
    this.upperSource.push(source);
    return this.lower.length - 1;
  }

  /** Intersects variable `i`'s bounds with `[lower, upper]`, recording `source` for each side it tightens. */
  tightenBounds(i: number, lower: number, upper: number, source: string): void {
    this.noteSource(source);
    if (lower > this.lower[i]!) {
      this.lower[i] = lower;
      this.lowerSource[i] = source;
    }
    if (upper < this.upper[i]!) {
      this.upper[i] = upper;
      this.upperSource[i] = source;
    }
  }

  /** Appends a linear row. */
  addRow(row: LinearRow): void {
    this.noteSource(row.source);
    this.rows.push(row);
  }

  /** Records a maximum number of holdings (the tightest one wins). */
  limitHoldings(k: number, source: string): void {
    this.noteSource(source);
    this.maxHoldings = this.maxHoldings === undefined ? k : Math.min(this.maxHoldings, k);
  }

  /** True when the system is just per-asset bounds and the budget (no other rows, no auxiliary variables). */
  get isBoxAndBudget(): boolean {
    return this.rows.length === 1 && this.nVariables === this.nAssets;
  }

  private noteSource(source: string): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }
}
