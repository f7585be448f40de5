import { describe, expect, it } from "vitest";
import { roundHalfEven } from "../../src/core/index";

describe("roundHalfEven", () => {
  it("rounds ties to even as Python's round and numpy's rint", () => {
    // /usr/bin/python3: [round(x) for x in xs] and np.rint(xs) give the same list
    const xs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999999999996, 2.6, -2.6, 1e15 + 0.5];
    const python = [0, 2, 2, 0, -2, -2, 2, 3, -3, 1000000000000000];
    expect(xs.map((x) => roundHalfEven(x) + 0)).toEqual(python); // + 0: numpy's −0.0 and Python's 0 compare equal
  });

  it("passes non-finite values through", () => {
    expect(roundHalfEven(Number.NaN)).toBeNaN();
    expect(roundHalfEven(Infinity)).toBe(Infinity);
  });
});
