import { describe, expect, it } from "vitest";
import { prior } from "../../src/moments/prior";
import * as portfolios from "../../src/optimise/portfolios/index";
import { compareGroups } from "../../src/optimise/compare-portfolios";
import { moneyTreemap, portfolioFrontierChart, tableStackedBarChart } from "../../src/report/portfolio-charts";
import { vector } from "../../src/core/vector";
import { readPricesCsv } from "../optimise/helpers/fixtures";

const p = prior(readPricesCsv("prices.csv"));

describe("charts of the table model", () => {
  it("stacks a comparison by group: a bar per portfolio, a trace per group", () => {
    const list = [portfolios.minVolatility(p), portfolios.hrp(p)];
    const half = Object.fromEntries(p.expectedReturns.labels.map((t, i) => [t, i % 2 === 0 ? "even" : "odd"]));
    const fig = tableStackedBarChart("By group", compareGroups(list, half));
    expect(fig.data.map((t) => t.name)).toEqual(["even", "odd"]);
    const y = (k: number) => (fig.data[k] as unknown as { y: number[] }).y;
    const total = y(0)[1]! + y(1)[1]!;
    expect(total).toBeCloseTo(1, 12);
  });
  it("draws the portfolios on their frontier with every asset", () => {
    const ms = portfolios.maxSharpe(p);
    const fig = portfolioFrontierChart("F", p, portfolios.frontier(p, { points: 5 }), [ms]);
    expect(fig.data.map((t) => t.name)).toContain("max Sharpe");
    expect(JSON.stringify(fig)).toContain(p.expectedReturns.labels[0]);
  });
  it("lays money out by group with the cash, refusing a label without a group", () => {
    const fig = moneyTreemap("M", vector({ A: 100, B: 0, C: 50 }, { unit: "money" }), { A: "x", C: "y" }, 10);
    expect(JSON.stringify(fig.data)).toContain("cash");
    expect(() => moneyTreemap("M", vector({ Z: 1 }), {})).toThrow(/Z has no group/);
  });
});
