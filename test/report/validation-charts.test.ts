import { describe, expect, it } from "vitest";
import { profitabilityGrowthChart } from "../../src/report/profitability-growth-chart";
import { quadrantChart } from "../../src/report/quadrant-chart";
import { stabilityChart } from "../../src/report/stability-chart";
import { stackedBarChart } from "../../src/report/stacked-bar-chart";
import { DEFAULT_VALIDATION_SETTINGS, type QuadrantRow, type StabilityScore } from "../../src/validation";

const settings = DEFAULT_VALIDATION_SETTINGS;
const quadrants: QuadrantRow[] = [
  { ticker: "A", fromYear: 2020, toYear: 2023, years: 3, netMargin: 0.1, revenueGrowth: 0.05, profitable: true, growing: true, quadrant: "profitable and growing" },
  { ticker: "B", fromYear: 2020, toYear: 2023, years: 3, netMargin: -0.02, revenueGrowth: -0.01, profitable: false, growing: false, quadrant: "unprofitable and shrinking" },
];
const none = { growthVolatility: null, earningsVariation: null, maxDrawdown: null };
const stability: StabilityScore[] = [
  { ticker: "A", growthYears: 5, ...none, growthScore: 0.6, earningsScore: 0.9, drawdownScore: 0.3, score: 0.6 },
  { ticker: "B", growthYears: 2, ...none, growthScore: null, earningsScore: 0.5, drawdownScore: 0.2, score: null },
  { ticker: "C", growthYears: 5, ...none, growthScore: 0.3, earningsScore: null, drawdownScore: 0.9, score: 0.4 },
];

describe("profitabilityGrowthChart", () => {
  it("is the quadrant chart of the report, with its thresholds, in percent", () => {
    expect(profitabilityGrowthChart({ settings, quadrants })).toEqual(
      quadrantChart({
        title: "Profitability versus growth", xAxis: "revenue growth (CAGR)", yAxis: "average net margin", xFormat: ".0%", yFormat: ".0%",
        xThreshold: settings.quadrant.minRevenueGrowth, yThreshold: settings.quadrant.minNetMargin,
        points: [{ label: "A", x: 0.05, y: 0.1, group: "profitable and growing" }, { label: "B", x: -0.01, y: -0.02, group: "unprofitable and shrinking" }],
      }),
    );
  });
});

describe("stabilityChart", () => {
  it("stacks each scored company's weighted parts (a missing part as 0), so a bar is the score", () => {
    const fig = stabilityChart({ settings, stability });
    const w = settings.stability.weights;
    const total = w.growth + w.earnings + w.drawdown;
    expect(fig).toEqual(
      stackedBarChart({
        title: "Stability score and its parts", labels: ["A", "C"], horizontal: true, sort: true, valueFormat: ".2f", valueAxis: "score",
        series: [
          { name: "growth", values: [(w.growth * 0.6) / total, (w.growth * 0.3) / total] },
          { name: "earnings", values: [(w.earnings * 0.9) / total, 0] },
          { name: "drawdown", values: [(w.drawdown * 0.3) / total, (w.drawdown * 0.9) / total] },
        ],
      }),
    );
  });
});
