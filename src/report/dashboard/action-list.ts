/**
 * What to do, as a list a reader can act on.
 */
import type { ActionableItem } from "./actionable-items";

/**
 * How the dashboard names each asset class in a sentence ("increase bonds").
 *
 * @example
 * ```ts
 * READABLE_ASSET_CLASSES.index; // => "the index fund"
 * ```
 */
export const READABLE_ASSET_CLASSES: Readonly<Record<string, string>> = Object.freeze({
  equity: "equities",
  bond: "bonds",
  commodity: "commodities",
  reit: "REITs",
  crypto: "crypto",
  index: "the index fund",
});

/**
 * Each ticker's asset class as a reader says it (`{ LTBX: "bonds", MKTIDX: "the index fund" }`): the `groupOf` of
 * `actionableItems`. A class without a readable name keeps its own.
 *
 * @example
 * ```ts
 * readableAssetClasses({ LTBX: "bond", MKTIDX: "index", XYZ: "art" }); // => { LTBX: "bonds", MKTIDX: "the index fund", XYZ: "art" }
 * ```
 */
export function readableAssetClasses(assetClassOf: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(assetClassOf).map(([ticker, c]) => [ticker, READABLE_ASSET_CLASSES[c] ?? c]));
}

/**
 * The items as a markdown list, one bullet each: the action in bold, then why.
 *
 * @example
 * ```ts
 * showMarkdown(actionList(actionableItems(current, target, cards, { groupOf })));
 * // - **Rebalance now: increase bonds (LTBX) from 40.0 % to 52.0 %.** LTBX +12.0 points. LTBX: Target 52.0 % …
 * ```
 */
export function actionList(items: readonly ActionableItem[]): string {
  return items.map((it) => `- **${it.action}.** ${it.explanation}`).join("\n");
}
