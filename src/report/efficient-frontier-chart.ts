import { InputError } from "../core/index";
import type { Figure, ScatterTrace } from "./figure";

/** A point in risk–return space: annual volatility (x) and expected return (y), as fractions. */
export interface RiskReturnPoint {
  readonly volatility: number;
  readonly expectedReturn: number;
}

/** A named point on an {@link efficientFrontierChart}: an asset or a chosen portfolio. */
export interface LabelledRiskReturnPoint extends RiskReturnPoint {
  readonly label: string;
}

/** Options of {@link efficientFrontierChart}. */
export interface EfficientFrontierChartOptions {
  /** The frontier's portfolios (e.g. `efficientFrontier(mu, S)`), drawn as a line in order of volatility. */
  readonly frontier: readonly RiskReturnPoint[];
  /** The single assets, drawn as grey dots with their tickers. Default none. */
  readonly assets?: readonly LabelledRiskReturnPoint[];
  /** Chosen portfolios (min volatility, max Sharpe, …), drawn as large markers with their names. Default none. */
  readonly portfolios?: readonly LabelledRiskReturnPoint[];
  /** When given, the capital market line from (0, rf) through the frontier point with the highest Sharpe ratio. */
  readonly riskFreeRate?: number;
  /**
   * How tickers show: `"hover"` (default: on the pointer, so 40 assets do not print over each other) or
   * `"always"` (printed above each dot; for a handful of assets).
   */
  readonly assetLabels?: "hover" | "always";
}

/**
 * The view the chart opens on: the frontier and the chosen portfolios, with the assets whose volatility is at
 * most 1.5 × the frontier's widest point (the others are listed in a note; plotly's *Autoscale* shows them).
 * The capital market line is clipped to it rather than stretching it. Fractions, annual.
 *
 * @example
 * ```ts
 * frontierView({ frontier: [{ volatility: 0.1, expectedReturn: 0.05 }, { volatility: 0.2, expectedReturn: 0.1 }],
 *   assets: [{ label: "HIGH", volatility: 0.7, expectedReturn: 0.6 }] }).outside;
 * // => ["HIGH"]  (0.7 > 1.5 × 0.2; the view is x 0–0.216, y 0.046–0.104)
 * ```
 */
export function frontierView(options: EfficientFrontierChartOptions): { x: [number, number]; y: [number, number]; outside: readonly string[] } {
  const core = [...options.frontier, ...(options.portfolios ?? [])];
  const widest = Math.max(...core.map((p) => p.volatility));
  const assets = options.assets ?? [];
  const near = assets.filter((a) => a.volatility <= 1.5 * widest);
  const shown = [...core, ...near];
  const xEnd = Math.max(...shown.map((p) => p.volatility)) * 1.08 || 1;
  const ys = shown.map((p) => p.expectedReturn);
  if (options.riskFreeRate !== undefined && Number.isFinite(options.riskFreeRate)) ys.push(options.riskFreeRate);
  const low = Math.min(...ys);
  const high = Math.max(...ys);
  const pad = (high - low) * 0.08 || 0.01;
  const outside = assets.filter((a) => a.volatility > 1.5 * widest).sort((a, b) => b.volatility - a.volatility).map((a) => a.label);
  return { x: [0, xEnd], y: [low - pad, high + pad], outside };
}

const PORTFOLIO_COLOURS = ["#c0392b", "#1a7f37", "#e3893b", "#8e44ad", "#2a6fdb", "#16a085", "#7f8c8d"];

/**
 * The efficient frontier in risk–return space (volatility on x, expected return on y, both annual percentages),
 * with the single assets and the chosen portfolios marked, and optionally the capital market line. The axes open
 * on the frontier and the portfolios ({@link frontierView}); tickers show on hover.
 *
 * @param title the figure's title.
 * @param options `{ frontier, assets = [], portfolios = [], riskFreeRate }`.
 * @returns a plotly figure: the frontier line, then the assets, then one trace per portfolio (and the line).
 * @throws InputError when the frontier is empty or a point has a non-finite or negative volatility or a
 *   non-finite return (naming it).
 *
 * @example
 * ```ts
 * efficientFrontierChart("Frontier", { frontier: [{ volatility: 0.1, expectedReturn: 0.05 }, { volatility: 0.2, expectedReturn: 0.1 }],
 *   portfolios: [{ label: "min volatility", volatility: 0.1, expectedReturn: 0.05 }] }).data.map((t) => t.name);
 * // => ["efficient frontier", "min volatility"]
 * ```
 */
