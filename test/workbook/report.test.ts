import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { barChart } from "../../src/report/bar-chart";
import { figureBundle } from "../../src/report/show";
import { packagePath } from "../../src/core/paths";
import type { NotebookJson } from "../../src/workbook/notebook-file";
import { writeNotebook } from "../../src/workbook/notebook-file";
import { renderIndexPage, renderNotebookPage, writeReport } from "../../src/workbook/report";
import type { NotebookRun } from "../../src/workbook/run-notebook";

const executed: NotebookJson = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: "markdown", source: "# Weights\nA *chart*.", metadata: {} },
    {
      cell_type: "code",
      source: "show(fig)",
      metadata: {},
      execution_count: 1,
      outputs: [
        { output_type: "stream", name: "stdout", text: "a < b\n" },
        { output_type: "display_data", data: figureBundle(barChart({ title: "Weights", labels: ["AAA", "BBB", "CCC"], values: [0.5, 0.3, 0.2] })) },
      ],
    },
  ],
};

function tmp(): string {
  const dir = packagePath("build", "test-runs");
  mkdirSync(dir, { recursive: true });
  return mkdtempSync(join(dir, "report-"));
}

describe("renderNotebookPage", () => {
  it("renders markdown, escaped code and streams, and plot placeholders drawn by the local bundle", () => {
    const html = renderNotebookPage(executed, undefined, "00-tour");
    expect(html).toContain("<h1>Weights</h1>");
    expect(html).toContain("<em>chart</em>");
    expect(html).toContain("a &lt; b");
    expect(html).toContain('<script src="assets/plotly.min.js"></script>');
    expect(html).toContain('data-plot="aw-plot-0"');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });
  it("shows a failure banner", () => {
    const run = { name: "x", ok: false, seconds: 1, outputPath: "", cells: 2, cellSeconds: {}, failure: { kind: "cell", cellIndex: 1, source: "", message: "Error: <boom>" } } as NotebookRun;
    expect(renderNotebookPage(executed, run, "x")).toContain("Error: &lt;boom&gt;");
  });
});

describe("renderIndexPage", () => {
  it("links each notebook with its status", () => {
    const html = renderIndexPage([{ name: "00-tour", ok: true, seconds: 3.21 } as NotebookRun], new Date("2026-11-21T12:00:00Z"));
    expect(html).toContain('<a href="00-tour.html">00-tour</a>');
    expect(html).toContain("3.2");
    expect(html).toContain("2026-11-21 12:00");
  });
});

describe("the report in headless Chromium", () => {
  it("draws the chart: an SVG with the bars' data, offline", () => {
    const dir = tmp();
    const nbPath = join(dir, "00-tour.ipynb");
    writeNotebook(nbPath, executed);
    const run: NotebookRun = { name: "00-tour", ok: true, seconds: 1, outputPath: nbPath, cells: 2, cellSeconds: {} };
    const index = writeReport([run], join(dir, "report"));
    expect(existsSync(join(dir, "report", "assets", "plotly.min.js"))).toBe(true);
    expect(existsSync(index)).toBe(true);
    const chromium = spawnSync("which", ["chromium"], { encoding: "utf8" }).stdout.trim();
    expect(chromium, "Chromium is needed for this test: run npm run setup").not.toBe("");
    const profile = mkdtempSync(join(dir, "chromium-"));
    const res = spawnSync(
      chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", `--user-data-dir=${profile}`, "--virtual-time-budget=10000", "--dump-dom",
        `file://${join(dir, "report", "00-tour.html")}`,
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    const dom = res.stdout;
    writeFileSync(join(dir, "dom.html"), dom);
    expect(dom).toContain('class="main-svg"');
    // One bar path per data point, and the category labels on the axis.
    expect((dom.match(/class="point"/g) ?? []).length).toBe(3);
    for (const label of ["AAA", "BBB", "CCC"]) expect(dom).toContain(`>${label}<`);
  }, 90_000);
});
