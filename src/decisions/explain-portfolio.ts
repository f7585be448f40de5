/**
 * Explanation cards of a portfolio: its weights, expected returns and covariance come from the portfolio itself.
 */
import type { LabelledVector } from "../core/index";
import type { Portfolio } from "../optimise/index";
import { explanationCards, type ExplanationCard, type ExplanationInput } from "./explanation-card";
import type { RiskProfile } from "./risk-profile";

/** Options of {@link explainPortfolio}: those of {@link explanationCards} that the portfolio does not give. */
export interface ExplainPortfolioOptions extends Omit<ExplanationInput, "weights" | "expectedReturns" | "cov" | "current"> {
  /** What is held now: a `Portfolio` or weights over the same tickers (default none: a new portfolio). */
  readonly current?: Portfolio | LabelledVector;
  /**
   * The risk profile the portfolio was allocated for (`riskProfilePortfolio`): its weight cap, crypto cap and
   * volatility cap become the cards' `bounds`, `groupCaps` and `maxVolatility` (unless those are given).
   */
  readonly profile?: RiskProfile;
  /** Asset class by ticker, for the profile's crypto cap. */
  readonly assetClassOf?: Readonly<Record<string, string>>;
}

/**
 * {@link explanationCards} of a portfolio against the current holdings: its weights, and the expected returns and
 * covariance of its prior; with `profile`, the limits of the risk profile it was allocated for.
 *
 * @example
 * ```ts
 * const cards = explainPortfolio(balanced, { current: today, forecast: latest, profile: riskProfile("Balanced"), assetClassOf });
 * explanationTable(cards); // one row per asset held or wanted, strongest signal first
 * ```
 * @throws InputError as {@link explanationCards} (the current weights must name the prior's tickers, in order).
 */
export function explainPortfolio(portfolio: Portfolio, options: ExplainPortfolioOptions = {}): ExplanationCard[] {
  const { current, profile, assetClassOf, ...rest } = options;
  const currentWeights = current === undefined ? undefined : "weights" in current ? current.weights : current;
  const limits = profile === undefined
    ? {}
    : { bounds: [0, profile.maxWeight] as const, groupCaps: { groupOf: assetClassOf ?? {}, caps: { crypto: profile.maxCrypto } }, maxVolatility: profile.maxVolatility };
  return explanationCards({ ...limits, ...rest, weights: portfolio.weights, current: currentWeights, expectedReturns: portfolio.prior.expectedReturns, cov: portfolio.prior.covariance });
}
