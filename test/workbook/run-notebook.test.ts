import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { readNotebook } from "../../src/workbook/notebook-file";
import { runNotebook, trimStack } from "../../src/workbook/run-notebook";
import { runWorkbook } from "../../src/workbook/workbook-cli";

const fixtures = packagePath("test", "fixtures", "notebooks");
const failing = { name: "99-failing", number: "99", path: join(fixtures, "99-failing.ipynb") };
const tmpBuild = () => {
  const dir = packagePath("build", "test-runs");
  mkdirSync(dir, { recursive: true });
  return mkdtempSync(join(dir, "run-"));
};

describe("trimStack", () => {
  it("hides tslab and Node frames, keeps the user's", () => {
    const stack = [
      "Error: boom",
      "    at check (evalmachine.<anonymous>:5:15)",
      "    at Script.runInThisContext (node:vm:135:14)",
      "    at Object.execute (/x/node_modules/tslab/dist/executor.js:160:38)",
    ].join("\n");
    expect(trimStack(stack)).toBe("Error: boom\n    at check (evalmachine.<anonymous>:5:15)\n    (2 frames of tslab and Node internals hidden)");
  });
});

describe("runNotebook on the deliberately failing fixture", () => {
  it("names the failing cell, its source and the real message; later cells do not run", async () => {
    const out = tmpBuild();
    const run = await runNotebook(failing, { outputDir: out, cellTimeoutSeconds: 60 });
    expect(run.ok).toBe(false);
    expect(run.failure?.kind).toBe("cell");
    expect(run.failure?.cellIndex).toBe(3);
    expect(run.failure?.source).toContain("function check");
    expect(run.failure?.message).toContain("Error: deliberate failure in the fixture notebook");
    expect(run.failure?.message).toContain("at check");
    const executed = readNotebook(run.outputPath);
    expect(executed.cells[4]!.outputs ?? []).toHaveLength(0);
    expect(JSON.stringify(executed.cells[2]!.outputs)).toContain("this cell runs");
  });

  it("fails on an error thrown in a timer", async () => {
    const run = await runNotebook(failing, { outputDir: tmpBuild(), parameters: { failAt: "timer" }, cellTimeoutSeconds: 60 });
    expect(run.ok).toBe(false);
    expect(run.failure?.kind).toBe("async");
    expect(run.failure?.message).toMatch(/uncaughtException.*deliberate failure in a timer/s);
  });

  it("fails on an unhandled promise rejection", async () => {
    const run = await runNotebook(failing, { outputDir: tmpBuild(), parameters: { failAt: "promise" }, cellTimeoutSeconds: 60 });
    expect(run.ok).toBe(false);
    expect(run.failure?.kind).toBe("async");
    expect(run.failure?.message).toMatch(/unhandledRejection.*deliberate unhandled rejection/s);
  });

  it("passes when nothing fails", async () => {
    const run = await runNotebook(failing, { outputDir: tmpBuild(), parameters: { failAt: "nowhere" }, cellTimeoutSeconds: 60 });
    expect(run.failure).toBeUndefined();
    expect(run.ok).toBe(true);
    expect(Object.keys(run.cellSeconds)).toHaveLength(4);
  });

  it("stops a hanging cell at the per-cell timeout", async () => {
    const run = await runNotebook(
      { ...failing, path: join(fixtures, "98-hanging.ipynb"), name: "98-hanging" },
      { outputDir: tmpBuild(), cellTimeoutSeconds: 2 },
    );
    expect(run.ok).toBe(false);
    expect(run.failure?.kind).toBe("timeout");
    expect(run.failure?.message).toMatch(/did not finish within 2 s/);
  });
});