export function efficientFrontierChart(title: string, options: EfficientFrontierChartOptions): Figure {
  const caller = "efficientFrontierChart";
  const check = (p: RiskReturnPoint, what: string) => {
    if (!Number.isFinite(p.volatility) || p.volatility < 0 || !Number.isFinite(p.expectedReturn)) {
      throw new InputError("NON_FINITE", `${caller}: ${what} has volatility ${p.volatility} and expected return ${p.expectedReturn}; both must be finite, volatility ≥ 0`, { what });
    }
  };
  if (options.frontier.length === 0) throw new InputError("EMPTY_INPUT", `${caller}: the frontier has no points; pass efficientFrontier(mu, S)`, {});
  options.frontier.forEach((p, i) => check(p, `frontier point ${i}`));
  const assets = options.assets ?? [];
  const portfolios = options.portfolios ?? [];
  for (const p of [...assets, ...portfolios]) check(p, p.label);

  const frontier = [...options.frontier].sort((a, b) => a.volatility - b.volatility);
  const hover = "%{text}<br>volatility %{x:.1%}<br>expected return %{y:.1%}<extra></extra>";
  const data: ScatterTrace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: "efficient frontier",
      x: frontier.map((p) => p.volatility),
      y: frontier.map((p) => p.expectedReturn),
      line: { color: "#2a6fdb", width: 2.5 },
      hovertemplate: "frontier<br>volatility %{x:.1%}<br>expected return %{y:.1%}<extra></extra>",
    },
  ];
  if (assets.length > 0) {
    data.push({
      type: "scatter",
      mode: options.assetLabels === "always" ? "markers+text" : "markers",
      name: "assets",
      x: assets.map((p) => p.volatility),
      y: assets.map((p) => p.expectedReturn),
      text: assets.map((p) => p.label),
      ...(options.assetLabels === "always" ? { textposition: "top center" } : {}),
      marker: { size: 7, color: "#8c959f" },
      hovertemplate: hover,
    });
  }
  portfolios.forEach((p, i) => {
    data.push({
      type: "scatter",
      mode: "markers",
      name: p.label,
      x: [p.volatility],
      y: [p.expectedReturn],
      text: [p.label],
      marker: { size: 14, color: PORTFOLIO_COLOURS[i % PORTFOLIO_COLOURS.length]!, line: { color: "#222", width: 1 } },
      hovertemplate: hover,
    });
  });
  const view = frontierView(options);
  const xEnd = view.x[1];
  const rf = options.riskFreeRate;
  if (rf !== undefined) {
    if (!Number.isFinite(rf)) throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${rf} must be a finite annual rate, e.g. 0.02`, { riskFreeRate: rf });
    let best: RiskReturnPoint | undefined;
    let bestSharpe = -Infinity;
    for (const p of frontier) {
      if (p.volatility <= 0) continue;
      const s = (p.expectedReturn - rf) / p.volatility;
      if (s > bestSharpe) {
        bestSharpe = s;
        best = p;
      }
    }
    if (best !== undefined) {
      data.push({
        type: "scatter",
        mode: "lines",
        name: `capital market line (rf ${(100 * rf).toFixed(1)} %)`,
        x: [0, xEnd],
        y: [rf, rf + bestSharpe * xEnd],
        line: { color: "#888", dash: "dash", width: 1 },
        hovertemplate: `Sharpe ${bestSharpe.toFixed(2)}<extra></extra>`,
      });
    }
  }
  return {
    data,
    layout: {
      title: { text: title },
      xaxis: { title: { text: "volatility (annual)" }, tickformat: ".0%", range: view.x },
      yaxis: { title: { text: "expected return (annual)" }, tickformat: ".0%", range: view.y },
      height: 480,
      hovermode: "closest",
      ...(view.outside.length > 0
        ? {
            annotations: [
              {
                text: `beyond the view: ${view.outside.slice(0, 6).join(", ")}${view.outside.length > 6 ? ` and ${view.outside.length - 6} more` : ""} (Autoscale shows all)`,
                xref: "paper",
                yref: "paper",
                x: 1,
                y: 0,
                xanchor: "right",
                yanchor: "bottom",
                showarrow: false,
                font: { size: 11, color: "#666" },
              },
            ],
          }
        : {}),
    },
  };
}
