/**
 * The notebook runner when its executor (the Python process driving Jupyter) is killed with SIGKILL while a cell
 * runs: the run ends (it does not wait forever on the kernel, which still holds the executor's output pipes), the
 * failure names the cause and the cell, and no kernel process is left behind. (A dying kernel and a hanging cell
 * are covered in test/workbook/run-notebook.test.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { runNotebook } from "../../src/workbook/run-notebook";

const fixtures = packagePath("test", "fixtures", "notebooks");
const hanging = { name: "98-hanging", number: "98", path: join(fixtures, "98-hanging.ipynb") };

/** True while the process exists and is not a zombie (killed, waiting for its parent to collect it). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("runNotebook when the executor is killed", () => {
  it("ends the run naming the executor's death and the cell, and leaves no kernel behind", async () => {
    const dir = packagePath("build", "test-runs");
    mkdirSync(dir, { recursive: true });
    const out = mkdtempSync(join(dir, "executor-killed-"));
    let hangingCellStarted = false;
    const running = runNotebook(hanging, {
      outputDir: out,
      cellTimeoutSeconds: 120,
      onEvent: (e) => {
        if (e.type === "cell" && e.index === 1) hangingCellStarted = true; // cell 2 done: cell 3 (the hanging one) runs
      },
    });
    const pidFile = join(out, ".98-hanging.kernel.pid");
    await until(() => hangingCellStarted && existsSync(pidFile) && readFileSync(pidFile, "utf8") !== "", "the hanging cell");
    const kernelPid = Number(readFileSync(pidFile, "utf8"));
    const executorPid = parentOf(kernelPid);
    expect(readFileSync(`/proc/${executorPid}/cmdline`, "utf8")).toContain("execute.py");

    process.kill(executorPid, "SIGKILL");
    const run = await running;

    expect(run.ok).toBe(false);
    expect(run.failure?.kind).toBe("runner");
    expect(run.failure?.cellIndex).toBe(2);
    expect(run.failure?.source).toContain("setTimeout(resolve, hangSeconds * 1000)");
    expect(run.failure?.message).toContain(`pid ${executorPid}) was killed by SIGKILL while cell 3 ran; its kernel (pid ${kernelPid}) was ended`);
    expect(run.failure?.message).toContain("Nothing in the notebook failed: run it again");
    expect(run.kernelPid).toBe(kernelPid);
    await until(() => !isRunning(kernelPid), "the kernel to end", 5_000);
    expect(isRunning(executorPid)).toBe(false);
  }, 90_000);
});
