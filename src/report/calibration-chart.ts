import { InputError } from "../core/index";
import type { Figure, ScatterTrace } from "./figure";

/** One model's calibration curve: bins with their mean predicted probability and observed rate. */
export interface CalibrationSeries {
  readonly name: string;
  readonly bins: readonly { readonly meanPredicted: number; readonly observedRate: number; readonly count: number }[];
}

/**
 * Reliability diagram: observed frequency of the event against the mean predicted probability,
 * per probability bin and per model, with the diagonal of perfect calibration. Marker size grows
 * with the bin's row count.
 *
 * @throws InputError EMPTY_INPUT when there is no series.
 * @example
 * ```ts
 * calibrationChart("Confidence", [{ name: "ensemble", bins: [{ meanPredicted: 0.3, observedRate: 0.25, count: 40 }] }]).data.length;
 * // => 2
 * ```
 */
export function calibrationChart(title: string, series: readonly CalibrationSeries[]): Figure {
  if (series.length === 0) throw new InputError("EMPTY_INPUT", "calibrationChart: no series; pass at least one model's curve");
  const data: ScatterTrace[] = series.map((s) => {
    const max = Math.max(1, ...s.bins.map((b) => b.count));
    return {
      type: "scatter",
      mode: "lines+markers",
      name: s.name,
      x: s.bins.map((b) => b.meanPredicted),
      y: s.bins.map((b) => b.observedRate),
      marker: { size: s.bins.map((b) => 5 + 13 * Math.sqrt(b.count / max)) },
      text: s.bins.map((b) => `${b.count} rows`),
      hovertemplate: `${s.name}: predicted %{x:.0%}, observed %{y:.0%} (%{text})<extra></extra>`,
    };
  });
  data.push({ type: "scatter", mode: "lines", name: "perfectly calibrated", x: [0, 1], y: [0, 1], line: { color: "#888", dash: "dash", width: 1 } });
  return {
    data,
    layout: {
      title: { text: title },
      xaxis: { title: { text: "predicted probability" }, tickformat: ".0%", range: [0, 1] },
      yaxis: { title: { text: "observed frequency" }, tickformat: ".0%", range: [0, 1] },
      height: 420,
      hovermode: "closest",
    },
  };
}
