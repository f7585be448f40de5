import { displayBundle, escapeHtml } from "../core/index";
import { scriptJson } from "./script-json";
import { figureTitle, type Figure } from "./figure";

/** The MIME type of plotly figures in Jupyter display data (rendered by JupyterLab's plotly extension and by the workbook report). */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

let counter = 0;

/**
 * HTML that draws a figure in a page: a `div`, the figure as JSON, and a script that uses
 * `window.Plotly` when the page has it, else loads plotly.js once per page from the Jupyter
 * server's `static/plotly.min.js` (which `npm run notebook` serves from the installed
 * `plotly.js-dist-min` package). Offline; no CDN. The plotly 4 bundle is not an AMD module, so
 * a plain script tag is used rather than require.js.
 *
 * @example
 * ```ts
 * figureHtml({ data: [], layout: {} }, "fig1").startsWith('<div id="fig1"'); // => true
 * ```
 */
export function figureHtml(figure: Figure, id = `aw-fig-${Date.now().toString(36)}-${counter++}`): string {
  const json = scriptJson(figure);
  const height = figure.layout.height ?? 420;
  const traces = `${figure.data.length} trace${figure.data.length === 1 ? "" : "s"}`;
  // Shown where the script does not run: Jupyter runs scripts only in a trusted notebook, so an executed
  // notebook opened on another machine ("Not Trusted") would otherwise show nothing where the chart was.
  const fallback =
    `<div class="aw-plot-fallback" style="padding:12px;border:1px dashed #999;color:#444;font-family:sans-serif;font-size:14px">` +
    `Chart <b>${escapeHtml(figureTitle(figure))}</b> (${traces}) is drawn by a script, and Jupyter runs scripts only in a ` +
    `trusted notebook. To see it: <i>File → Trust Notebook</i> (or <code>jupyter trust NOTEBOOK.ipynb</code>), or open ` +
    `<code>build/report/index.html</code> after <code>npm run workbook</code>.</div>`;
  return `<div id="${id}" class="aw-plot" style="width:100%;min-height:${height}px">${fallback}</div>
<script type="application/json" id="${id}-json">${json}</script>
<script>
(function () {
  var el = document.getElementById(${JSON.stringify(id)});
  var fig = JSON.parse(document.getElementById(${JSON.stringify(id + "-json")}).textContent);
  function draw() { el.innerHTML = ""; window.Plotly.newPlot(el, fig.data, fig.layout || {}, Object.assign({ responsive: true, displaylogo: false }, fig.config || {})); }
  if (window.Plotly) { draw(); return; }
  if (!window.__awPlotlyLoading) {
    window.__awPlotlyLoading = new Promise(function (resolve, reject) {
      var base = (document.body && document.body.getAttribute("data-base-url")) || "/";
      var s = document.createElement("script");
      s.src = base + "static/plotly.min.js";
      s.onload = resolve;
      s.onerror = function () { reject(new Error("plotly.js could not be loaded from " + s.src + "; start Jupyter with npm run notebook")); };
      document.head.appendChild(s);
    });
  }
  window.__awPlotlyLoading.then(draw, function (e) { el.textContent = e.message; });
})();
</script>`;
}

/**
 * The display bundle of a figure: plotly JSON (JupyterLab, the workbook report), HTML (the
 * classic notebook) and a plain-text line (terminals, nbconvert text).
 *
 * @example
 * ```ts
 * Object.keys(figureBundle({ data: [], layout: { title: { text: "W" } } }));
 * // => ["application/vnd.plotly.v1+json", "text/html", "text/plain"]
 * ```
 */
export function figureBundle(figure: Figure): Record<string, unknown> & { "text/plain": string } {
  return {
    [PLOTLY_MIME]: figure,
    "text/html": figureHtml(figure),
    "text/plain": `<Figure: ${figureTitle(figure)} (${figure.data.length} trace${figure.data.length === 1 ? "" : "s"})>`,
  };
}

/**
 * Shows a figure. In a notebook (tslab kernel) it displays the figure's bundle, drawn offline
 * in the classic notebook, in JupyterLab (with its plotly extension) and in the HTML report.
 * Elsewhere (a script, a test) it prints the plain-text line and returns.
 *
 * @example
 * ```ts
 * show(barChart({ title: "Weights", labels: ["A", "B"], values: [0.6, 0.4] }));
 * // (in a notebook: the chart; in a script: "<Figure: Weights (1 trace)>")
 * ```
 */
export function show(figure: Figure): void {
  displayBundle(figureBundle(figure));
}
