/**
 * Several machines, simulated: a real redis-server, two `npx workbook worker` processes, one of them killed
 * (SIGKILL) mid-job. Every job must end done exactly once, and the summary must equal the local pool's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath, SourceError } from "../../src/core/index";
import { parseQueueUrl, readSummaryRows, redisOptions, runSweep, startQueueWorker, type SweepSpec } from "../../src/sweep/index";
import { detailBatches } from "./detail-batches";
import { hasRedisServer, startTestRedis, type TestRedis } from "./redis-server";

/** 5 strategy configurations × 4 commission levels × 10 windows of 42 trading days = 200 short backtests. */
export const QUEUE_TEST_SPEC: SweepSpec = {
  name: "queue-test",
  data: { market: { seed: 11, years: 2, equityCount: 4 } },
  backtests: [
    { strategy: "equal-weight", rebalance: "weekly", costs: { commissionBps: [0, 2, 5, 10] }, windows: { count: 10, days: 42 } },
    { strategy: ["min-volatility", "hrp"], parameters: { lookbackDays: [20, 40] }, rebalance: "weekly", costs: { commissionBps: [0, 2, 5, 10] }, windows: { count: 10, days: 42 } },
  ],
};

/** The columns that say what a job is and what it produced (not who ran it, when, or how many tries). */
const COMPARED = ["job", "status", "kind", "target", "parameters", "rebalance", "commission_bps", "spread_bps", "window_start", "window_end", "data_hash", "config", "final_value", "cumulative_return", "annualised_return", "volatility", "sharpe", "sortino", "max_drawdown", "calmar", "turnover", "rebalances", "trades", "costs", "error"];

function startWorker(url: string, queueName: string): ChildProcess {
  return spawn(process.execPath, [packagePath("bin", "workbook.js"), "worker", "--queue", url, "--queue-name", queueName, "--lock-seconds", "1", "--stalled-seconds", "0.5"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

const redisAvailable = Boolean(process.env.REDIS_URL) || hasRedisServer();

describe.skipIf(!redisAvailable)("sweep on a BullMQ queue in a real Redis", () => {
  let redis: TestRedis;
  const dir = mkdtempSync(join(tmpdir(), "sweep-queue-test-"));
  const queueName = `sweep-test-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    redis = await startTestRedis();
  }, 20_000);

  afterAll(async () => {
    const queue = new Queue(queueName, { connection: redisOptions(parseQueueUrl(redis.url)) });
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it("does 200 jobs with two worker processes, one killed mid-job: each done once, the summary equal to the local pool's", async () => {
    const survivor = startWorker(redis.url, queueName);
    const victim = startWorker(redis.url, queueName);
    const queue = new Queue(queueName, { connection: redisOptions(parseQueueUrl(redis.url)) });
    const victimName = `${hostname()}:${victim.pid}`;
    let killedDuring: string | null = null;
    let sweeping = true;
    // Both workers connected before the sweep starts, so that both take jobs.
    for (let i = 0; i < 600 && (await queue.getWorkersCount()) < 2; i++) await new Promise((r) => setTimeout(r, 100));
    // Kill the victim the moment Redis shows it holding a job.
    const watching = (async () => {
      while (sweeping && victim.exitCode === null && victim.signalCode === null) {
        const held = (await queue.getJobs(["active"])).some((j) => j?.processedBy === victimName);
        if (held) {
          victim.kill("SIGKILL");
          await exited(victim);
          // The job it died holding stays active under its name until its lock expires (1 s).
          killedDuring = ((await queue.getJobs(["active"])).find((j) => j?.processedBy === victimName)?.data as { id?: string } | undefined)?.id ?? null;
          return;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    try {
      const report = await runSweep(QUEUE_TEST_SPEC, { results: join(dir, "queue"), queue: redis.url, queueName, retries: 2 });
      sweeping = false;
      await watching;
      expect(killedDuring, "the victim was killed while Redis showed it holding a job").not.toBeNull();
      expect(report.jobs).toBe(200);
      expect(report.done).toBe(200);
      expect(report.failed).toBe(0);
      const rows = await readSummaryRows(join(dir, "queue"));
      expect(rows).toHaveLength(200);
      expect(new Set(rows.map((r) => r.job)).size).toBe(200);
      expect(rows.every((r) => r.status === "done")).toBe(true);
      // The killed job was taken again by the survivor after its lock expired.
      const retried = rows.find((r) => r.job === killedDuring);
      expect(retried?.attempts).toBeGreaterThanOrEqual(2);
      expect(String(retried?.worker)).not.toBe(victimName);
      // Each job's detail written once, in the batch its summary row names.
      const batches = await detailBatches(join(dir, "queue"));
      expect(batches.size).toBe(200);
      for (const r of rows) expect(batches.get(String(r.job))).toEqual([r.detail_batch]);
      expect(await queue.count()).toBe(0);

      const local = await runSweep(QUEUE_TEST_SPEC, { results: join(dir, "local"), workers: 2 });
      expect(local.done).toBe(200);
      const localRows = await readSummaryRows(join(dir, "local"));
      const pick = (r: Record<string, unknown>) => Object.fromEntries(COMPARED.map((c) => [c, r[c]]));
      expect(rows.map(pick)).toEqual(localRows.map(pick));
    } finally {
      survivor.kill("SIGTERM");
      victim.kill("SIGKILL");
      await Promise.all([exited(survivor), exited(victim)]);
      await queue.close();
    }
  }, 180_000);

  it("re-running the sweep on the queue skips every done job", async () => {
    const report = await runSweep(QUEUE_TEST_SPEC, { results: join(dir, "queue"), queue: redis.url, queueName });
    expect(report.skipped).toBe(200);
    expect(report.done).toBe(0);
  }, 60_000);

  it("a worker in this process takes jobs and stops when idle", async () => {
    const worker = await startQueueWorker({ queue: redis.url, queueName, exitWhenIdleSeconds: 3 });
    const spec: SweepSpec = { name: "in-process", data: { market: { seed: 3, years: 1, equityCount: 3 } }, backtests: { strategy: "equal-weight", costs: { commissionBps: [1, 3] }, windows: { count: 2, days: 20 } } };
    const report = await runSweep(spec, { results: join(dir, "in-process"), queue: redis.url, queueName });
    expect(report.done).toBe(4);
    expect((await worker.stopped).done).toBe(4);
  }, 60_000);

  it("names the address of an unreachable queue before any job starts", async () => {
    const spec: SweepSpec = { data: { market: { seed: 3, years: 1, equityCount: 3 } }, backtests: { strategy: "equal-weight" } };
    const error = await runSweep(spec, { results: join(dir, "unreachable"), queue: "redis://127.0.0.1:1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe("QUEUE_UNREACHABLE");
    expect((error as SourceError).message).toContain("redis://127.0.0.1:1");
    await expect(startQueueWorker({ queue: "redis://127.0.0.1:1" })).rejects.toThrow(/redis:\/\/127\.0\.0\.1:1/);
  }, 30_000);
});
