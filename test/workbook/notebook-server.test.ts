// npm run notebook: the classic Jupyter notebook draws a chart offline, loading plotly.js from the installed package.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { barChart } from "../../src/report/bar-chart";
import { figureBundle } from "../../src/report/show";
import { packagePath } from "../../src/core/paths";
import { KERNELSPEC_METADATA } from "../../src/workbook/kernel-spec";
import { writeNotebook } from "../../src/workbook/notebook-file";
import { startNotebookServer, type TestNotebookServer } from "../support/notebook-server";

const dir = (() => {
  const base = packagePath("build", "test-runs");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, "server-"));
})();
let server: TestNotebookServer | undefined;

afterAll(() => server?.stop());

describe("npm run notebook (classic notebook)", () => {
  it("serves plotly.js offline and draws a figure shown with show()", async () => {
    writeNotebook(join(dir, "chart.ipynb"), {
      nbformat: 4,
      nbformat_minor: 4,
      metadata: { kernelspec: { ...KERNELSPEC_METADATA } },
      cells: [{ cell_type: "code", source: "show(fig)", metadata: {}, execution_count: 1, outputs: [{ output_type: "display_data", metadata: {}, data: figureBundle(barChart({ title: "W", labels: ["AAA", "BBB", "CCC"], values: [0.5, 0.3, 0.2] })) }] }],
    });
    // Outputs carry scripts: Jupyter runs them only in a trusted notebook (the runner signs what it executes).
    const sign = spawnSync("/usr/bin/python3", ["-c", "import sys, nbformat; from nbformat.sign import NotebookNotary as N; nb = nbformat.read(sys.argv[1], 4); N().sign(nb)", join(dir, "chart.ipynb")], { encoding: "utf8" });
    expect(sign.status, sign.stderr).toBe(0);

    server = await startNotebookServer({ NOTEBOOK_DIR: dir, WORKBOOK_JUPYTER: "classic" });
    const { base, token } = server;
    const bundle = await fetch(`${base}/static/plotly.min.js`);
    expect(bundle.status).toBe(200);

    const profile = mkdtempSync(join(dir, "chromium-"));
    const res = spawnSync("chromium", [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", `--user-data-dir=${profile}`, "--virtual-time-budget=20000", "--dump-dom", `${base}/notebooks/chart.ipynb?token=${token}`,
    ], { encoding: "utf8", timeout: 90_000 });
    expect(res.stdout).toContain('class="main-svg"');
    expect((res.stdout.match(/class="point"/g) ?? []).length).toBe(3);
  }, 120_000);
});
