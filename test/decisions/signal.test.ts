import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { signalFor } from "../../src/decisions/signal";

describe("signalFor", () => {
  it.each([
    [{ target: 0.12, current: 0.05, score: 0.08 }, "STRONG BUY"],
    [{ target: 0.12, current: 0.05 }, "STRONG BUY"], // no model: the gap alone
    [{ target: 0.12, current: 0.05, score: 0.01 }, "BUY"], // large gap, model lukewarm
    [{ target: 0.07, current: 0.05, score: 0.2 }, "BUY"],
    [{ target: 0.1, current: 0.1 }, "HOLD"],
    [{ target: 0.105, current: 0.1 }, "HOLD"],
    [{ target: 0.08, current: 0.1 }, "REDUCE"],
    [{ target: 0.02, current: 0.1, score: 0.03 }, "REDUCE"],
    [{ target: 0.02, current: 0.1, score: -0.01 }, "SELL"],
    [{ target: 0, current: 0.04 }, "SELL"],
    [{ target: 0, current: 0 }, "HOLD"],
  ] as const)("%o → %s", (input, expected) => {
    expect(signalFor(input)).toBe(expected);
  });

  it("applies thresholds passed in", () => {
    expect(signalFor({ target: 0.07, current: 0.05 }, { buyGap: 0.03, strongGap: 0.1, strongScore: 0.05, exitWeight: 1e-4 })).toBe("HOLD");
  });

  it("names a bad weight or score", () => {
    expect(() => signalFor({ target: Number.NaN, current: 0 })).toThrow(InputError);
    expect(() => signalFor({ target: 0.1, current: 2 })).toThrowError(/current weight 2/);
    expect(() => signalFor({ target: 0.1, current: 0, score: Number.POSITIVE_INFINITY })).toThrowError(/model score/);
  });
});
