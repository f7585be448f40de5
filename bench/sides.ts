// Runs one side of a benchmark case in its own process (this project through tsx, or a Python baseline) and reads
// its one-line JSON report; installs the Python baseline stack from Debian when it is missing.
import { spawnSync } from "node:child_process";
import { packagePath } from "../src/core/paths";
import type { SideReport } from "./io";

/** The Python that runs the baselines (Debian's, which has numpy, scipy, pandas, scikit-learn, cvxopt, torch). */
export const PYTHON = process.env.WORKBOOK_PYTHON ?? "/usr/bin/python3";

/** Makes sure the baselines' Python packages import; installs them with apt-get when run as root, else throws. */
export function ensurePythonStack(): void {
  const probe = spawnSync(PYTHON, ["-c", "import numpy, scipy, pandas, sklearn, cvxopt, torch"], { encoding: "utf8" });
  if (probe.status === 0) return;
  const pkgs = ["python3-numpy", "python3-scipy", "python3-pandas", "python3-sklearn", "python3-cvxopt", "python3-torch"];
  const apt = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" });
  if (apt.status !== 0 || process.getuid?.() !== 0) {
    throw new Error(`the Python baselines need ${pkgs.join(" ")} for ${PYTHON}; install them (apt-get install as root) and run again`);
  }
  console.log(`[bench] installing the Python baseline stack from Debian: ${pkgs.join(" ")}`);
  for (const cmd of [["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...pkgs]]) {
    const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status !== 0) throw new Error(`${cmd.join(" ")} failed`);
  }
}

function runSide(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): SideReport {
  const r = spawnSync(cmd, args, { encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !line.startsWith("{")) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  return JSON.parse(line) as SideReport;
}

/** Runs this project's side of case `id` (a case name, or `series@size` for a scaling point) on the inputs in `dir`. */
export function runOurs(id: string, dir: string, warmup: number, reps: number): SideReport {
  return runSide(packagePath("node_modules", ".bin", "tsx"), [packagePath("bench", "ours.ts"), id, dir, String(warmup), String(reps)]);
}

/** Runs the Python baseline bench/baselines/<case name with _>.py on the inputs in `dir`. */
export function runBaseline(caseName: string, dir: string, warmup: number, reps: number): SideReport {
  const script = packagePath("bench", "baselines", `${caseName.replace(/-/g, "_")}.py`);
  return runSide(PYTHON, [script, dir, String(warmup), String(reps)], { ...process.env, PYTHONPATH: packagePath("bench", "baselines"), OMP_NUM_THREADS: "2" });
}
