/**
 * Historical scenarios for every span of a market regime (the synthetic market's crises, or any labelled spans).
 */
import type { LabelledSpan } from "../core/index";
import type { Scenario } from "./scenario";
import { historicalWindow } from "./historical-window";

/**
 * One {@link historicalWindow} per span of the given kind, named `"<kind> <start> to <end>"`.
 *
 * @param spans labelled spans, e.g. `market.regimes`; not changed.
 * @param kind which spans to keep. Default `"crisis"`.
 * @returns the scenarios, in the order of the spans (empty when none matches).
 * @throws InputError BAD_WINDOW when a span's dates are malformed.
 *
 * @example
 * ```ts
 * regimeScenarios(market.regimes).map((s) => s.name);
 * // => ["crisis 2008-09-15 to 2009-03-09", "crisis 2011-02-22 to 2011-09-09", "crisis 2012-10-18 to 2012-10-19", "crisis 2020-02-20 to 2020-04-30"]
 * ```
 */
export function regimeScenarios(spans: readonly LabelledSpan[], kind = "crisis"): Scenario[] {
  return spans
    .filter((s) => s.kind === kind)
    .map((s) => historicalWindow({ start: s.start, end: s.end, name: `${kind} ${s.start} to ${s.end}` }));
}
