/**
 * A constant-mix strategy: the same weights at every rebalance.
 */
import { InputError } from "../core/index";
import type { Strategy } from "./strategy";

/** Options of {@link fixedWeights}. */
export interface FixedWeightsOptions {
  /** Name shown in tables. Default the weights, e.g. `"A 50 % / B 30 %"`. */
  readonly name?: string;
}

/**
 * The same target weights at every rebalance (a constant mix; with `neverRebalance()` it is buy and hold). A
 * ticker without a price on a rebalance date (not listed yet) gets 0 there, its weight stays in cash, and a note
 * says so. Weights below 1 in total leave the rest in cash.
 *
 * @param weights `{ ticker: weight }`, each finite and ≥ 0, at least one > 0.
 * @param options `{ name }`.
 * @throws InputError BAD_WEIGHTS for an empty, negative or non-finite weight. The engine throws UNKNOWN_TICKER
 *   when a ticker is not a column of the prices.
 * @example
 * ```ts
 * const constantMix = fixedWeights({ A: 0.5, B: 0.3 }); // 20 % cash
 * constantMix.targetWeights(view).values; // => Float64Array [0.5, 0.3]
 * ```
 */
export function fixedWeights(weights: Readonly<Record<string, number>>, options: FixedWeightsOptions = {}): Strategy {
  const labels = Object.keys(weights ?? {});
  const values = Float64Array.from(labels, (t) => weights[t]!);
  if (labels.length === 0 || values.some((w) => !Number.isFinite(w) || w < 0) || !values.some((w) => w > 0)) {
    throw new InputError("BAD_WEIGHTS", `fixedWeights: weights ${JSON.stringify(weights)} must be finite, ≥ 0, and not all 0; e.g. { MKTIDX: 0.6, LTBX: 0.4 }`, {});
  }
  const name = options.name ?? labels.map((t, i) => `${t} ${+(values[i]! * 100).toFixed(2)} %`).join(" / ");
  return {
    name,
    parameters: { weights: Object.fromEntries(labels.map((t, i) => [t, values[i]!])) },
    targetWeights(view) {
      const tradable = new Set(view.tradable);
      const missing = labels.filter((t) => !tradable.has(t) && view.tickers.includes(t));
      if (missing.length === 0) return { labels, values };
      view.note(`no price for ${missing.join(", ")}: ${missing.length === 1 ? "its weight stays" : "their weights stay"} in cash`);
      return { labels, values: values.map((w, i) => (missing.includes(labels[i]!) ? 0 : w)) };
    },
  };
}
