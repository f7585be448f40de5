/**
 * The validation layer's stability scores as stacked bars: each part's share of the score.
 */
import type { ValidationReport } from "../validation/index";
import type { Figure } from "./figure";
import { stackedBarChart } from "./stacked-bar-chart";

/**
 * One horizontal bar per company with a score, largest first, stacked by part: growth, earnings and drawdown, each
 * its weighted score over the sum of the weights, so the bar's length is the score (in [0, 1]).
 *
 * @example
 * ```ts
 * show(stabilityChart(runChecks(input)));
 * ```
 */
export function stabilityChart(report: Pick<ValidationReport, "stability" | "settings">, title = "Stability score and its parts"): Figure {
  const w = report.settings.stability.weights;
  const total = w.growth + w.earnings + w.drawdown;
  const scored = report.stability.filter((s) => s.score !== null);
  const part = (weight: number, score: (s: (typeof scored)[number]) => number | null) => scored.map((s) => (weight * (score(s) ?? 0)) / total);
  return stackedBarChart({
    title,
    labels: scored.map((s) => s.ticker),
    horizontal: true,
    sort: true,
    valueFormat: ".2f",
    valueAxis: "score",
    series: [
      { name: "growth", values: part(w.growth, (s) => s.growthScore) },
      { name: "earnings", values: part(w.earnings, (s) => s.earningsScore) },
      { name: "drawdown", values: part(w.drawdown, (s) => s.drawdownScore) },
    ],
  });
}
