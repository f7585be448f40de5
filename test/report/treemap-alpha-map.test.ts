import { describe, expect, it } from "vitest";
import { alphaMapChart } from "../../src/report/alpha-map-chart";
import { treemapChart } from "../../src/report/treemap-chart";

describe("treemapChart", () => {
  it("nests items under their groups with group totals, leaving out zeros", () => {
    const fig = treemapChart("Capital", [
      { label: "A", group: "Tech", value: 600 },
      { label: "C", group: "Tech", value: 100 },
      { label: "B", group: "Bonds", value: 300 },
      { label: "Z", group: "Bonds", value: 0 },
    ]);
    expect(fig.data[0]).toMatchObject({ labels: ["Tech", "Bonds", "A", "C", "B"], values: [700, 300, 600, 100, 300], parents: ["", "", "group:Tech", "group:Tech", "group:Bonds"] });
  });
  it("refuses negative values and repeated labels", () => {
    expect(() => treemapChart("x", [{ label: "A", group: "g", value: -1 }])).toThrowError(/value of A is -1/);
    expect(() => treemapChart("x", [{ label: "A", group: "g", value: 1 }, { label: "A", group: "h", value: 1 }])).toThrowError(/A appears twice/);
  });
});

describe("alphaMapChart", () => {
  it("draws one trace per signal, markers sized by weight", () => {
    const fig = alphaMapChart("Alpha", [
      { ticker: "A", growth: 0.1, confidence: 0.8, weight: 0.2, signal: "BUY" },
      { ticker: "B", growth: -0.05, confidence: 0.3, weight: 0.05, signal: "SELL" },
      { ticker: "C", growth: 0.2, confidence: 0.9, weight: 0.2, signal: "BUY" },
    ]);
    expect(fig.data.map((t) => t.name)).toEqual(["BUY", "SELL"]);
    expect(fig.data[0]).toMatchObject({ x: [0.1, 0.2], y: [0.8, 0.9], text: ["A", "C"] });
  });
  it("refuses a confidence outside [0, 1]", () => {
    expect(() => alphaMapChart("x", [{ ticker: "A", growth: 0, confidence: 1.2, weight: 0, signal: "HOLD" }])).toThrowError(/confidence of A is 1.2/);
  });
});
