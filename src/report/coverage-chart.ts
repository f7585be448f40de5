import type { MonthlyCoverage } from "../data/index";
import type { Figure } from "./figure";

/**
 * A coverage map: tickers down, months across, shaded by the share of days with data
 * (white = none, dark = every day). Late listings, gaps and delistings stand out.
 *
 * @example
 * ```ts
 * coverageChart(monthlyCoverage(prices)).data[0].type; // => "heatmap"
 * ```
 */
export function coverageChart(coverage: MonthlyCoverage, title = "Data coverage by month"): Figure {
  const k = coverage.months.length;
  const z = coverage.tickers.map((_, j) => Array.from(coverage.fraction.subarray(j * k, (j + 1) * k)));
  return {
    data: [
      {
        type: "heatmap",
        z,
        x: coverage.months,
        y: coverage.tickers,
        colorscale: "Blues",
        zmin: 0,
        zmax: 1,
        hovertemplate: "%{y} %{x}: %{z:.0%} of days<extra></extra>",
      },
    ],
    layout: { title: { text: title }, height: Math.max(320, 14 * coverage.tickers.length + 140), yaxis: { automargin: true, type: "category" }, margin: { t: 60 } },
  };
}