describe("runNotebook when the kernel dies", () => {
  it("names the dead kernel and the cell, and leaves no kernel process behind", async () => {
    const run = await runNotebook(
      { name: "96-dying", number: "96", path: join(fixtures, "96-dying.ipynb") },
      { outputDir: tmpBuild(), cellTimeoutSeconds: 60 },
    );
    expect(run.ok).toBe(false);
    expect(run.failure?.kind).toBe("dead_kernel");
    expect(run.failure?.cellIndex).toBe(2);
    expect(run.failure?.message).toMatch(/the kernel died while running this cell/);
    expect(run.kernelPid).toBeGreaterThan(0);
    expect(() => process.kill(run.kernelPid!, 0)).toThrow(); // no such process
  });

  it("shows a library error by name, code, message and src/ location, with no tslab or Node frames", async () => {
    const entry = { name: "95-library-error", number: "95", path: join(fixtures, "95-library-error.ipynb") };
    const run = await runNotebook(entry, { outputDir: tmpBuild(), cellTimeoutSeconds: 60 });
    expect(run.ok).toBe(false);
    const message = run.failure!.message;
    expect(message.split("\n")[0]).toBe("InfeasibleError BOUNDS_BELOW_BUDGET: minVolatility: upper bounds sum to 0.2 < 1; raise the bounds or add assets");
    expect(message).toMatch(/\n {4}at resolveWeightBounds \(src\/optimise\/weight-bounds\.ts:\d+:\d+\)/);
    expect(message).not.toMatch(/node_modules|node:|evalmachine|dist\/|\.js:/);
    // The notebook shows the same text as its cell output.
    const executed = JSON.parse(readFileSync(run.outputPath, "utf8")) as { cells: { outputs?: { text?: string[] }[] }[] };
    const shown = executed.cells[3]!.outputs!.map((o) => (o.text ?? []).join("")).join("");
    expect(shown.startsWith("InfeasibleError BOUNDS_BELOW_BUDGET: minVolatility")).toBe(true);
  });

  it("keeps the whole stack of an unexpected error (not one of the library's)", async () => {
    const run = await runNotebook(failing, { outputDir: tmpBuild(), cellTimeoutSeconds: 60 });
    expect(run.failure!.message).toMatch(/^Error: deliberate failure in the fixture notebook\n\s+at check/m);
  });

  it("leaves no kernel process behind after a normal run or a timeout either", async () => {
    for (const [entry, options] of [
      [failing, { parameters: { failAt: "none" } }],
      [{ name: "98-hanging", number: "98", path: join(fixtures, "98-hanging.ipynb") }, { cellTimeoutSeconds: 2 }],
    ] as const) {
      const run = await runNotebook(entry, { outputDir: tmpBuild(), cellTimeoutSeconds: 60, ...options });
      expect(run.kernelPid).toBeGreaterThan(0);
      expect(() => process.kill(run.kernelPid!, 0)).toThrow();
    }
  });
});

describe("npm run workbook (the command)", () => {
  it("exits non-zero and prints the notebook, cell and message", () => {
    const res = spawnSync(packagePath("node_modules", ".bin", "tsx"), ["scripts/workbook.ts", "99", "--notebooks", fixtures, "--out", tmpBuild()], {
      cwd: packagePath(),
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stdout).toContain("✗ 99-failing: cell 4 of 5 failed (cell)");
    expect(res.stdout).toContain("deliberate failure in the fixture notebook");
    expect(res.stdout).toMatch(/99-failing\s+FAILED/);
  });

  it("runs notebooks side by side with --jobs 2, each in its own kernel, and reports them in order", async () => {
    const lines: string[] = [];
    const code = await runWorkbook(["99", "96", "--notebooks", fixtures, "--out", tmpBuild(), "--jobs", "2", "--no-report"], (l) => lines.push(l));
    expect(code).toBe(1);
    const text = lines.join("\n");
    expect(text).toContain("✗ 99-failing: cell 4 of 5 failed (cell)");
    expect(text).toContain("✗ 96-dying: cell 3 of 3 failed (dead_kernel)");
    const summary = text.slice(text.lastIndexOf("notebook "));
    expect(summary.indexOf("96-dying")).toBeLessThan(summary.indexOf("99-failing")); // notebook order, whatever finished first
    expect(summary).toMatch(/elapsed\s+2 jobs\s+\d+\.\d/);
  });

  it("rejects an unknown notebook with exit code 2", async () => {
    const res = spawnSync(packagePath("node_modules", ".bin", "tsx"), ["scripts/workbook.ts", "42", "--notebooks", fixtures], { cwd: packagePath(), encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('no notebook matches "42"');
  });

  it("writes a report for a passing run", async () => {
    const lines: string[] = [];
    const out = tmpBuild();
    const code = await runWorkbook(["99", "--notebooks", fixtures, "--out", out, "--param", "failAt=none"], (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines.join("\n")).toContain(`report: ${join(out, "report", "index.html")}`);
    // progress off a terminal: a line per cell and the one reporter's line at the end
    expect(lines.some((l) => /^ {2}99-failing cell \d+\/5 ✓/.test(l))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^workbook: 1\/1 notebooks \(100 %\), \d+\.\d\/s, 0:00 left$/));
  });

  it("prints no progress with --quiet, only the summary", async () => {
    const lines: string[] = [];
    const code = await runWorkbook(["99", "--notebooks", fixtures, "--out", tmpBuild(), "--param", "failAt=none", "--no-report", "--quiet"], (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines.filter((l) => /cell \d+\/\d+|^workbook:|^▶/.test(l))).toEqual([]);
    expect(lines.join("\n")).toMatch(/99-failing\s+ok/);
  });
});
