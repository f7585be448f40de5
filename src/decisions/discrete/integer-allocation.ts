/**
 * Exact discrete allocation as a mixed-integer linear program, as PyPortfolioOpt's
 * `DiscreteAllocation.lp_portfolio()`, solved with HiGHS.
 */
import { NumericalError } from "../../core/index";
import { loadHighs } from "../../optim/index";
import type { DiscreteAllocationMethod, DiscreteAllocationProblem } from "./discrete-allocation-method";

/** Seconds HiGHS may spend on one allocation before giving up (hundreds of tickers take well under a second). */
const TIME_LIMIT_SECONDS = 30;

/**
 * Exact discrete allocation (PyPortfolioOpt's `lp_portfolio`, long only): the whole numbers of shares `xᵢ ≥ 0`
 * minimising
 *
 * `Σ |wᵢ·V − pᵢxᵢ| + r`, with the leftover `r = V − Σ pᵢxᵢ ≥ 0`,
 *
 * written as a mixed-integer LP with `uᵢ ≥ |wᵢV − pᵢxᵢ|` and solved to optimality by HiGHS (branch and bound),
 * in units of `V` for scaling. When the weights sum to 1 the objective is `2·Σ max(0, wᵢV − pᵢxᵢ)`: only
 * shortfalls cost, so the solver spends the cash where a ticker is most underweight. This is the default method
 * of `discreteAllocation`.
 *
 * @throws NumericalError when HiGHS cannot load or stops without an optimal solution (e.g. the 30 s time
 *   limit); use {@link greedyAllocation} instead.
 *
 * @example
 * ```ts
 * await discreteAllocation(weights({ A: 0.5, B: 0.5 }), prices({ A: 30, B: 70 }), 1000, { method: integerAllocation });
 * // => { shares: { A: 17, B: 7 }, leftover: 0, method: "integer", … }   (objective 10 + 10 + 0 = 20)
 * ```
 */
export const integerAllocation: DiscreteAllocationMethod = Object.freeze({
  name: "integer",
  async allocate(problem: DiscreteAllocationProblem): Promise<number[]> {
    const caller = "integerAllocation";
    const { weights, prices, totalValue } = problem;
    const m = weights.length;
    const highs = await loadHighs();
    // Columns: x₀…x_{m−1} (shares, integer), u₀…u_{m−1} (absolute deviations, fractions of V).
    const n = 2 * m;
    const q = Float64Array.from(prices, (p) => p / totalValue); // price as a fraction of V
    const colCost = new Float64Array(n);
    const colLower = new Float64Array(n);
    const colUpper = new Float64Array(n);
    const integrality = new Int32Array(n);
    for (let i = 0; i < m; i++) {
      colCost[i] = -q[i]!; // r = 1 − Σ qᵢxᵢ, the constant 1 dropped
      colUpper[i] = Math.floor(1 / q[i]! + 1e-9);
      integrality[i] = highs.constants.variableType.integer;
      colCost[m + i] = 1;
      colUpper[m + i] = highs.infinity;
    }
    // Rows: uᵢ + qᵢxᵢ ≥ wᵢ ; uᵢ − qᵢxᵢ ≥ −wᵢ ; Σ qᵢxᵢ ≤ 1.
    const rowLower: number[] = [];
    const rowUpper: number[] = [];
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < m; i++) {
      for (const sign of [1, -1]) {
        indices.push(i, m + i);
        values.push(sign * q[i]!, 1);
        starts.push(indices.length);
        rowLower.push(sign * weights[i]!);
        rowUpper.push(highs.infinity);
      }
    }
    for (let i = 0; i < m; i++) {
      indices.push(i);
      values.push(q[i]!);
    }
    starts.push(indices.length);
    rowLower.push(-highs.infinity);
    rowUpper.push(1);
    const numRows = rowLower.length;
    const model = highs.createModel({
      numCols: n,
      numRows,
      colCost,
      colLower,
      colUpper,
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      matrix: { format: "csr", numRows, numCols: n, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      integrality,
    });
    try {
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-12, time_limit: TIME_LIMIT_SECONDS });
      const { modelStatus } = model.run();
      if (modelStatus !== highs.constants.modelStatus.optimal) {
        throw new NumericalError(
          "HIGHS_MIP_FAILED",
          `${caller}: HiGHS stopped with model status ${modelStatus} on ${m} tickers; use greedyAllocation instead`,
          { modelStatus },
        );
      }
      const x = model.getSolution().colValue;
      const shares = Array.from({ length: m }, (_, i) => Math.max(0, Math.round(x[i]!)));
      // Rounding the solver's near-integers could overspend by a share in a degenerate case: drop the dearest.
      let cost = shares.reduce((s, k, i) => s + k * prices[i]!, 0);
      while (cost > totalValue * (1 + 1e-12)) {
        let dearest = -1;
        for (let i = 0; i < m; i++) if (shares[i]! > 0 && (dearest < 0 || prices[i]! > prices[dearest]!)) dearest = i;
        shares[dearest] = shares[dearest]! - 1;
        cost -= prices[dearest]!;
      }
      return shares;
    } catch (error) {
      if (error instanceof NumericalError) throw error;
      throw new NumericalError("HIGHS_MIP_FAILED", `${caller}: HiGHS failed: ${String(error)}; use greedyAllocation instead`, {}, { cause: error });
    } finally {
      model.dispose();
    }
  },
});
