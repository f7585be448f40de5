import { describe, expect, it } from "vitest";
import { runInPool } from "../../src/workbook/run-in-pool";

/** A task whose end the test decides, recording how many run at once. */
function gate() {
  let running = 0;
  let most = 0;
  const release: (() => void)[] = [];
  const started: number[] = [];
  const task = (item: number) =>
    new Promise<number>((resolve) => {
      running++;
      most = Math.max(most, running);
      started.push(item);
      release[item] = () => {
        running--;
        resolve(item * 10);
      };
    });
  return { task, release, started, most: () => most };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("runInPool", () => {
  it("runs at most `jobs` tasks at once, starting them in order, and returns results in order", async () => {
    const g = gate();
    const done = runInPool([0, 1, 2, 3], 2, g.task);
    await tick();
    expect(g.started).toEqual([0, 1]);
    g.release[1]!(); // the second finishes first: the third starts in its lane
    await tick();
    expect(g.started).toEqual([0, 1, 2]);
    g.release[0]!();
    await tick();
    g.release[2]!();
    await tick();
    g.release[3]!();
    expect(await done).toEqual([0, 10, 20, 30]);
    expect(g.most()).toBe(2);
  });

  it("with one job, runs them one by one", async () => {
    const order: string[] = [];
    const out = await runInPool(["a", "b", "c"], 1, async (x) => {
      order.push(`start ${x}`);
      await tick();
      order.push(`end ${x}`);
      return x.toUpperCase();
    });
    expect(out).toEqual(["A", "B", "C"]);
    expect(order).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("returns an empty array for no items, and takes more jobs than items", async () => {
    expect(await runInPool([], 3, async (x: number) => x)).toEqual([]);
    expect(await runInPool([1], 8, async (x) => x + 1)).toEqual([2]);
  });

  it("rejects with the task's error after the running tasks settle, and starts no more", async () => {
    const started: number[] = [];
    let settledOther = false;
    const p = runInPool([0, 1, 2, 3], 2, async (x) => {
      started.push(x);
      if (x === 0) throw new Error("task 0 failed");
      await new Promise((r) => setTimeout(r, 20));
      settledOther = true;
      return x;
    });
    await expect(p).rejects.toThrow("task 0 failed");
    expect(settledOther).toBe(true);
    expect(started).toEqual([0, 1]);
  });

  it("refuses a bad number of jobs", async () => {
    await expect(runInPool([1], 0, async (x) => x)).rejects.toThrow(/whole number ≥ 1, got 0/);
    await expect(runInPool([1], 1.5, async (x) => x)).rejects.toThrow(/BAD_JOBS|whole number/);
  });
});
