import { InputError } from "../core/index";
import type { Figure, ScatterTrace } from "./figure";

/** One asset on an {@link alphaMapChart}. */
export interface AlphaMapPoint {
  readonly ticker: string;
  /** Expected growth (fraction), on x. */
  readonly growth: number;
  /** Confidence, probability that growth is positive, on y, in [0, 1]. */
  readonly confidence: number;
  /** Portfolio weight (fraction), the marker's size. */
  readonly weight: number;
  /** The signal, the marker's colour (e.g. "STRONG BUY" … "SELL"). */
  readonly signal: string;
}

const SIGNAL_COLOURS: Readonly<Record<string, string>> = {
  "STRONG BUY": "#1a7f37",
  BUY: "#54b06c",
  HOLD: "#8c959f",
  REDUCE: "#e3893b",
  SELL: "#c0392b",
};

/**
 * The alpha map: expected growth against confidence, one marker per asset, sized by weight and
 * coloured by signal (one legend entry per signal). The top-right quadrant holds confident growth.
 *
 * @example
 * ```ts
 * alphaMapChart("Alpha map", [{ ticker: "A", growth: 0.1, confidence: 0.8, weight: 0.2, signal: "BUY" }]).data[0].name;
 * // => "BUY"
 * ```
 * @throws InputError when a value is not finite or a confidence lies outside [0, 1].
 */
export function alphaMapChart(title: string, points: readonly AlphaMapPoint[]): Figure {
  for (const p of points) {
    if (![p.growth, p.confidence, p.weight].every(Number.isFinite)) throw new InputError("NON_FINITE", `alphaMapChart: ${p.ticker} has a non-finite growth, confidence or weight`, { ticker: p.ticker });
    if (p.confidence < 0 || p.confidence > 1) throw new InputError("BAD_PROBABILITY", `alphaMapChart: confidence of ${p.ticker} is ${p.confidence}; it lies in [0, 1]`, { ticker: p.ticker });
  }
  const maxWeight = Math.max(1e-9, ...points.map((p) => Math.abs(p.weight)));
  const signals = [...new Set(points.map((p) => p.signal))];
  const data: ScatterTrace[] = signals.map((signal) => {
    const ps = points.filter((p) => p.signal === signal);
    return {
      type: "scatter",
      mode: "markers+text",
      name: signal,
      x: ps.map((p) => p.growth),
      y: ps.map((p) => p.confidence),
      text: ps.map((p) => p.ticker),
      textposition: "top center",
      marker: { size: ps.map((p) => 8 + 40 * Math.sqrt(Math.abs(p.weight) / maxWeight)), color: SIGNAL_COLOURS[signal] ?? "#2a6fdb", opacity: 0.8, line: { color: "#333", width: 0.5 } },
      hovertemplate: "%{text}: growth %{x:.1%}, confidence %{y:.0%}<extra></extra>",
    };
  });
  return {
    data,
    layout: {
      title: { text: title },
      xaxis: { title: { text: "expected growth" }, tickformat: ".0%", zeroline: true },
      yaxis: { title: { text: "confidence (probability growth > 0)" }, tickformat: ".0%", range: [0, 1.05] },
      height: 520,
      shapes: [{ type: "line", x0: 0, x1: 0, y0: 0, y1: 1, yref: "paper", line: { color: "#999", dash: "dot", width: 1 } }, { type: "line", x0: 0, x1: 1, xref: "paper", y0: 0.5, y1: 0.5, line: { color: "#999", dash: "dot", width: 1 } }],
    },
  };
}
