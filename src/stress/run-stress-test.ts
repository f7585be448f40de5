/**
 * Runs scenarios on a portfolio and reports the loss in money, by holding and in total.
 */
import { InputError } from "../core/index";
import type { LabelledVector } from "../core/index";
import type { Scenario, ScenarioKind, StressWindow } from "./scenario";
import { preparePortfolioHistory, type PortfolioHistory, type StressContext } from "./stress-context";
import type { StressPortfolio } from "./stress-portfolio";

/** The tail of a distributional scenario in money. */
export interface StressTail {
  readonly confidence: number;
  readonly horizonDays: number;
  /** VaR in money, positive = loss. */
  readonly valueAtRisk: number;
  /** CVaR (expected shortfall) in money, positive = loss. */
  readonly conditionalValueAtRisk: number;
  /** Simulated profit and loss over the horizon in money (+ gain, − loss), Monte Carlo scenarios only. */
  readonly pnl?: Float64Array;
  /** VaR and CVaR in money before the stress (covariance stresses). */
  readonly baseline?: { readonly valueAtRisk: number; readonly conditionalValueAtRisk: number };
}

/**
 * The result of a stress test, in money. **Sign convention: losses are positive** (a gain is a negative loss).
 *
 * @example
 * ```ts
 * const r = runStressTest(rateShock({ basisPoints: 200 }), portfolio, context);
 * r.totalLoss;                 // => e.g. 92500 (USD)
 * r.lossByAsset.labels;        // => the holdings
 * ```
 */
export interface StressResult {
  readonly scenario: string;
  readonly kind: ScenarioKind;
  readonly description: string;
  /** The capital the losses are computed on. */
  readonly capital: number;
  /** The return applied to each holding (fractions). */
  readonly assetReturns: LabelledVector;
  /** Loss by holding in money, `−capital · wᵢ · assetReturnᵢ`, positive = loss; sums to `totalLoss`. */
  readonly lossByAsset: LabelledVector;
  /** Total loss in money, positive = loss. For a distributional scenario: the CVaR at its confidence and horizon. */
  readonly totalLoss: number;
  /** `totalLoss / capital`. */
  readonly lossFraction: number;
  /** Dates replayed (historical scenarios). */
  readonly window?: StressWindow;
  /** VaR, CVaR and simulated P&L in money (distributional scenarios). */
  readonly tail?: StressTail;
  /** Caveats: proxies used, holdings a shock leaves unchanged, approximations. */
  readonly notes: readonly string[];
}

function runOn(scenario: Scenario, history: PortfolioHistory): StressResult {
  const outcome = scenario.evaluate(history);
  const k = history.tickers.length;
  if (outcome.assetReturns.length !== k) {
    throw new InputError(
      "BAD_SCENARIO_OUTCOME",
      `runStressTest: scenario ${scenario.name} returned ${outcome.assetReturns.length} asset returns for ${k} holdings; return one per holding in history.tickers order`,
      { scenario: scenario.name },
    );
  }
  const capital = history.capital;
  const losses = new Float64Array(k);
  let total = 0;
  for (let c = 0; c < k; c++) {
    const r = outcome.assetReturns[c]!;
    if (!Number.isFinite(r)) {
      throw new InputError(
        "BAD_SCENARIO_OUTCOME",
        `runStressTest: scenario ${scenario.name} gave ${history.tickers[c]} a return of ${r}; a scenario must give every holding a finite return`,
        { scenario: scenario.name, ticker: history.tickers[c] },
      );
    }
    losses[c] = -capital * history.weights[c]! * r + 0; // + 0 turns −0 (an unshocked holding) into 0
    total += losses[c]!;
  }
  const labels = [...history.tickers];
  const tail = outcome.tail;
  return {
    scenario: scenario.name,
    kind: scenario.kind,
    description: outcome.description,
    capital,
    assetReturns: { labels, values: Float64Array.from(outcome.assetReturns) },
    lossByAsset: { labels, values: losses },
    totalLoss: total,
    lossFraction: total / capital,
    ...(outcome.window ? { window: outcome.window } : {}),
    ...(tail
      ? {
          tail: {
            confidence: tail.confidence,
            horizonDays: tail.horizonDays,
            valueAtRisk: tail.valueAtRisk * capital,
            conditionalValueAtRisk: tail.conditionalValueAtRisk * capital,
            ...(tail.outcomes ? { pnl: tail.outcomes.map((x) => x * capital) } : {}),
            ...(tail.baseline
              ? { baseline: { valueAtRisk: tail.baseline.valueAtRisk * capital, conditionalValueAtRisk: tail.baseline.conditionalValueAtRisk * capital } }
              : {}),
          },
        }
      : {}),
    notes: [...(outcome.notes ?? [])],
  };
}

/**
 * Runs one scenario on a portfolio: checks the portfolio against the context (typed errors for unknown
 * tickers, weights not summing to 1 unless `longShort`, bad capital), prepares its history, lets the
 * scenario say what each holding returns, and puts it in money: loss by holding `−capital·wᵢ·rᵢ` and in total.
 *
 * @param scenario any {@link Scenario}.
 * @param portfolio weights and capital; not changed.
 * @param context prices (and instruments, proxies) the scenario reads; not changed.
 * @returns a {@link StressResult}: losses positive, in the capital's currency.
 * @throws InputError for a bad portfolio or context, or whatever the scenario rejects (each error names the problem).
 *
 * @example
 * ```ts
 * const portfolio = { weights: { labels: ["LTBX", "QBTX"], values: Float64Array.of(0.5, 0.5) }, capital: 1_000_000 };
 * runStressTest(rateShock({ basisPoints: 200 }), portfolio, { prices: market.prices, instruments: market.instruments }).totalLoss;
 * // => 160000 (LTBX: 500,000 × 16 years × 2 % = 160,000; QBTX unchanged)
 * ```
 */
export function runStressTest(scenario: Scenario, portfolio: StressPortfolio, context: StressContext): StressResult {
  return runOn(scenario, preparePortfolioHistory(portfolio, context, "runStressTest"));
}

/**
 * Runs several scenarios on one portfolio (its history is prepared once): `runStressTest` for each, in order.
 *
 * @example
 * ```ts
 * runStressTests([rateShock({ basisPoints: 200 }), assetClassShock({ shocks: { equity: -0.2 } })], portfolio, context)
 *   .map((r) => r.totalLoss); // => notebook 06's portfolio: ≈ [92500, 75538]
 * ```
 * @throws InputError as {@link runStressTest}.
 */
export function runStressTests(scenarios: readonly Scenario[], portfolio: StressPortfolio, context: StressContext): StressResult[] {
  const history = preparePortfolioHistory(portfolio, context, "runStressTests");
  return scenarios.map((s) => runOn(s, history));
}
