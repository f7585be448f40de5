import { describe, expect, it } from "vitest";
import { throttledProgressLogger, type ProgressCount } from "../../src/core/progress";

type Step = ProgressCount & { readonly run: string };

function logger(every?: number): { lines: string[]; log: (e: Step) => void } {
  const lines: string[] = [];
  const log = throttledProgressLogger<Step>((e) => e.run, (e) => `${e.run} ${e.done}/${e.total}`, { write: (l) => lines.push(l), ...(every === undefined ? {} : { every }) });
  return { lines, log };
}

describe("throttledProgressLogger", () => {
  it("writes every quarter of the way by default, and the end (the 1e-12 slack counts 0.25 · 8 as 2)", () => {
    const { lines, log } = logger();
    for (let done = 1; done <= 8; done++) log({ run: "a", done, total: 8 });
    expect(lines).toEqual(["a 2/8", "a 4/8", "a 6/8", "a 8/8"]);
  });

  it("throttles each run on its own, and counts a run afresh when it starts over", () => {
    const { lines, log } = logger(0.5);
    for (let done = 1; done <= 4; done++) {
      log({ run: "a", done, total: 4 });
      log({ run: "b", done, total: 4 });
    }
    for (let done = 1; done <= 4; done++) log({ run: "a", done, total: 4 });
    expect(lines).toEqual(["a 2/4", "b 2/4", "a 4/4", "b 4/4", "a 2/4", "a 4/4"]);
  });

  it("always writes the last unit, even when every is larger than 1", () => {
    const { lines, log } = logger(2);
    for (let done = 1; done <= 3; done++) log({ run: "a", done, total: 3 });
    expect(lines).toEqual(["a 3/3"]);
  });

  it("does not change the events", () => {
    const { log } = logger();
    const event = Object.freeze({ run: "a", done: 1, total: 1 });
    log(event);
    expect(event).toEqual({ run: "a", done: 1, total: 1 });
  });
});
