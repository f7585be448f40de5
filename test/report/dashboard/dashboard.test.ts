import { describe, expect, it } from "vitest";
import { actionableItems, groupWeights, labelledWeights } from "../../../src/report/index";
import type { ExplanationCard } from "../../../src/decisions/index";

const labels = ["LTBX", "STBX", "MKTIDX"];
const groupOf = { LTBX: "bonds", STBX: "bonds", MKTIDX: "the index fund" };
const vec = (...v: number[]) => ({ labels, values: Float64Array.from(v) });

describe("labelledWeights", () => {
  it("lays a record over the universe, zero elsewhere", () => {
    expect(Array.from(labelledWeights(labels, { MKTIDX: 0.6, LTBX: 0.4 }).values)).toEqual([0.4, 0, 0.6]);
  });
  it("refuses an unknown ticker and a weight that is not a fraction", () => {
    expect(() => labelledWeights(labels, { XYZ: 0.5 })).toThrowError(/XYZ is not in the universe/);
    expect(() => labelledWeights(labels, { LTBX: Number.NaN })).toThrowError(/weight of LTBX/);
    expect(() => labelledWeights(labels, { LTBX: 60 })).toThrowError(/\[−1, 1\]/);
  });
});

describe("groupWeights", () => {
  it("sums by group in order of first appearance, without changing its input", () => {
    const w = Object.freeze(vec(0.3, 0.1, 0.6));
    const g = groupWeights(w, groupOf);
    expect(g.labels).toEqual(["bonds", "the index fund"]);
    expect(g.values[0]).toBeCloseTo(0.4, 12);
    expect(g.values[1]).toBeCloseTo(0.6, 12);
    expect(Array.from(w.values)).toEqual([0.3, 0.1, 0.6]);
  });
  it("names a ticker without a group", () => {
    expect(() => groupWeights(vec(0.3, 0.1, 0.6), { LTBX: "bonds", STBX: "bonds" })).toThrowError(/MKTIDX has no group/);
  });
});

describe("actionableItems", () => {
  const card: ExplanationCard = { ticker: "STBX", weight: 0.1, current: 0, signal: "STRONG BUY", sentence: "Target 10.0 % (STRONG BUY, +10.0 points). Why.", drivers: [] };

  it("turns group gaps into sentences, largest tickers first, and explains with the cards", () => {
    const items = actionableItems(vec(0.2, 0, 0.8), vec(0.25, 0.1, 0.65), [card], { groupOf });
    expect(items.map((i) => i.action)).toEqual([
      "Rebalance now: increase bonds (STBX, LTBX) from 20.0 % to 35.0 %",
      "Rebalance now: reduce the index fund (MKTIDX) from 80.0 % to 65.0 %",
    ]);
    expect(items[0]!.explanation).toBe("STBX +10.0 points, LTBX +5.0 points. STBX: Target 10.0 % (STRONG BUY, +10.0 points). Why.");
    expect(items[0]!.gap).toBeCloseTo(0.15, 12);
  });

  it("gives a strong signal its own item unless a rebalance item names the asset already", () => {
    const named = actionableItems(vec(0.2, 0, 0.8), vec(0.25, 0.1, 0.65), [card], { groupOf });
    expect(named.map((i) => i.kind)).toEqual(["rebalance", "rebalance"]);
    const ltbx: ExplanationCard = { ticker: "LTBX", weight: 0.25, current: 0.2, signal: "STRONG BUY", sentence: "Why.", drivers: [] };
    const unnamed = actionableItems(vec(0.2, 0, 0.8), vec(0.25, 0.1, 0.65), [card, ltbx], { groupOf, maxTickers: 1 });
    expect(unnamed.map((i) => i.action)).toEqual([
      "Rebalance now: increase bonds (STBX and 1 more) from 20.0 % to 35.0 %",
      "Rebalance now: reduce the index fund (MKTIDX) from 80.0 % to 65.0 %",
      "STRONG BUY: LTBX from 20.0 % to 25.0 %",
    ]);
    expect(unnamed[2]!.explanation).toBe("Why.");
  });

  it("keeps gaps below the stated threshold out, and says hold when nothing is left", () => {
    const items = actionableItems(vec(0.2, 0.2, 0.6), vec(0.21, 0.2, 0.59), [], { groupOf });
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe("hold");
    expect(items[0]!.action).toBe("Hold: every group is within 2.0 % of its target");
    expect(actionableItems(vec(0.2, 0.2, 0.6), vec(0.21, 0.2, 0.59), [], { groupOf, groupGap: 0.005 })).toHaveLength(2);
  });

  it("names the tickers that move with their group, and explains with every move in it", () => {
    const [bonds] = actionableItems(vec(0.3, 0, 0.7), vec(0.2, 0.25, 0.55), [], { groupOf });
    expect(bonds!.action).toBe("Rebalance now: increase bonds (STBX) from 30.0 % to 45.0 %");
    expect(bonds!.explanation).toBe("STBX +25.0 points, LTBX −10.0 points.");
  });

  it("names at most maxTickers per group", () => {
    const items = actionableItems(vec(0, 0, 1), vec(0.3, 0.1, 0.6), [], { groupOf, maxTickers: 1 });
    expect(items[0]!.action).toBe("Rebalance now: increase bonds (LTBX and 1 more) from 0.0 % to 40.0 %");
  });

  it("refuses mismatched labels and bad thresholds", () => {
    const other = { labels: ["MKTIDX", "LTBX", "STBX"], values: Float64Array.of(1, 0, 0) };
    expect(() => actionableItems(other, vec(0.3, 0.1, 0.6), [], { groupOf })).toThrowError(/same tickers/);
    expect(() => actionableItems(vec(0, 0, 1), vec(0.3, 0.1, 0.6), [], { groupOf, groupGap: 0 })).toThrowError(/groupGap/);
    expect(() => actionableItems(vec(0, 0, 1), vec(0.3, 0.1, 0.6), [], { groupOf, maxTickers: 0 })).toThrowError(/maxTickers/);
  });
});
