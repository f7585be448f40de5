import { describe, expect, it } from "vitest";
import { efficientFrontierChart, type ScatterTrace } from "../../src/report/index";

const frontier = [
  { volatility: 0.2, expectedReturn: 0.1 },
  { volatility: 0.1, expectedReturn: 0.05 },
  { volatility: 0.14, expectedReturn: 0.08 },
];

describe("efficientFrontierChart", () => {
  it("draws the frontier by volatility, the assets and one trace per chosen portfolio", () => {
    const fig = efficientFrontierChart("F", {
      frontier,
      assets: [{ label: "A", volatility: 0.25, expectedReturn: 0.09 }],
      portfolios: [{ label: "min volatility", volatility: 0.1, expectedReturn: 0.05 }],
    });
    expect(fig.data.map((t) => t.name)).toEqual(["efficient frontier", "assets", "min volatility"]);
    expect(fig.data[0]).toMatchObject({ x: [0.1, 0.14, 0.2], y: [0.05, 0.08, 0.1] });
    expect(fig.data[1]).toMatchObject({ text: ["A"], x: [0.25] });
    expect(fig.layout.xaxis?.range?.[1]).toBeCloseTo(0.27, 12);
  });
  it("adds the capital market line through the highest-Sharpe frontier point", () => {
    // Sharpe at rf 0.02: (0.05 − 0.02)/0.1 = 0.3, (0.08 − 0.02)/0.14 = 0.4286, (0.1 − 0.02)/0.2 = 0.4.
    const fig = efficientFrontierChart("F", { frontier, riskFreeRate: 0.02 });
    const line = fig.data[1] as ScatterTrace;
    expect(line.name).toBe("capital market line (rf 2.0 %)");
    expect(line.y[0]).toBe(0.02);
    expect(((line.y[1] as number) - 0.02) / (line.x[1] as number)).toBeCloseTo(0.06 / 0.14, 12);
  });
  it("rejects an empty frontier and non-finite points, naming them", () => {
    expect(() => efficientFrontierChart("F", { frontier: [] })).toThrowError(/no points/);
    expect(() => efficientFrontierChart("F", { frontier, portfolios: [{ label: "bad", volatility: NaN, expectedReturn: 0 }] })).toThrowError(/bad has volatility NaN/);
  });
  it("opens on the frontier: far assets listed in a note, tickers on hover, the market line clipped", () => {
    const fig = efficientFrontierChart("F", {
      frontier,
      assets: [
        { label: "NEAR", volatility: 0.25, expectedReturn: 0.09 },
        { label: "FAR", volatility: 0.7, expectedReturn: 0.6 },
        { label: "LOW", volatility: 0.12, expectedReturn: -0.04 },
      ],
      riskFreeRate: 0.02,
    });
    expect(fig.data[1]).toMatchObject({ mode: "markers", text: ["NEAR", "FAR", "LOW"] });
    expect(fig.layout.xaxis?.range).toEqual([0, 0.25 * 1.08]);
    // y spans LOW (−0.04) to the frontier's top (0.10), padded by 8 % of 0.14 each side; FAR (0.6) and the line do not stretch it.
    const [y0, y1] = fig.layout.yaxis!.range as [number, number];
    expect(y0).toBeCloseTo(-0.04 - 0.0112, 12);
    expect(y1).toBeCloseTo(0.1 + 0.0112, 12);
    expect(String(fig.layout.annotations?.[0]?.text)).toBe("beyond the view: FAR (Autoscale shows all)");
    expect(efficientFrontierChart("F", { frontier, assets: [{ label: "A", volatility: 0.2, expectedReturn: 0.1 }], assetLabels: "always" }).data[1]).toMatchObject({ mode: "markers+text" });
  });
});
