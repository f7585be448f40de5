/**
 * The equal-weight strategy: 1/n in each tradable asset.
 */
import { InputError } from "../core/index";
import type { Strategy } from "./strategy";

/** Options of {@link equalWeight}. */
export interface EqualWeightOptions {
  /** Only these tickers (those with a price on the rebalance date). Default every ticker of the table. */
  readonly universe?: readonly string[];
}

/**
 * Equal weights `1/n` over the `n` tickers that have a price on the rebalance date (and are in `universe`, when
 * given): the naive diversifier every optimiser should be compared with (DeMiguel, Garlappi & Uppal, 2009). A
 * ticker that lists later joins at the first rebalance after it has a price.
 *
 * @param options `{ universe }`.
 * @throws InputError EMPTY_UNIVERSE for an empty universe.
 * @example
 * ```ts
 * // on a day when A and B have prices and C has none:
 * equalWeight().targetWeights(view); // => { labels: ["A", "B"], values: Float64Array [0.5, 0.5] }
 * ```
 */
export function equalWeight(options: EqualWeightOptions = {}): Strategy {
  const universe = options.universe ? new Set(options.universe) : undefined;
  if (universe && universe.size === 0) throw new InputError("EMPTY_UNIVERSE", "equalWeight: the universe is empty; pass at least one ticker or leave it out for every ticker");
  return {
    name: "equal weight",
    parameters: { universe: options.universe ? [...options.universe] : "all" },
    targetWeights(view) {
      const labels = universe ? view.tradable.filter((t) => universe.has(t)) : [...view.tradable];
      if (labels.length === 0) view.note("no ticker of the universe has a price: holding cash");
      return { labels, values: new Float64Array(labels.length).fill(labels.length === 0 ? 0 : 1 / labels.length) };
    },
  };
}
