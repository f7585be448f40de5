// npm run notebook in JupyterLab (installed by npm run setup into .jupyterlab/ where pip can fetch it): open 05 in
// headless Chromium, Run All, see formatted tables and charts, save; the tracked notebook keeps no outputs.
// Skipped, with the reason, on a machine where JupyterLab is not installed (Debian does not package it).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { startNotebookServer, type TestNotebookServer } from "../support/notebook-server";

const installed = (() => {
  if (existsSync(packagePath(".jupyterlab", "bin", "jupyter-lab"))) return true;
  try {
    execFileSync("bash", ["-c", "command -v jupyter-lab"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let server: TestNotebookServer | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

describe.skipIf(!installed)("05 in JupyterLab, headless Chromium: run all, read, save (JupyterLab installed: npm run setup)", () => {
  it("draws tables (text left, numbers right, percentages) and charts, and saving keeps the tracked file as committed", async () => {
    const base = packagePath("build", "test-runs");
    mkdirSync(base, { recursive: true });
    const root = mkdtempSync(join(base, "lab-"));
    mkdirSync(join(root, "notebooks"));
    const tracked = join(root, "notebooks", "05-allocation.ipynb");
    copyFileSync(packagePath("notebooks", "05-allocation.ipynb"), tracked);
    const original = readFileSync(tracked, "utf8");
    server = await startNotebookServer({ NOTEBOOK_DIR: root, WORKBOOK_ROOT: root, WORKBOOK_JUPYTER: "lab" });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.base}/lab/tree/notebooks/05-allocation.ipynb?token=${server.token}`);
    // Browser-side expressions are strings: the tests compile without the DOM's types.
    const kernel = "window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel";
    await page.waitForFunction(`${kernel}?.connectionStatus === "connected" && ${kernel}?.status === "idle"`, undefined, { timeout: 90_000 });
    await page.evaluate(`window.jupyterapp.commands.execute("notebook:run-all-cells")`);
    const finished = `(() => {
      const prompts = [...document.querySelectorAll(".jp-CodeCell .jp-InputArea-prompt")].map((e) => e.textContent || "");
      return prompts.length > 0 && prompts.every((t) => /\\[\\d+\\]/.test(t)) && ${kernel}?.status === "idle";
    })()`;
    await page.waitForFunction(finished, undefined, { timeout: 240_000, polling: 500 });
    const errors = await page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").allTextContents();
    expect(errors.join("\n")).toBe("");
    expect(await page.locator(".jp-OutputArea-output .js-plotly-plot .main-svg").count()).toBeGreaterThanOrEqual(7);
    const table = page.locator(".jp-OutputArea-output table").first();
    expect(await page.locator(".jp-OutputArea-output table").count()).toBeGreaterThanOrEqual(5);
    // The first table's first row: a ticker (text, left) and a weight (a percentage, right).
    const cells = table.locator("tbody tr").first().locator("td");
    expect(await cells.nth(1).textContent()).toMatch(/^\d+\.\d\d %$/);
    const aligned = `[...document.querySelector(".jp-OutputArea-output table tbody tr").querySelectorAll("td")]
      .slice(0, 2).map((td) => getComputedStyle(td).textAlign)`;
    expect(await page.evaluate(aligned)).toEqual(["left", "right"]);

    const out = packagePath("build", "screenshots");
    mkdirSync(out, { recursive: true });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, "jupyterlab-05-table.png") });
    await page.locator(".jp-OutputArea-output .js-plotly-plot").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, "jupyterlab-05-chart.png") });

    await page.evaluate(`window.jupyterapp.commands.execute("docmanager:save")`);
    await page.waitForFunction(`window.jupyterapp.shell.currentWidget.context.model.dirty === false`, undefined, { timeout: 30_000 });
    expect(readFileSync(tracked, "utf8")).toBe(original);
  }, 360_000);
});
