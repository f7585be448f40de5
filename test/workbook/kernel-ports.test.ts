import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { isFree, KERNEL_PORT_RANGE, reserveKernelPorts } from "../../src/workbook/kernel-ports";

let dir: string;
const saved = process.env.WORKBOOK_PORT_DIR;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "aw-ports-"));
  process.env.WORKBOOK_PORT_DIR = dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.WORKBOOK_PORT_DIR;
  else process.env.WORKBOOK_PORT_DIR = saved;
});

describe("reserveKernelPorts", () => {
  it("gives kernels reserved at the same moment five distinct ports each, none shared, in the range", async () => {
    const reservations = await Promise.all(Array.from({ length: 12 }, () => reserveKernelPorts()));
    const all = reservations.flatMap((r) => Object.values(r.ports));
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    for (const p of all) {
      expect(p).toBeGreaterThanOrEqual(KERNEL_PORT_RANGE.from);
      expect(p).toBeLessThan(KERNEL_PORT_RANGE.to);
      expect(readFileSync(join(dir, String(p)), "utf8")).toBe(String(process.pid));
    }
    for (const r of reservations) r.release();
    for (const p of all) expect(existsSync(join(dir, String(p)))).toBe(false);
  });

  // A small range, so that random draws reach every port within the tries allowed.
  const range = { from: 28_100, to: 28_108 };
  const inRange = Array.from({ length: range.to - range.from }, (_, i) => range.from + i);

  it("never hands out a port another live process has reserved", async () => {
    const reservedByParent = [range.from, range.from + 3, range.from + 6];
    for (const p of reservedByParent) writeFileSync(join(dir, String(p)), String(process.ppid));
    const candidates = [];
    for (const p of inRange) if (!reservedByParent.includes(p) && (await isFree(p))) candidates.push(p);
    if (candidates.length !== 5) return; // another program listens in the range on this machine: nothing to learn
    const r = await reserveKernelPorts({ range });
    expect(Object.values(r.ports).sort()).toEqual(candidates);
    r.release();
    for (const p of reservedByParent) expect(readFileSync(join(dir, String(p)), "utf8")).toBe(String(process.ppid));
  });

  it("takes over reservations left by a process that has ended", async () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    for (const p of inRange) writeFileSync(join(dir, String(p)), gone);
    const r = await reserveKernelPorts({ range });
    for (const p of Object.values(r.ports)) expect(readFileSync(join(dir, String(p)), "utf8")).toBe(String(process.pid));
    r.release();
  });

  it("skips a port something is listening on, and says so when too few are left", async () => {
    const taken = range.from + 2;
    if (!(await isFree(taken))) return;
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ port: taken, host: "127.0.0.1" }, () => resolve()));
    try {
      const r = await reserveKernelPorts({ range });
      expect(Object.values(r.ports)).not.toContain(taken);
      // Held by this reservation and one listener, the range has 2 ports left: a second reservation fails, by name.
      await expect(reserveKernelPorts({ range })).rejects.toMatchObject({ code: "NO_KERNEL_PORTS" });
      r.release();
    } finally {
      server.close();
    }
  });

  it("rejects a range that cannot hold five ports", async () => {
    await expect(reserveKernelPorts({ range: { from: 30_000, to: 30_003 } })).rejects.toMatchObject({ code: "BAD_PORT_RANGE" });
  });
});

describe("the kernel launcher", () => {
  it("stops at once, naming the port, when a port of its connection file is in use", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1" }, () => resolve()));
    try {
      const busy = (server.address() as { port: number }).port;
      const conn = join(dir, "kernel.json");
      const free = (await reserveKernelPorts()).ports;
      writeFileSync(conn, JSON.stringify({ transport: "tcp", ip: "127.0.0.1", key: "k", signature_scheme: "hmac-sha256", shell_port: free.shell, iopub_port: free.iopub, stdin_port: free.stdin, control_port: busy, hb_port: free.hb }));
      const run = spawnSync(process.execPath, [packagePath("scripts", "kernel", "launch.cjs"), conn], { encoding: "utf8", timeout: 120_000 });
      expect(run.status).toBe(3);
      expect(run.stderr).toContain(`port in use on 127.0.0.1: control ${busy}`);
    } finally {
      server.close();
    }
  }, 150_000);
});
