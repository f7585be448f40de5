/**
 * A forecast's rank IC date by date, as bars, with its mean and how often it was positive in the title.
 */
import type { LabelledVector } from "../core/index";
import { barChart } from "./bar-chart";
import type { Figure } from "./figure";

/**
 * Bars of the rank IC per date (e.g. `metrics.rankIcSeries(panel, "random forest")`), titled with its mean and the
 * share of dates on which it was positive.
 *
 * @param title e.g. `"Rank IC of the random forest, month by month"`.
 * @param ic rank IC by date.
 * @param periods what the dates are, in the title (default `"dates"`, e.g. `"months"`).
 * @example
 * ```ts
 * rankIcChart("Rank IC", { labels: ["d1", "d2"], values: Float64Array.of(0.2, -0.1) }).layout.title;
 * // => { text: "Rank IC (mean 0.050, positive in 50 % of dates)" }
 * ```
 * @throws InputError when a rank IC is not finite (as `barChart`).
 */
export function rankIcChart(title: string, ic: LabelledVector, periods = "dates"): Figure {
  const n = ic.values.length;
  const mean = ic.values.reduce((s, x) => s + x, 0) / n;
  const positive = ic.values.filter((x) => x > 0).length / n;
  return barChart({
    title: `${title} (mean ${mean.toFixed(3)}, positive in ${(100 * positive).toFixed(0)} % of ${periods})`,
    labels: ic.labels,
    values: ic.values,
    valueFormat: ".2f",
    valueAxis: "rank IC",
  });
}
