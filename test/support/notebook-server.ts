// Starts `npm run notebook` (scripts/notebook.sh) for a test, on a free port, and stops it; a server that
// exits before it answers fails the test with what it printed.
import { spawn } from "node:child_process";
import { packagePath } from "../../src/core/paths";
import { isFree } from "../../src/workbook/kernel-ports";

export interface TestNotebookServer {
  readonly base: string;
  readonly token: string;
  stop(): void;
}

export async function startNotebookServer(env: Record<string, string>, seconds = 90): Promise<TestNotebookServer> {
  let port = 0;
  do port = 33_000 + Math.floor(Math.random() * 2_000);
  while (!(await isFree(port)));
  const token = `workbook-test-${port}`;
  const lab = env.WORKBOOK_JUPYTER === "lab";
  const args = lab ? [`--ServerApp.token=${token}`, "--LabApp.expose_app_in_browser=True"] : [`--NotebookApp.token=${token}`];
  const server = spawn("bash", [packagePath("scripts", "notebook.sh"), ...args], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr.on("data", (d: Buffer) => (output += d.toString()));
  let exited: number | null | undefined;
  server.on("exit", (code) => (exited = code));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + seconds * 1000;
  for (;;) {
    if (exited !== undefined) throw new Error(`npm run notebook exited with code ${exited} before answering:\n${output.slice(-4000)}`);
    try {
      if ((await fetch(`${base}/api?token=${token}`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`the notebook server did not answer at ${base} within ${seconds} s:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    token,
    stop() {
      if (exited === undefined && server.pid) {
        try {
          process.kill(-server.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    },
  };
}
