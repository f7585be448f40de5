import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { marked } from "marked";
import { escapeHtml, PLOTLY_MIME, scriptJson } from "../report/index";
import { packagePath } from "../core/index";
import { cellSource, readNotebook, type NotebookJson, type NotebookOutput } from "./notebook-file";
import type { NotebookRun } from "./run-notebook";

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1d232b;line-height:1.5}
a{color:#1f5fbf}
pre{background:#f6f8fa;padding:.6rem .8rem;border-radius:6px;overflow-x:auto;font-size:.85rem}
.code pre{border-left:3px solid #9ab}
.out{margin:.3rem 0 1.2rem 0}
.stderr pre{background:#fff4f4}
.failure{border:2px solid #c0392b;background:#fdecea;padding:.8rem;border-radius:6px}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}th{background:#f0f3f6}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.ok{color:#1a7f37;font-weight:600}.failed{color:#c0392b;font-weight:600}
.aw-plot{width:100%;min-height:420px}
nav{margin-bottom:1rem}
`;

function joinText(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}

function renderOutput(out: NotebookOutput, plotCounter: { n: number }): string {
  switch (out.output_type) {
    case "stream":
      return `<div class="out ${out.name === "stderr" ? "stderr" : "stdout"}"><pre>${escapeHtml(joinText(out.text))}</pre></div>`;
    case "error":
      return `<div class="out stderr"><pre>${escapeHtml(`${out.ename ?? ""}: ${out.evalue ?? ""}`)}</pre></div>`;
    case "display_data":
    case "execute_result":
    case "update_display_data": {
      const data = out.data ?? {};
      if (data[PLOTLY_MIME] !== undefined) {
        const id = `aw-plot-${plotCounter.n++}`;
        return `<div class="out"><div class="aw-plot" id="${id}"></div><script type="application/json" data-plot="${id}">${scriptJson(data[PLOTLY_MIME])}</script></div>`;
      }
      if (typeof data["image/png"] === "string") return `<div class="out"><img alt="figure" src="data:image/png;base64,${data["image/png"]}"></div>`;
      if (typeof data["image/svg+xml"] === "string") return `<div class="out">${data["image/svg+xml"]}</div>`;
      if (data["text/html"] !== undefined) return `<div class="out">${joinText(data["text/html"] as string | string[])}</div>`;
      if (data["text/markdown"] !== undefined) return `<div class="out">${marked.parse(joinText(data["text/markdown"] as string | string[]), { async: false })}</div>`;
      if (data["text/plain"] !== undefined) return `<div class="out"><pre>${escapeHtml(joinText(data["text/plain"] as string | string[]))}</pre></div>`;
      return "";
    }
  }
}

/**
 * Renders an executed notebook as a standalone HTML page: markdown, code, outputs, and
 * plotly figures drawn by `assets/plotly.min.js` (served from the report folder, never a CDN).
 *
 * @example
 * ```ts
 * const html = renderNotebookPage(readNotebook("build/notebooks/00-tour.ipynb"), run);
 * html.includes("aw-plot"); // => true
 * ```
 */
export function renderNotebookPage(notebook: NotebookJson, run: NotebookRun | undefined, title: string): string {
  const plotCounter = { n: 0 };
  const body: string[] = [];
  if (run?.failure) {
    const f = run.failure;
    body.push(
      `<div class="failure"><strong>This notebook failed</strong> at cell ${f.cellIndex + 1} (${escapeHtml(f.kind)}).<pre>${escapeHtml(f.message)}</pre></div>`,
    );
  }
  for (const cell of notebook.cells) {
    const src = cellSource(cell);
    if (cell.cell_type === "markdown") {
      body.push(`<div class="md">${marked.parse(src, { async: false })}</div>`);
    } else if (cell.cell_type === "code") {
      body.push(`<div class="code"><pre><code>${escapeHtml(src)}</code></pre></div>`);
      for (const out of cell.outputs ?? []) body.push(renderOutput(out, plotCounter));
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${STYLE}</style>
<script src="assets/plotly.min.js"></script>
</head><body>
<nav><a href="index.html">← all notebooks</a></nav>
${body.join("\n")}
<script>
document.querySelectorAll('script[data-plot]').forEach(function (el) {
  var fig = JSON.parse(el.textContent);
  Plotly.newPlot(el.getAttribute('data-plot'), fig.data, fig.layout || {}, Object.assign({ responsive: true, displaylogo: false }, fig.config || {}));
});
</script>
</body></html>
`;
}

/**
 * Renders the report's index page: one row per notebook with its status and time.
 *
 * @example
 * ```ts
 * renderIndexPage([run], new Date("2026-11-21T12:00:00Z")).includes("00-tour.html"); // => true
 * ```
 */
export function renderIndexPage(runs: readonly NotebookRun[], when: Date): string {
  const rows = runs
    .map(
      (r) =>
        `<tr><td><a href="${r.name}.html">${escapeHtml(r.name)}</a></td><td class="${r.ok ? "ok" : "failed"}">${r.ok ? "ok" : "failed"}</td><td style="text-align:right">${r.seconds.toFixed(1)}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>allocation-workbook report</title><style>${STYLE}</style></head><body>
<h1>allocation-workbook</h1>
<p>Executed ${escapeHtml(when.toISOString().replace("T", " ").slice(0, 16))} UTC. Each page is a notebook as it ran, with its charts; everything here works offline.</p>
<table><thead><tr><th>notebook</th><th>status</th><th>seconds</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}

/** Path of the plotly.js bundle shipped by the `plotly.js-dist-min` package. */
export function plotlyBundlePath(): string {
  const require = createRequire(packagePath("package.json"));
  return join(dirname(require.resolve("plotly.js-dist-min/package.json")), "plotly.min.js");
}

/**
 * Writes the offline HTML report: `index.html`, one page per notebook, and `assets/plotly.min.js`.
 *
 * @example
 * ```ts
 * writeReport(runs, "build/report"); // => "build/report/index.html"
 * ```
 */
export function writeReport(runs: readonly NotebookRun[], dir: string = packagePath("build", "report"), when: Date = new Date()): string {
  mkdirSync(join(dir, "assets"), { recursive: true });
  copyFileSync(plotlyBundlePath(), join(dir, "assets", "plotly.min.js"));
  for (const run of runs) {
    const notebook = readNotebook(run.outputPath);
    writeFileSync(join(dir, `${run.name}.html`), renderNotebookPage(notebook, run, run.name));
  }
  const index = join(dir, "index.html");
  writeFileSync(index, renderIndexPage(runs, when));
  return index;
}
