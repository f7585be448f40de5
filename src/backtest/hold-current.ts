/**
 * A strategy that keeps what it holds: no trade.
 */
import type { Strategy } from "./strategy";

/**
 * Returns the portfolio's current (drifted) weights of the tradable tickers, so the engine places no order (a
 * holding without a price that day cannot be traded anyway and is kept): the fallback of an optimiser that
 * cannot solve on a date.
 *
 * @example
 * ```ts
 * holdCurrent().targetWeights(view).values; // => the weights of view.weights for view.tradable
 * ```
 */
export function holdCurrent(): Strategy {
  return {
    name: "hold",
    parameters: {},
    targetWeights(view) {
      const index = new Map(view.tickers.map((t, j) => [t, j]));
      return { labels: view.tradable, values: Float64Array.from(view.tradable, (t) => view.weights.values[index.get(t)!]!) };
    },
  };
}
