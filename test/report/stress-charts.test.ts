import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { lossByAssetChart } from "../../src/report/loss-by-asset-chart";
import { markedHistogramChart } from "../../src/report/marked-histogram-chart";
import { simulatedPnlChart } from "../../src/report/simulated-pnl-chart";
import { stressLossChart } from "../../src/report/stress-loss-chart";
import { bootstrapSimulation } from "../../src/stress/bootstrap-simulation";
import { rateShock } from "../../src/stress/rate-shock";
import { runStressTests } from "../../src/stress/run-stress-test";
import { fixtureContext, fixturePortfolio } from "../stress/helpers";

const [rates, bootstrap] = runStressTests([rateShock({ basisPoints: 200 }), bootstrapSimulation({ seed: 5, horizonDays: 5, simulations: 400 })], fixturePortfolio(), fixtureContext());

describe("stressLossChart", () => {
  it("is lossByAssetChart of the result, titled with its scenario", () => {
    const expected = lossByAssetChart({ title: "rates +200 bp: loss by holding", labels: rates!.lossByAsset.labels, losses: rates!.lossByAsset.values, valueAxis: "loss (USD)" });
    expect(stressLossChart(rates!)).toEqual(expected);
    expect(stressLossChart(rates!, "EUR").layout.xaxis?.title).toEqual({ text: "loss (EUR)" });
  });
});

describe("simulatedPnlChart", () => {
  it("is a histogram of the simulated P&L with minus the VaR and the CVaR marked", () => {
    const tail = bootstrap!.tail!;
    const expected = markedHistogramChart({
      title: `${bootstrap!.scenario}: simulated 5-day P&L`,
      values: tail.pnl!,
      valueAxis: "profit and loss (USD)",
      valueFormat: ",.0f",
      markers: [{ value: -tail.valueAtRisk, label: "VaR 95 %" }, { value: -tail.conditionalValueAtRisk, label: "CVaR 95 %" }],
    });
    expect(simulatedPnlChart(bootstrap!)).toEqual(expected);
  });

  it("throws naming a result that simulated nothing", () => {
    expect(() => simulatedPnlChart(rates!)).toThrowError(InputError);
    expect(() => simulatedPnlChart(rates!)).toThrowError(/rates \+200 bp simulated no P&L/);
  });
});
