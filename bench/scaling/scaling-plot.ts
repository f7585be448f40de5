// The scaling curves as a log-log plotly page (build/bench/scaling.html) and its picture for the README
// (docs/bench-scaling.png): one panel per curve, ours and the baseline, seconds against size.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { packagePath } from "../../src/core/paths";
import { plotlyBundlePath } from "../../src/workbook/report";
import { screenshot } from "../../scripts/screenshot";
import type { ScalingPoint } from "./scaling-point";
import type { ScalingSeries } from "./series";

const OURS = "#1f77b4";
const BASE = "#d62728";

/** The plotly traces and layout: a grid of log-log panels, two columns. */
export function scalingFigure(series: readonly ScalingSeries[], points: readonly ScalingPoint[], when: string): { data: object[]; layout: object } {
  const columns = Math.min(2, series.length);
  const rows = Math.ceil(series.length / columns);
  const data: object[] = [];
  const layout: Record<string, unknown> = {
    title: { text: `Seconds against size, ours and the baseline in the same run (${when}); log-log axes`, y: 0.995, yanchor: "top" },
    grid: { rows, columns, pattern: "independent", ygap: 0.5, xgap: 0.12 },
    width: 550 * columns,
    height: 330 * rows + 110,
    margin: { t: 110, b: 50, l: 60, r: 20 },
    legend: { orientation: "h", yref: "container", y: 1 - 38 / (330 * rows + 110), yanchor: "top", x: 0.5, xanchor: "center" },
    annotations: [] as object[],
    font: { size: 12 },
  };
  series.forEach((s, k) => {
    const ax = k === 0 ? "" : String(k + 1);
    const mine = points.filter((p) => p.series === s.name);
    for (const [side, color, dash] of [["ours", OURS, "solid"], ["baseline", BASE, "dash"]] as const) {
      const pts = mine.filter((p) => (side === "ours" ? p.oursSeconds : p.baselineSeconds) !== null);
      data.push({
        type: "scatter",
        mode: "lines+markers",
        name: side === "ours" ? "allocation-workbook" : "Python baseline",
        legendgroup: side,
        showlegend: k === 0,
        x: pts.map((p) => p.size),
        y: pts.map((p) => (side === "ours" ? p.oursSeconds : p.baselineSeconds)),
        line: { color, dash },
        xaxis: `x${ax}`,
        yaxis: `y${ax}`,
      });
    }
    layout[`xaxis${ax}`] = { type: "log", title: { text: `${s.variable} (${s.fixed})` }, tickvals: s.sizes, ticktext: s.sizes.map((n) => n.toLocaleString("en")) };
    layout[`yaxis${ax}`] = { type: "log", title: { text: "seconds" }, exponentformat: "power" };
    (layout.annotations as object[]).push({
      text: `<b>${s.title}</b>`,
      xref: `x${ax} domain`,
      yref: `y${ax} domain`,
      x: 0,
      y: 1.02,
      yanchor: "bottom",
      xanchor: "left",
      showarrow: false,
    });
  });
  return { data, layout };
}

/**
 * Writes build/bench/scaling.html (with plotly beside it) and screenshots it to `png`: the README's
 * docs/bench-scaling.png for a run of every curve, build/bench/scaling.png for some (so that rerunning one curve
 * does not replace the README's picture with one panel).
 */
export function writeScalingPlot(series: readonly ScalingSeries[], points: readonly ScalingPoint[], when: string, png: string): string {
  const dir = packagePath("build", "bench");
  mkdirSync(dir, { recursive: true });
  copyFileSync(plotlyBundlePath(), join(dir, "plotly.min.js"));
  const { data, layout } = scalingFigure(series, points, when);
  const html = join(dir, "scaling.html");
  writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><title>Scaling curves</title><script src="plotly.min.js"></script></head>
<body style="margin:0"><div id="f"></div><script>Plotly.newPlot("f", ${JSON.stringify(data)}, ${JSON.stringify(layout)}, { staticPlot: true });</script></body></html>\n`,
  );
  mkdirSync(dirname(png), { recursive: true });
  const l = layout as { width: number; height: number };
  screenshot(html, png, l.width, l.height);
  return png;
}
