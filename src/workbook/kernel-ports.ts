import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WorkbookError } from "../core/index";

/** The five TCP ports of one Jupyter kernel, on 127.0.0.1. */
export interface KernelPorts {
  readonly shell: number;
  readonly iopub: number;
  readonly stdin: number;
  readonly control: number;
  readonly hb: number;
}

/** Ports reserved for one kernel; `release()` gives them back when the kernel has ended. */
export interface KernelPortReservation {
  readonly ports: KernelPorts;
  /** Gives the ports back (idempotent). */
  release(): void;
}

/**
 * Where reservations live: one file per port, holding the reserving process's id. Shared by every
 * process on the machine (the workbook's pool, vitest workers, a second terminal), so two kernels
 * started at the same moment never get the same port.
 */
export function kernelPortDirectory(): string {
  return process.env.WORKBOOK_PORT_DIR ?? join(tmpdir(), "allocation-workbook-kernel-ports");
}

/**
 * The range ports are drawn from: below Linux's ephemeral range (32768–60999), so an outgoing
 * connection of another program cannot take a port between the reservation and the kernel's bind.
 */
export const KERNEL_PORT_RANGE = { from: 20_000, to: 32_000 } as const;

const NAMES = ["shell", "iopub", "stdin", "control", "hb"] as const;

/**
 * Reserves five free ports for a kernel, so that kernels started in parallel never share one.
 *
 * Why: Jupyter's client picks a kernel's ports by binding port 0 and closing it; two notebooks
 * started at the same moment can be handed the same port. One kernel then fails to bind ("Address
 * already in use") and the other receives the first one's heartbeats ("message missing
 * delimiter"). Here each port is claimed with an exclusive file (machine-wide, across processes),
 * then checked free by binding it on 127.0.0.1.
 *
 * @param options.range - the ports to draw from, `from` inclusive, `to` exclusive (default {@link KERNEL_PORT_RANGE}).
 * @example
 * ```ts
 * const r = await reserveKernelPorts();
 * r.ports.shell; // => e.g. 23817
 * r.release();
 * ```
 * @throws WorkbookError `NO_KERNEL_PORTS` when no five free ports were found in 2,000 tries.
 */
export async function reserveKernelPorts(options: { readonly range?: { readonly from: number; readonly to: number } } = {}): Promise<KernelPortReservation> {
  const range = options.range ?? KERNEL_PORT_RANGE;
  if (!(Number.isInteger(range.from) && Number.isInteger(range.to) && range.from > 0 && range.to <= 65_536 && range.to - range.from >= NAMES.length)) {
    throw new WorkbookError("BAD_PORT_RANGE", `reserveKernelPorts: range must hold at least 5 ports within 1–65535, got ${range.from}–${range.to}`);
  }
  const dir = kernelPortDirectory();
  mkdirSync(dir, { recursive: true });
  const taken: number[] = [];
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    for (const port of taken) rmSync(join(dir, String(port)), { force: true });
  };
  const span = range.to - range.from;
  for (let attempt = 0; taken.length < NAMES.length; attempt++) {
    if (attempt >= 2_000) {
      release();
      throw new WorkbookError(
        "NO_KERNEL_PORTS",
        `reserveKernelPorts: no 5 free ports between ${range.from} and ${range.to} on 127.0.0.1 after 2,000 tries; ` +
          `end stray kernels (pkill -f launch.cjs) or remove stale reservations in ${dir}`,
      );
    }
    const port = range.from + Math.floor(Math.random() * span);
    if (taken.includes(port) || !claim(dir, port)) continue;
    if (await isFree(port)) taken.push(port);
    else rmSync(join(dir, String(port)), { force: true });
  }
  const [shell, iopub, stdin, control, hb] = taken as [number, number, number, number, number];
  return { ports: { shell, iopub, stdin, control, hb }, release };
}

/** Claims a port's reservation file; a file left by a process that has ended is taken over. */
function claim(dir: string, port: number): boolean {
  const file = join(dir, String(port));
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  let owner = 0;
  try {
    owner = Number(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
  // Held by another reservation of this process, or by a live process: not ours to take.
  if (owner === process.pid || (owner > 0 && isAlive(owner))) return false;
  rmSync(file, { force: true });
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when a TCP server can listen on 127.0.0.1:port right now. */
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}
