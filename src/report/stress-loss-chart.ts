/**
 * A stress result's loss by holding, as a chart.
 */
import type { StressResult } from "../stress/index";
import type { Figure } from "./figure";
import { lossByAssetChart } from "./loss-by-asset-chart";

/**
 * Horizontal bars of a stress result's loss by holding (`lossByAssetChart`): titled with the scenario, largest loss on
 * top, losses red and gains green, the total in the subtitle.
 *
 * @param result a result of `runStressTest(s)`; not changed.
 * @param currency the capital's currency, on the value axis (default `"USD"`).
 * @example
 * ```ts
 * for (const result of runStressTests(scenarios, portfolio, context)) show(stressLossChart(result));
 * stressLossChart(result).layout.title; // => { text: "rates +200 bp: loss by holding<br><sub>total loss 92,500</sub>" }
 * ```
 * @throws InputError when a loss is not finite (as `lossByAssetChart`).
 */
export function stressLossChart(result: StressResult, currency = "USD"): Figure {
  return lossByAssetChart({
    title: `${result.scenario}: loss by holding`,
    labels: result.lossByAsset.labels,
    losses: result.lossByAsset.values,
    valueAxis: `loss (${currency})`,
  });
}
