/**
 * Plotly figures as plain typed objects. They are JSON: build them anywhere (Node, tests,
 * notebooks) and draw them with plotly.js in a page. Only the attributes the workbook uses are
 * typed; see https://plotly.com/javascript/reference/ for their meaning.
 */

/** Marker styling shared by several trace types. */
export interface Marker {
  color?: string | readonly string[] | readonly number[];
  size?: number | readonly number[];
  colorscale?: string;
  showscale?: boolean;
  line?: { color?: string; width?: number };
  opacity?: number;
}

interface TraceBase {
  name?: string;
  hovertemplate?: string;
  showlegend?: boolean;
  text?: readonly string[] | string;
}

/** Bars, vertical (`x` categories) or horizontal (`orientation: "h"`). */
export interface BarTrace extends TraceBase {
  type: "bar";
  x: readonly (string | number)[];
  y: readonly (string | number)[];
  orientation?: "v" | "h";
  marker?: Marker;
  textposition?: "auto" | "outside" | "inside" | "none";
}

/** Lines and/or markers. Dates are ISO strings. */
export interface ScatterTrace extends TraceBase {
  type: "scatter";
  x: readonly (string | number)[];
  y: readonly (number | null)[];
  mode?: "lines" | "markers" | "lines+markers" | "markers+text" | "text";
  line?: { color?: string; width?: number; dash?: "solid" | "dash" | "dot" };
  marker?: Marker;
  fill?: "none" | "tozeroy" | "tonexty";
  textposition?: string;
}

/** A matrix of colours, e.g. a correlation matrix. */
export interface HeatmapTrace extends TraceBase {
  type: "heatmap";
  z: readonly (readonly (number | null)[])[];
  x: readonly (string | number)[];
  y: readonly (string | number)[];
  colorscale?: string;
  zmin?: number;
  zmax?: number;
  zmid?: number;
}

/** Nested rectangles sized by value (capital by sector and asset). */
export interface TreemapTrace extends TraceBase {
  type: "treemap";
  labels: readonly string[];
  parents: readonly string[];
  values: readonly number[];
  branchvalues?: "total" | "remainder";
  ids?: readonly string[];
}

/** Distribution of values in bins. */
export interface HistogramTrace extends TraceBase {
  type: "histogram";
  x: readonly number[];
  nbinsx?: number;
  marker?: Marker;
  opacity?: number;
}

/** Slices of a whole. */
export interface PieTrace extends TraceBase {
  type: "pie";
  labels: readonly string[];
  values: readonly number[];
  hole?: number;
}

/** Every trace type the workbook draws. */
export type Trace = BarTrace | ScatterTrace | HeatmapTrace | TreemapTrace | HistogramTrace | PieTrace;

/** An axis of a figure. */
export interface Axis {
  title?: { text: string };
  tickformat?: string;
  type?: "linear" | "log" | "date" | "category";
  range?: readonly [number | string, number | string];
  zeroline?: boolean;
  automargin?: boolean;
  /** `"reversed"`: the first category at the top (matrices read top to bottom). */
  autorange?: boolean | "reversed";
}

/** Layout of a figure. */
export interface Layout {
  title?: { text: string };
  xaxis?: Axis;
  yaxis?: Axis;
  height?: number;
  width?: number;
  barmode?: "group" | "stack" | "overlay";
  showlegend?: boolean;
  margin?: { l?: number; r?: number; t?: number; b?: number };
  shapes?: readonly Record<string, unknown>[];
  annotations?: readonly Record<string, unknown>[];
  template?: string;
  hovermode?: "closest" | "x" | "x unified" | false;
}

/**
 * A plotly figure: traces, layout and config, all plain JSON.
 *
 * @example
 * ```ts
 * const fig: Figure = { data: [{ type: "bar", x: ["A", "B"], y: [0.6, 0.4] }], layout: { title: { text: "Weights" } } };
 * ```
 */
export interface Figure {
  data: Trace[];
  layout: Layout;
  config?: { responsive?: boolean; displaylogo?: boolean; staticPlot?: boolean };
}

/**
 * The title of a figure, or `"(untitled figure)"`.
 *
 * @example
 * ```ts
 * figureTitle({ data: [], layout: { title: { text: "Weights" } } }); // => "Weights"
 * ```
 */
export function figureTitle(figure: Figure): string {
  return figure.layout.title?.text ?? "(untitled figure)";
}
