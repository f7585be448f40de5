/**
 * A Monte Carlo scenario: horizons built by resampling historical days (the bootstrap).
 */
import { InputError } from "../core/index";
import { createRng } from "../core/index";
import type { Scenario } from "./scenario";
import { proxyNotes } from "./stress-context";
import { resolveSimulation, simulatedOutcome, type SimulationOptions } from "./simulated-outcome";

/** Options of {@link bootstrapSimulation}. */
export interface BootstrapSimulationOptions extends SimulationOptions {
  /**
   * Days drawn together: 1 resamples single days (i.i.d.); a block of 5–20 keeps some of the clustering of
   * volatility and the short-run dependence of returns. Default 1.
   */
  readonly blockLength?: number;
}

/**
 * A Monte Carlo scenario: each of `simulations` horizons of `horizonDays` days is assembled from historical
 * days drawn at random with replacement (in blocks of `blockLength` consecutive days), using only days on
 * which every holding has a return (after proxies). Each holding compounds its drawn returns, bought and held.
 * No distribution is assumed, but nothing worse than the worst historical day can happen in a day.
 *
 * The loss is the CVaR of the simulated horizon P&L at `confidence`; the result's `tail` holds VaR, CVaR and
 * every simulated P&L (for a histogram).
 *
 * @param options `{ seed, horizonDays = 10, simulations = 10000, confidence = 0.95, blockLength = 1, name }`.
 * @throws InputError for bad settings (at construction), or NOT_ENOUGH_HISTORY when fewer complete days than
 *   one block exist (when run).
 *
 * @example
 * ```ts
 * const r = runStressTest(bootstrapSimulation({ seed: 7, horizonDays: 10 }), portfolio, context);
 * [r.tail.valueAtRisk, r.tail.conditionalValueAtRisk, r.tail.pnl.length]; // => e.g. [21000, 30500, 10000]
 * ```
 */
export function bootstrapSimulation(options: BootstrapSimulationOptions): Scenario {
  const caller = "bootstrapSimulation";
  const settings = resolveSimulation(options, caller);
  const blockLength = options.blockLength ?? 1;
  if (!Number.isSafeInteger(blockLength) || blockLength < 1) {
    throw new InputError("BAD_BLOCK_LENGTH", `${caller}: blockLength ${String(blockLength)} must be a whole number of days ≥ 1`, { blockLength });
  }
  const name = options.name ?? `bootstrap, ${settings.horizonDays}-day horizon${blockLength > 1 ? `, ${blockLength}-day blocks` : ""}`;
  return {
    name,
    kind: "monte-carlo",
    evaluate(history) {
      const k = history.tickers.length;
      const complete: number[] = [];
      for (let t = 0; t < history.dates.length; t++) {
        let ok = true;
        for (let c = 0; c < k && ok; c++) if (Number.isNaN(history.returns[t * k + c]!)) ok = false;
        if (ok) complete.push(t);
      }
      if (complete.length < Math.max(2, blockLength)) {
        throw new InputError(
          "NOT_ENOUGH_HISTORY",
          `${caller}: only ${complete.length} day${complete.length === 1 ? "" : "s"} ${complete.length === 1 ? "has" : "have"} a return for every holding (a block needs ${blockLength}); add proxies for the late-listing holdings`,
          { complete: complete.length },
        );
      }
      const rng = createRng(settings.seed);
      const growth = new Float64Array(settings.simulations * k).fill(1);
      const starts = complete.length - blockLength + 1;
      for (let s = 0; s < settings.simulations; s++) {
        let day = 0;
        while (day < settings.horizonDays) {
          const first = rng.int(starts);
          for (let b = 0; b < blockLength && day < settings.horizonDays; b++, day++) {
            const t = complete[first + b]!;
            for (let c = 0; c < k; c++) growth[s * k + c] = growth[s * k + c]! * (1 + history.returns[t * k + c]!);
          }
        }
      }
      const first = complete[0]!;
      const last = complete[complete.length - 1]!;
      const notes = [
        `${complete.length.toLocaleString("en-US")} historical days (${history.dates[first]} to ${history.dates[last]}) resampled${blockLength > 1 ? ` in blocks of ${blockLength}` : ", each day independently"}`,
        ...proxyNotes(history, first, last),
      ];
      return simulatedOutcome(
        history,
        growth,
        settings,
        `Monte Carlo: ${settings.simulations.toLocaleString("en-US")} ${settings.horizonDays}-day horizons resampled from history (seed ${settings.seed}); loss = CVaR at ${settings.confidence * 100} %`,
        notes,
      );
    },
  };
}
