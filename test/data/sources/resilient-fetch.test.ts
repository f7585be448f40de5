import { describe, expect, it } from "vitest";
import { FetchFailure, resilientFetch } from "../../../src/data/sources";

const noWait = { sleep: async () => {}, random: () => 0.5 };

describe("resilientFetch", () => {
  it("returns non-retryable answers (200, 404) as they are, after one attempt", async () => {
    let calls = 0;
    const f = resilientFetch((async () => (++calls, new Response("nope", { status: 404 }))) as typeof fetch, noWait);
    expect((await f("https://example.test/x")).status).toBe(404);
    expect(calls).toBe(1);
  });

  it("throws a FetchFailure describing the last failure once retries are used up", async () => {
    let calls = 0;
    const f = resilientFetch((async () => (++calls, new Response("", { status: 500 }))) as typeof fetch, { ...noWait, retries: 2 });
    const err = (await f("https://example.test/x").catch((e: unknown) => e)) as FetchFailure;
    expect(err).toBeInstanceOf(FetchFailure);
    expect([err.kind, err.status, err.attempts, err.unreachable, calls]).toEqual(["http", 500, 3, false, 3]);
  });

  it("does not retry when the caller aborts", async () => {
    let calls = 0;
    const controller = new AbortController();
    const f = resilientFetch(((_: unknown, init?: RequestInit) => {
      calls++;
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }) as typeof fetch, noWait);
    const pending = f("https://example.test/x", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
