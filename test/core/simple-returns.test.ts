import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { simpleReturns } from "../../src/core/simple-returns";

const close = (actual: ArrayLike<number>, expected: number[], digits = 10): void => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => (Number.isNaN(e) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(e, digits)));
};

describe("simpleReturns", () => {
  it("are p[t]/p[t−1] − 1, NaN before the first pair", () => {
    close(simpleReturns(Float64Array.of(100, 110, 99)), [NaN, 0.1, -0.1]);
    close(simpleReturns(Float64Array.of(NaN, 50, 55)), [NaN, NaN, 0.1]);
  });
  it("with a stride, return every column of a row-major table (the TSDoc example)", () => {
    close(simpleReturns([10, 20, 11, 22], 2), [NaN, NaN, 0.1, 0.1]);
    close(simpleReturns([10, 20, NaN, 22, 12.1, 24.2], 2), [NaN, NaN, NaN, 0.1, NaN, 0.1]);
  });
  it("reject a non-positive price, naming its index, and a bad stride", () => {
    expect(() => simpleReturns([10, 0, 11])).toThrowError(/price 0 at index 1/);
    expect(() => simpleReturns([10, Infinity])).toThrowError(InputError);
    expect(() => simpleReturns([10, 11], 0)).toThrowError(/stride 0/);
  });
  it("does not change its input", () => {
    const prices = Object.freeze([100, 110, 99]);
    simpleReturns(prices);
    expect(prices).toEqual([100, 110, 99]);
  });
});
