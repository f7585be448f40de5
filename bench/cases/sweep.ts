// Sweeps: 1,000 short backtests (minimum volatility on 60 or 120 days, half-year windows rebalanced weekly, a grid
// of costs; about 10 ms each) on the local pool with 1 and 2
// worker processes, and through Redis (BullMQ) with 2 `npx workbook worker` processes. Absolute case: the goal is
// the seconds of the three sweeps together; the row's detail gives jobs per second of each and the 2-worker /
// 1-worker ratio (the scaling). The local pool's time includes forking its workers (and loading the library in
// them); the Redis workers are started before the sweep is timed, as they would be on a cluster, but the sweep's
// time includes putting 1,000 jobs on the queue and collecting their outcomes. A run agrees when each sweep did
// every job and the three summaries are identical (same jobs, same metrics). The 2 / 1 ratio shows the scaling only
// on an otherwise idle machine: the workers share its cores with everything else running.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packagePath } from "../../src/core/paths";
import { readSummaryRows } from "../../src/sweep/read-sweep";
import { runSweep } from "../../src/sweep/run-sweep";
import type { SweepSpec } from "../../src/sweep/sweep-spec";
import type { BenchCase } from "./case";

/** 2 lookbacks × 5 commission levels × 10 spreads × 10 windows of 126 trading days = 1,000 minimum-volatility backtests. */
const SPEC: SweepSpec = {
  name: "bench-sweep",
  data: { market: { seed: 1, years: 6, equityCount: 12 } },
  backtests: {
    strategy: "min-volatility",
    parameters: { lookbackDays: [60, 120] },
    rebalance: "weekly",
    costs: { commissionBps: [0, 1, 2, 3, 4], spreadBps: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18] },
    windows: { count: 10, days: 126 },
  },
};

const COMPARED = ["job", "status", "config", "final_value", "sharpe", "volatility", "max_drawdown", "turnover", "costs", "trades"];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      server.close(() => resolve(typeof a === "object" && a !== null ? a.port : 0));
    });
  });
}

/** REDIS_URL, or a fresh redis-server on a free loopback port (`null` when there is none to start). */
async function startRedis(): Promise<{ url: string; stop: () => void } | null> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => {} };
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) return null;
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

function startWorker(url: string, queueName: string): ChildProcess {
  return spawn(process.execPath, [packagePath("bin", "workbook.js"), "worker", "--queue", url, "--queue-name", queueName], { stdio: "ignore" });
}

/** Waits until the queue has `n` workers connected (they load the library first). */
async function waitForWorkers(url: string, queueName: string, n: number): Promise<void> {
  const { Queue } = await import("bullmq");
  const u = new URL(url);
  const queue = new Queue(queueName, { connection: { host: u.hostname, port: Number(u.port || 6379), maxRetriesPerRequest: null } });
  try {
    for (let i = 0; i < 600 && (await queue.getWorkersCount()) < n; i++) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await queue.close();
  }
}

interface SweepInput {
  readonly dir: string;
}

export const sweepCase: BenchCase<SweepInput> = {
  name: "sweep",
  title: "sweep of 1,000 short backtests: local pool of 1 and 2 workers, Redis queue with 2 workers",
  baseline: null,
  goal: 90,
  reps: 1,
  prepare(dir) {
    writeFileSync(join(dir, "grid.json"), JSON.stringify(SPEC));
  },
  load(dir) {
    return { dir };
  },
  async ours({ dir }) {
    const spec = JSON.parse(readFileSync(join(dir, "grid.json"), "utf8")) as SweepSpec;
    const out = mkdtempSync(join(tmpdir(), "bench-sweep-out-"));
    try {
      const one = await runSweep(spec, { results: join(out, "one"), workers: 1 });
      const two = await runSweep(spec, { results: join(out, "two"), workers: 2 });
      const rows = [await readSummaryRows(join(out, "one")), await readSummaryRows(join(out, "two"))];
      const done = [one.done, two.done];
      const rates = [one.jobsPerSecond, two.jobsPerSecond];
      const firsts = [one.firstResultSeconds ?? Number.NaN, two.firstResultSeconds ?? Number.NaN];
      const redis = await startRedis();
      if (redis !== null) {
        const queueName = `bench-sweep-${process.pid}-${Date.now()}`;
        const workers = [startWorker(redis.url, queueName), startWorker(redis.url, queueName)];
        try {
          await waitForWorkers(redis.url, queueName, 2);
          const queued = await runSweep(spec, { results: join(out, "redis"), queue: redis.url, queueName });
          done.push(queued.done);
          rates.push(queued.jobsPerSecond);
          firsts.push(queued.firstResultSeconds ?? Number.NaN);
          rows.push(await readSummaryRows(join(out, "redis")));
        } finally {
          for (const w of workers) w.kill("SIGTERM");
          redis.stop();
        }
      }
      const pick = (r: Record<string, unknown>) => JSON.stringify(COMPARED.map((c) => r[c]));
      const first = rows[0]!.map(pick).join("\n");
      const identical = rows.every((r) => r.map(pick).join("\n") === first) ? 1 : 0;
      return { jobsPerSecond: rates, firstResultSeconds: firsts, done, identical, jobs: one.jobs };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  agree(ours) {
    const rates = ours.result.jobsPerSecond as number[];
    const firstSeconds = ours.result.firstResultSeconds as number[];
    const firsts = firstSeconds.map((x) => x.toFixed(1));
    const jobs0 = ours.result.jobs as number;
    // After the first result: the rate once the workers are up.
    const steady = rates.map((r, i) => ((jobs0 - 1) / (jobs0 / r - firstSeconds[i]!)).toFixed(1));
    const done = ours.result.done as number[];
    const jobs = ours.result.jobs as number;
    const redis = rates.length === 3 ? `${rates[2]!.toFixed(1)} jobs/s through Redis with 2 workers` : "Redis: no redis-server to start and no REDIS_URL, not measured";
    const allDone = done.every((d) => d === jobs);
    return {
      agrees: allDone && ours.result.identical === 1 && rates.length === 3,
      detail: `${rates[0]!.toFixed(1)} jobs/s on 1 local worker, ${rates[1]!.toFixed(1)} on 2 (×${(rates[1]! / rates[0]!).toFixed(2)}); ${redis}; first result after ${firsts.join(" / ")} s (workers starting), then ${steady.join(" / ")} jobs/s; done ${done.join(" / ")} of ${jobs}; summaries ${ours.result.identical === 1 ? "identical" : "DIFFERENT"} (goal in seconds for the three sweeps, absolute)`,
    };
  },
};
