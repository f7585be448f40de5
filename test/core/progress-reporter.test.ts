import { describe, expect, it } from "vitest";
import { clockTime, progressReporter } from "../../src/core/index";

describe("progressReporter", () => {
  it("writes throttled lines with the rate and the time left off a terminal", () => {
    const lines: string[] = [];
    let t = 0;
    const report = progressReporter({ stream: { write: (s) => lines.push(s) }, unit: "jobs", every: 0.5, now: () => t });
    for (let done = 0; done <= 4; done++, t += 1000) report({ label: "sweep", done, total: 4, ...(done === 4 ? { note: "1 failed" } : {}) });
    expect(lines).toEqual(["sweep: 2/4 jobs (50 %), 1.0/s, 0:02 left\n", "sweep: 4/4 jobs (100 %), 1.0/s, 0:00 left, 1 failed\n"]);
  });

  it("redraws one line with a bar on a terminal and ends it when the run completes", () => {
    const out: string[] = [];
    let t = 0;
    const report = progressReporter({ stream: { write: (s) => out.push(s), isTTY: true, columns: 80 }, unit: "days", now: () => t });
    report({ label: "bt", done: 0, total: 10 });
    t = 50;
    report({ label: "bt", done: 1, total: 10 }); // within 100 ms of the last draw: skipped
    t = 2000;
    report({ label: "bt", done: 5, total: 10 });
    t = 4000;
    report({ label: "bt", done: 10, total: 10 });
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^\rbt \[█{10}░{10}\] 50 % 5\/10 days · 2\.5\/s · 0:02 left\u001b\[K$/);
    expect(out[2]!.endsWith("\n")).toBe(true);
  });

  it("is silent when quiet", () => {
    const lines: string[] = [];
    const report = progressReporter({ stream: { write: (s) => lines.push(s) }, quiet: true });
    report({ label: "x", done: 1, total: 1 });
    expect(lines).toEqual([]);
  });

  it("formats the time left as a clock", () => {
    expect([clockTime(0), clockTime(65), clockTime(3725)]).toEqual(["0:00", "1:05", "1:02:05"]);
  });
});
