/**
 * The validation layer's profitability-versus-growth quadrants as a chart.
 */
import type { ValidationReport } from "../validation/index";
import type { Figure } from "./figure";
import { quadrantChart } from "./quadrant-chart";

/**
 * Each company's average net margin (y) against its revenue growth, compound annual rate (x), coloured by
 * quadrant, with the report's thresholds (`quadrant.minRevenueGrowth`, `quadrant.minNetMargin`) as dashed lines.
 * Both axes in percent.
 *
 * @example
 * ```ts
 * show(profitabilityGrowthChart(runChecks(input)));
 * ```
 */
export function profitabilityGrowthChart(report: Pick<ValidationReport, "quadrants" | "settings">, title = "Profitability versus growth"): Figure {
  const q = report.settings.quadrant;
  return quadrantChart({
    title,
    xAxis: "revenue growth (CAGR)",
    yAxis: "average net margin",
    xFormat: ".0%",
    yFormat: ".0%",
    xThreshold: q.minRevenueGrowth,
    yThreshold: q.minNetMargin,
    points: report.quadrants.map((r) => ({ label: r.ticker, x: r.revenueGrowth, y: r.netMargin, group: r.quadrant })),
  });
}
