/**
 * The alpha map of a set of explanation cards.
 */
import type { ExplanationCard } from "../../decisions/index";
import { alphaMapChart } from "../alpha-map-chart";
import type { Figure } from "../figure";

/**
 * {@link alphaMapChart} of every card the model covers (a growth and a confidence), in ticker order: expected growth
 * across, confidence up, the marker sized by the target weight and coloured by the signal.
 *
 * @param cards from `explanationCards` or `explainPortfolio` with a forecast; cards without one are left out.
 * @example
 * ```ts
 * show(cardsAlphaMap(`Alpha map, as of ${forecast.asOf}`, explainPortfolio(balanced, { forecast })));
 * ```
 * @throws InputError as {@link alphaMapChart}.
 */
export function cardsAlphaMap(title: string, cards: readonly ExplanationCard[]): Figure {
  const points = cards
    .filter((c) => typeof c.growth === "number" && typeof c.confidence === "number")
    .map((c) => ({ ticker: c.ticker, growth: c.growth as number, confidence: c.confidence as number, weight: c.weight, signal: c.signal }))
    .sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
  return alphaMapChart(title, points);
}
