/**
 * The simulated profit and loss of a Monte Carlo stress scenario, with its VaR and CVaR marked.
 */
import { InputError } from "../core/index";
import type { StressResult } from "../stress/index";
import type { Figure } from "./figure";
import { markedHistogramChart } from "./marked-histogram-chart";

/**
 * A histogram of a simulated scenario's P&L over its horizon, in money (+ gain, − loss), with vertical lines at minus
 * the VaR and minus the CVaR.
 *
 * @param result a result of `runStressTests` with a `bootstrapSimulation` or `studentTSimulation`; not changed.
 * @param currency the capital's currency, on the value axis (default `"USD"`).
 * @example
 * ```ts
 * for (const result of simulated) show(simulatedPnlChart(result));
 * simulatedPnlChart(result).layout.title; // => { text: "Student-t (ν = 5), 10-day horizon: simulated 10-day P&L" }
 * ```
 * @throws InputError NO_SIMULATION when the result simulated nothing (a historical or instant scenario).
 */
export function simulatedPnlChart(result: StressResult, currency = "USD"): Figure {
  const tail = result.tail;
  if (tail?.pnl === undefined) {
    throw new InputError("NO_SIMULATION", `simulatedPnlChart: ${result.scenario} simulated no P&L; pass the result of a Monte Carlo scenario (bootstrapSimulation, studentTSimulation)`, { scenario: result.scenario });
  }
  const level = `${tail.confidence * 100} %`;
  return markedHistogramChart({
    title: `${result.scenario}: simulated ${tail.horizonDays}-day P&L`,
    values: tail.pnl,
    valueAxis: `profit and loss (${currency})`,
    valueFormat: ",.0f",
    markers: [
      { value: -tail.valueAtRisk, label: `VaR ${level}` },
      { value: -tail.conditionalValueAtRisk, label: `CVaR ${level}` },
    ],
  });
}
