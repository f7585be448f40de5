/**
 * Running tasks a few at a time, keeping their results in order.
 */
import { InputError } from "../core/index";

/**
 * Calls `task` on every item, at most `jobs` at a time, starting them in the items' order; the results come back
 * in the items' order whatever finishes first. A task that throws rejects the whole call after the tasks already
 * running have settled (none is left running behind the caller's back); tasks not yet started are not started.
 *
 * @param items the inputs, in the order to start them.
 * @param jobs the most tasks running at once (a whole number ≥ 1).
 * @param task the work for one item, with its index.
 * @returns the results, `results[i]` for `items[i]`.
 * @throws InputError BAD_JOBS when `jobs` is not a whole number ≥ 1.
 *
 * @example
 * ```ts
 * await runInPool([3, 1, 2], 2, async (x) => x * 10); // => [30, 10, 20]
 * ```
 */
export async function runInPool<T, R>(items: readonly T[], jobs: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(jobs) || jobs < 1) throw new InputError("BAD_JOBS", `runInPool: jobs must be a whole number ≥ 1, got ${jobs}`, { jobs });
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = Array.from({ length: Math.min(jobs, Math.max(1, items.length)) }, lane);
  const settled = await Promise.allSettled(lanes);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return results;
}
