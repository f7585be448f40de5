// npm run notebook as a student uses it: open 05 in headless Chromium, Run All, see tables and charts, save;
// the tracked notebook keeps no outputs (the pre-save hook of scripts/jupyter/workbook_config.py), while a
// notebook under build/ keeps its outputs. Screenshots of three views go to build/screenshots/ (and to docs/
// with WORKBOOK_DOCS_SCREENSHOTS=1, as `npm run docs:screenshots` does).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { startNotebookServer, type TestNotebookServer } from "../support/notebook-server";
import { barChart } from "../../src/report/bar-chart";
import { figureBundle } from "../../src/report/show";
import { KERNELSPEC_METADATA } from "../../src/workbook/kernel-spec";

const root = (() => {
  const base = packagePath("build", "test-runs");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, "save-"));
})();
const tracked = join(root, "notebooks", "05-allocation.ipynb");
let server: TestNotebookServer | undefined;
let base = "";
let token = "";
let browser: Browser | undefined;
const original = readFileSync(packagePath("notebooks", "05-allocation.ipynb"), "utf8");

const api = (path: string, init?: RequestInit) =>
  fetch(`${base}/api/contents/${path}?token=${token}`, { ...init, headers: { "Content-Type": "application/json", ...(init?.headers ?? {}) } });

beforeAll(async () => {
  mkdirSync(join(root, "notebooks"), { recursive: true });
  mkdirSync(join(root, "build", "notebooks"), { recursive: true });
  copyFileSync(packagePath("notebooks", "05-allocation.ipynb"), tracked);
  server = await startNotebookServer({ NOTEBOOK_DIR: root, WORKBOOK_ROOT: root, WORKBOOK_JUPYTER: "classic" });
  ({ base, token } = server);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
});

interface Cell {
  cell_type: string;
  outputs?: unknown[];
  execution_count?: number | null;
  metadata: Record<string, unknown>;
}

describe("saving through the notebook server (the pre-save hook)", () => {
  it("keeps a tracked notebook byte for byte as committed, whatever outputs it had on screen", async () => {
    const model = (await (await api("notebooks/05-allocation.ipynb")).json()) as { content: { cells: Cell[]; metadata: Record<string, unknown> } };
    let n = 0;
    for (const cell of model.content.cells) {
      if (cell.cell_type !== "code") continue;
      cell.execution_count = ++n;
      cell.outputs = [{ output_type: "stream", name: "stdout", text: "x".repeat(1000) }];
      cell.metadata.execution = { "iopub.status.busy": "2026-12-05T00:00:00Z" };
    }
    model.content.metadata.language_info = { name: "typescript", version: "5.9.3", mimetype: "text/typescript", file_extension: ".ts" };
    const put = await api("notebooks/05-allocation.ipynb", { method: "PUT", body: JSON.stringify({ type: "notebook", content: model.content }) });
    expect(put.status).toBe(200);
    expect(readFileSync(tracked, "utf8")).toBe(original);

    // The same notebook saved under build/ keeps what it shows.
    const copy = await api("build/notebooks/05-run.ipynb", { method: "PUT", body: JSON.stringify({ type: "notebook", content: model.content }) });
    expect(copy.status).toBe(201);
    const saved = JSON.parse(readFileSync(join(root, "build", "notebooks", "05-run.ipynb"), "utf8")) as { cells: Cell[] };
    expect(saved.cells.filter((c) => c.cell_type === "code").every((c) => (c.outputs ?? []).length === 1 && c.execution_count! > 0)).toBe(true);
  });
});

describe("05 in headless Chromium: run all, read, save", () => {
  it("draws its tables and charts, and saving leaves the tracked file as committed", async () => {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/notebooks/notebooks/05-allocation.ipynb?token=${token}`);
    // Browser-side expressions are strings: the tests compile without the DOM's types.
    await page.waitForFunction("window.Jupyter?.notebook?.kernel?.is_connected() === true", undefined, { timeout: 60_000 });
    await page.evaluate("Jupyter.notebook.execute_all_cells()");
    // Done when every code cell has a count and none runs (an error stops Run All: caught below).
    const finished = `(() => {
      const prompts = [...document.querySelectorAll(".code_cell .input_prompt")].map((e) => e.textContent || "");
      return prompts.length > 0 && prompts.every((t) => /\\[\\d+\\]/.test(t)) && document.querySelectorAll(".running").length === 0;
    })()`;
    await page.waitForFunction(finished, undefined, { timeout: 240_000, polling: 500 });
    const errors = await page.locator(".output_error").count();
    const stderr = await page.locator(".output_stderr").allTextContents();
    expect(errors, stderr.join("\n")).toBe(0);
    const charts = await page.locator(".output_area .main-svg").count();
    const tables = await page.locator(".output_area table").count();
    expect(charts).toBeGreaterThanOrEqual(7);
    expect(tables).toBeGreaterThanOrEqual(5);

    const out = process.env.WORKBOOK_DOCS_SCREENSHOTS === "1" ? packagePath("docs") : packagePath("build", "screenshots");
    mkdirSync(out, { recursive: true });
    await page.locator(".output_area table").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, "notebook-05-table.png") });
    await page.locator(".output_area .main-svg").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, "notebook-05-chart.png") });
    await page.locator(".output_area .main-svg").nth(3).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, "notebook-05-frontier.png") });

    await page.evaluate("Jupyter.notebook.save_notebook()");
    await page.waitForFunction("Jupyter.notebook.dirty === false", undefined, { timeout: 30_000 });
    expect(readFileSync(tracked, "utf8")).toBe(original);
  }, 300_000);
});

describe("an executed notebook opened where it is not trusted", () => {
  it("shows, in place of each chart, what it is and how to trust it", async () => {
    const bundle = figureBundle(barChart({ title: "Weights", labels: ["AAA", "BBB"], values: [0.6, 0.4] }));
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { ...KERNELSPEC_METADATA } },
      cells: [{ cell_type: "code", id: "c1", source: "show(fig)", metadata: {}, execution_count: 1, outputs: [{ output_type: "display_data", metadata: {}, data: bundle }] }],
    };
    // Saved through the API without the cells' trust: Jupyter neither signs nor trusts it, as on another machine.
    expect((await api("build/notebooks/untrusted.ipynb", { method: "PUT", body: JSON.stringify({ type: "notebook", content: nb }) })).status).toBe(201);
    browser ??= await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage();
    await page.goto(`${base}/notebooks/build/notebooks/untrusted.ipynb?token=${token}`);
    const fallback = page.locator(".output_area .aw-plot-fallback");
    await fallback.waitFor({ timeout: 30_000 });
    expect(await fallback.textContent()).toContain("Chart Weights (1 trace) is drawn by a script");
    expect(await fallback.textContent()).toContain("File → Trust Notebook");
    expect(await page.locator(".output_area .main-svg").count()).toBe(0);
  }, 90_000);
});
