/**
 * Weights written as a record (`{ MKTIDX: 0.6, LTBX: 0.4 }`) laid out over a universe of tickers.
 */
import { InputError } from "../../core/index";
import type { LabelledVector } from "../../core/index";

/**
 * A {@link LabelledVector} over `labels` from weights given by ticker; tickers not named get 0.
 * The weights are not rescaled: a total below 1 is cash.
 *
 * @param labels the universe, e.g. the covariance's labels.
 * @param weights `{ ticker: weight }`, fractions of value, each finite and in [−1, 1].
 * @throws InputError UNKNOWN_TICKER when a ticker is not in `labels`; BAD_WEIGHT for a non-finite weight or one outside [−1, 1].
 * @example
 * ```ts
 * labelledWeights(["LTBX", "MKTIDX", "STBX"], { MKTIDX: 0.6, LTBX: 0.4 }).values; // => Float64Array [0.4, 0.6, 0]
 * ```
 */
export function labelledWeights(labels: readonly string[], weights: Readonly<Record<string, number>>): LabelledVector {
  const index = new Map(labels.map((t, i) => [t, i]));
  const values = new Float64Array(labels.length);
  for (const [ticker, w] of Object.entries(weights)) {
    const i = index.get(ticker);
    if (i === undefined) throw new InputError("UNKNOWN_TICKER", `labelledWeights: ${ticker} is not in the universe (${labels.length} tickers); name only tickers that have prices`, { ticker });
    if (!Number.isFinite(w) || Math.abs(w) > 1) throw new InputError("BAD_WEIGHT", `labelledWeights: weight of ${ticker} is ${w}; give a finite fraction in [−1, 1], e.g. 0.6 for 60 %`, { ticker });
    values[i] = w;
  }
  return { labels: [...labels], values };
}
