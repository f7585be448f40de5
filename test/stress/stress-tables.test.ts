import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { tableOfRows } from "../../src/core/labelled-table";
import { bootstrapSimulation } from "../../src/stress/bootstrap-simulation";
import { volatilityShock } from "../../src/stress/covariance-stress";
import { lossTable } from "../../src/stress/loss-table";
import { rateShock } from "../../src/stress/rate-shock";
import { runStressTests } from "../../src/stress/run-stress-test";
import { stressNotes } from "../../src/stress/stress-notes";
import { stressTable } from "../../src/stress/stress-table";
import { tailTable } from "../../src/stress/tail-table";
import { findWorstWindows } from "../../src/stress/worst-windows";
import { fixtureContext, fixturePortfolio } from "./helpers";

const results = runStressTests(
  [rateShock({ basisPoints: 100 }), volatilityShock({ horizonDays: 5 }), bootstrapSimulation({ seed: 3, horizonDays: 5, simulations: 300 })],
  fixturePortfolio(),
  fixtureContext(),
);
const [rates, doubled, bootstrap] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];

describe("lossTable", () => {
  it("holds the rows of stressTable, losses in money and in percent", () => {
    const t = lossTable(results);
    expect(t.toRows()).toEqual(stressTable(results));
    expect(t.column("loss").unit).toBe("money");
    expect(t.column("lossFraction").unit).toBe("fraction");
    // BND: 40 % of 1,000,000 × 7 years × 1 % = 28,000
    expect(t.column("loss").get("rates +100 bp")).toBeCloseTo(28000, 6);
  });

  it("sorts by loss, largest first", () => {
    const sorted = lossTable(results).sortBy("loss").column("loss").values;
    expect(Array.from(sorted)).toEqual([...results.map((r) => r.totalLoss)].sort((a, b) => b - a));
  });

  it("throws on no result", () => {
    expect(() => lossTable([])).toThrowError(InputError);
  });
});

describe("tailTable", () => {
  it("shows VaR and CVaR in money, the baseline of a covariance stress and the worst simulated loss", () => {
    const t = tailTable([doubled, bootstrap]);
    expect(t.columns).toEqual(["VaR", "CVaR", "baseline VaR", "baseline CVaR", "worst simulated"]);
    expect(t.column("CVaR").get(doubled.scenario)).toBe(doubled.tail?.conditionalValueAtRisk);
    // Doubling every volatility doubles the Gaussian zero-mean CVaR exactly.
    expect(t.column("CVaR").get(doubled.scenario)).toBeCloseTo(2 * (t.column("baseline CVaR").get(doubled.scenario)), 6);
    expect(t.column("worst simulated").get(bootstrap.scenario)).toBe(-Math.min(...(bootstrap.tail?.pnl ?? [])));
    expect(Number.isNaN(t.column("baseline VaR").get(bootstrap.scenario))).toBe(true);
    expect(t.column("VaR").unit).toBe("money");
    expect(t.caption).toBe("5-day loss at 95 % confidence, in money");
  });

  it("leaves out the columns no result has", () => {
    expect(tailTable([bootstrap]).columns).toEqual(["VaR", "CVaR", "worst simulated"]);
  });

  it("throws naming a result without a tail", () => {
    expect(() => tailTable([rates])).toThrowError(/rates \+100 bp has no tail/);
    expect(() => tailTable([])).toThrowError(InputError);
  });
});

describe("stressNotes", () => {
  it("lists every note of every result with its scenario", () => {
    const t = stressNotes(results);
    expect(t.length).toBe(results.reduce((n, r) => n + r.notes.length, 0));
    expect(t.toRows()[0]).toEqual({ scenario: rates.scenario, note: rates.notes[0] });
    expect(stressNotes(results, 2).maxRows).toBe(2);
  });

  it("throws when no result has a note", () => {
    expect(() => stressNotes([])).toThrowError(/none of the 0 results has a note/);
  });
});

describe("findWorstWindows rows", () => {
  it("make a table with units (the rows are records)", () => {
    const windows = findWorstWindows(fixturePortfolio(), fixtureContext(), { days: 5, count: 2 });
    const t = tableOfRows(windows, { units: { portfolioReturn: "fraction", loss: "money" } });
    expect(t.labels).toEqual(windows.map((w) => w.start));
    expect(t.column("loss").get(windows[0]?.start ?? "")).toBe(windows[0]?.loss);
  });
});
