/**
 * The scenario contract: anything that says how each holding's value changes.
 */
import type { PortfolioHistory } from "./stress-context";

/** The three families of stress scenario. */
export type ScenarioKind = "historical" | "hypothetical" | "monte-carlo";

/** The dates a historical scenario replays (as found in the data). */
export interface StressWindow {
  /** First return date replayed (the loss runs from the close before it). */
  readonly start: string;
  /** Last return date replayed. */
  readonly end: string;
  /** Number of trading days replayed. */
  readonly days: number;
}

/** The tail of a distributional scenario (simulation or parametric), as fractions of capital. */
export interface ScenarioTail {
  /** Confidence level c: the tail is the worst 1 − c of outcomes. */
  readonly confidence: number;
  /** Horizon in trading days. */
  readonly horizonDays: number;
  /** VaR as a positive loss fraction. */
  readonly valueAtRisk: number;
  /** CVaR (expected shortfall) as a positive loss fraction. */
  readonly conditionalValueAtRisk: number;
  /** Simulated portfolio returns over the horizon (Monte Carlo scenarios). */
  readonly outcomes?: Float64Array;
  /** The same figures before the stress (covariance stresses), for comparison. */
  readonly baseline?: { readonly valueAtRisk: number; readonly conditionalValueAtRisk: number };
}

/** What a scenario does to a portfolio, before it is put in money by {@link runStressTest}. */
export interface ScenarioOutcome {
  /**
   * The return applied to each holding (in `history.tickers` order) over the scenario. For a distributional
   * scenario it is the holding's average return over the tail outcomes, so that `Σ wᵢ·assetReturnsᵢ = −CVaR`.
   */
  readonly assetReturns: Float64Array;
  /** One sentence saying what was applied. */
  readonly description: string;
  readonly window?: StressWindow;
  readonly tail?: ScenarioTail;
  /** Caveats the reader must see: proxies used, holdings left unshocked, approximations. */
  readonly notes?: readonly string[];
}

/**
 * A stress scenario: an object with a name, a kind and an `evaluate` method that turns a portfolio's
 * {@link PortfolioHistory} into a {@link ScenarioOutcome}. Build one with `historicalWindow`, `worstWindow`,
 * `assetClassShock`, `rateShock`, `marketShock`, `volatilityShock`, `correlationShock`, `bootstrapSimulation`,
 * `studentTSimulation`, or write your own; run any of them with {@link runStressTest}.
 *
 * @example
 * ```ts
 * const cashFreeze: Scenario = {
 *   name: "everything −5 %", kind: "hypothetical",
 *   evaluate: (history) => ({ assetReturns: new Float64Array(history.tickers.length).fill(-0.05), description: "every holding falls 5 %" }),
 * };
 * runStressTest(cashFreeze, portfolio, context).totalLoss; // => 0.05 × capital for a long-only portfolio
 * ```
 */
export interface Scenario {
  readonly name: string;
  readonly kind: ScenarioKind;
  evaluate(history: PortfolioHistory): ScenarioOutcome;
}
