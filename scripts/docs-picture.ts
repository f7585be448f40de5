// Makes docs/tour-weights.png, the README's picture: the tour's weights chart from the executed
// notebook (run `npm run workbook -- 00` first), drawn by plotly.js in headless Chromium.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PLOTLY_MIME } from "../src/report/show";
import type { Figure } from "../src/report/figure";
import { packagePath } from "../src/core/paths";
import { readNotebook } from "../src/workbook/notebook-file";
import { plotlyBundlePath } from "../src/workbook/report";

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
const res = spawnSync("chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run", `--user-data-dir=${mkdtempSync(join(dir, "profile-"))}`, "--hide-scrollbars", "--window-size=900,420",
  "--virtual-time-budget=5000", `--screenshot=${out}`, `file://${join(dir, "picture.html")}`,
], { encoding: "utf8" });
if (res.status !== 0) throw new Error(`chromium failed: ${res.stderr}`);
console.log(`wrote ${out}`);
