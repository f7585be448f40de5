// Makes docs/tour-weights.png, the README's picture: the tour's weights chart from the executed
// notebook (run `npm run workbook -- 00` first), drawn by plotly.js in headless Chromium.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PLOTLY_MIME } from "../src/report/show";
import type { Figure } from "../src/report/figure";
import { packagePath } from "../src/core/paths";
import { readNotebook } from "../src/workbook/notebook-file";
import { plotlyBundlePath } from "../src/workbook/report";
import { screenshot } from "./screenshot";

const title = process.argv[2] ?? "Minimum-volatility weights";
const notebook = readNotebook(packagePath("build", "notebooks", "00-tour.ipynb"));
const figure = notebook.cells
  .flatMap((c) => c.outputs ?? [])
  .map((o) => o.data?.[PLOTLY_MIME] as Figure | undefined)
  .find((f) => f?.layout.title?.text === title);
if (!figure) throw new Error(`no figure titled "${title}" in build/notebooks/00-tour.ipynb; run npm run workbook -- 00 first`);

const dir = packagePath("build", "docs");
mkdirSync(dir, { recursive: true });
copyFileSync(plotlyBundlePath(), join(dir, "plotly.min.js"));
const fig = { ...figure, layout: { ...figure.layout, width: 900, height: 420 } };
writeFileSync(
  join(dir, "picture.html"),
  `<!doctype html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script></head>
<body style="margin:0"><div id="f"></div><script>Plotly.newPlot("f", ${JSON.stringify(fig.data)}, ${JSON.stringify(fig.layout)}, { staticPlot: true });</script></body></html>`,
);
const out = packagePath("docs", "tour-weights.png");
screenshot(join(dir, "picture.html"), out, 900, 420);
console.log(`wrote ${out}`);
