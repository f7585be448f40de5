import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, backoffDelay, withRetry } from "../../../src/data/sources";

describe("backoff", () => {
  it("doubles from the base, caps at the maximum, and waives a random half", () => {
    const p = { baseDelayMs: 500, maxDelayMs: 4000 };
    expect([0, 1, 2, 3, 4].map((k) => backoffDelay(k, { ...p, random: () => 0 }))).toEqual([250, 500, 1000, 2000, 2000]);
    expect([0, 1, 2, 3, 4].map((k) => backoffDelay(k, { ...p, random: () => 0.999999 }).toFixed(0))).toEqual(["500", "1000", "2000", "4000", "4000"]);
    expect(backoffDelay(0, { ...p, random: () => 0 }, 3000)).toBe(3000);
    expect(backoffDelay(0, { ...p, random: () => 0 }, 600_000)).toBe(60_000);
    expect(DEFAULT_RETRY_POLICY).toEqual({ retries: 4, baseDelayMs: 500, maxDelayMs: 8000 });
  });
});

describe("withRetry", () => {
  it("retries until success", async () => {
    const waits: number[] = [];
    let n = 0;
    const value = await withRetry(
      async () => {
        if (++n < 3) throw new Error("flaky");
        return n;
      },
      () => true,
      { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    expect(value).toBe(3);
    expect(waits).toEqual([250, 500]);
  });

  it("stops at once on an error it should not retry, and after the last retry", async () => {
    let n = 0;
    await expect(withRetry(async () => Promise.reject(new Error(`no ${++n}`)), () => false, { sleep: async () => {} })).rejects.toThrow("no 1");
    n = 0;
    await expect(withRetry(async () => Promise.reject(new Error(`try ${++n}`)), () => true, { retries: 2, sleep: async () => {} })).rejects.toThrow("try 3");
  });
});
