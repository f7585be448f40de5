import { describe, expect, it } from "vitest";
import { relativeViews } from "../../../src/moments/black-litterman/relative-views";

const tickers = ["ACME", "BOLT", "CRUX", "FLUX"];

describe("relativeViews", () => {
  it("weighs each leg equally: +1/nLong and −1/nShort; no short leg makes a basket view", () => {
    const views = relativeViews(tickers, [
      { long: ["CRUX", "FLUX"], short: ["ACME"], value: 0.03 },
      { long: ["BOLT"], value: 0.05 },
      { long: ["ACME"], short: ["BOLT", "CRUX", "FLUX"], value: -0.01 },
    ]);
    expect(views.P).toEqual([
      [-1, 0, 0.5, 0.5],
      [0, 1, 0, 0],
      [1, -1 / 3, -1 / 3, -1 / 3],
    ]);
    expect(views.Q).toEqual([0.03, 0.05, -0.01]);
    expect(views.names).toEqual(["CRUX + FLUX − ACME", "BOLT", "ACME − BOLT + CRUX + FLUX"]);
    expect(relativeViews(tickers, [])).toEqual({ P: [], Q: [], names: [] });
  });

  it("does not modify its input", () => {
    const statements = [{ long: ["CRUX"], short: ["ACME"], value: 0.02 }];
    relativeViews(tickers, statements);
    expect(statements).toEqual([{ long: ["CRUX"], short: ["ACME"], value: 0.02 }]);
  });

  it("throws InputError naming the statement and the ticker", () => {
    expect(() => relativeViews(tickers, [{ long: ["CRUX"], short: ["AAPX"], value: 0.02 }])).toThrow(/view 1 is on AAPX \(short\), which is not in the covariance/);
    expect(() => relativeViews(tickers, [{ long: ["CRUX"], value: 0.1 }, { long: ["CRUX"], short: ["CRUX"], value: 0.02 }])).toThrow(
      /view 2 lists CRUX twice/,
    );
    expect(() => relativeViews(tickers, [{ long: [], short: ["ACME"], value: 0.02 }])).toThrow(/view 1 has no long ticker/);
    expect(() => relativeViews(tickers, [{ long: ["ACME"], value: NaN }])).toThrow(/view 1 has value NaN/);
  });
});
