import { InputError } from "../core/index";
import type { Figure } from "./figure";

/** Options of {@link lossByAssetChart}. */
export interface LossByAssetChartOptions {
  readonly title: string;
  readonly labels: readonly string[];
  /** Loss of each asset, positive = loss (a gain is negative). */
  readonly losses: ArrayLike<number>;
  /** Axis title, e.g. `"loss (USD)"`. Default `"loss"`. */
  readonly valueAxis?: string;
  /** d3 format of the values. Default `",.0f"` (money with thousands separators). */
  readonly valueFormat?: string;
}

const LOSS_COLOR = "#d62728";
const GAIN_COLOR = "#2ca02c";

/**
 * Horizontal bars of the loss by asset in a stress test, largest loss on top: red for losses, green for
 * gains (negative losses), with the total in the title's subtitle.
 *
 * @example
 * ```ts
 * const fig = lossByAssetChart({ title: "Rates +200 bp", labels: ["LTBX", "STBX", "QBTX"], losses: [80000, 12500, 0] });
 * fig.data[0].y; // => ["QBTX", "STBX", "LTBX"] (plotly draws the first category at the bottom)
 * ```
 * @throws InputError when labels and losses differ in length or a loss is not finite.
 */
export function lossByAssetChart(options: LossByAssetChartOptions): Figure {
  const { labels, losses } = options;
  if (labels.length !== losses.length) {
    throw new InputError("SHAPE_MISMATCH", `lossByAssetChart: ${labels.length} labels but ${losses.length} losses; pass one loss per label`);
  }
  const rows = labels.map((label, i) => {
    const loss = losses[i]!;
    if (!Number.isFinite(loss)) throw new InputError("NON_FINITE", `lossByAssetChart: loss of ${label} is ${loss}; charts take finite numbers`, { label });
    return { label, loss };
  });
  // Ascending, so the largest loss is drawn at the top of a horizontal bar chart.
  rows.sort((a, b) => a.loss - b.loss);
  const format = options.valueFormat ?? ",.0f";
  const total = rows.reduce((s, r) => s + r.loss, 0);
  const totalText = total.toLocaleString("en-US", { maximumFractionDigits: 0 });
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        x: rows.map((r) => r.loss),
        y: rows.map((r) => r.label),
        marker: { color: rows.map((r) => (r.loss >= 0 ? LOSS_COLOR : GAIN_COLOR)) },
        hovertemplate: `%{y}: %{x:${format}}<extra></extra>`,
      },
    ],
    layout: {
      title: { text: `${options.title}<br><sub>total ${total >= 0 ? "loss" : "gain"} ${total >= 0 ? totalText : (-total).toLocaleString("en-US", { maximumFractionDigits: 0 })}</sub>` },
      xaxis: { title: { text: options.valueAxis ?? "loss" }, tickformat: format, zeroline: true },
      yaxis: { automargin: true, type: "category" },
      height: Math.max(320, 24 * rows.length + 140),
      margin: { t: 80 },
      showlegend: false,
    },
  };
}
