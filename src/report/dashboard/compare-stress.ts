/**
 * Stress losses of several portfolios side by side, and the stand-ins that let a replay cover late listings.
 */
import { InputError, tableOfRows, type LabelledVector, type Table, type Unit } from "../../core/index";
import { runStressTests, stressTable, type Scenario, type StressContext } from "../../stress/index";

/** A portfolio to stress: its name and weights (a `Portfolio` will do). */
export interface NamedWeights {
  readonly name: string;
  readonly weights: LabelledVector;
}

/**
 * Every scenario run on every portfolio, one row per scenario, largest loss of the first portfolio first: the
 * scenario's period, then for the first portfolio its loss (money, a gain is negative), the loss as a fraction of
 * capital and the holding that loses most, then the loss of each other portfolio.
 *
 * @param scenarios the stress scenarios (historical windows, shocks…).
 * @param portfolios named weights, each fully invested; the first is the one the table is sorted by.
 * @param context prices, instruments and proxies the scenarios read.
 * @param options `{ capital }`, money behind every portfolio.
 * @throws InputError NO_PORTFOLIO for an empty list; as `runStressTests`.
 * @example
 * ```ts
 * compareStress(scenarios, [balanced, current], context, { capital: 1_000_000 });
 * // scenario        period                        Balanced loss  Balanced loss share  largest loss  current loss
 * // equities −20 %  instant                          104,000.00               10.40 %  MKTIDX 48,000    120,000.00
 * ```
 */
export function compareStress(scenarios: readonly Scenario[], portfolios: readonly NamedWeights[], context: StressContext, options: { readonly capital: number }): Table {
  const [first, ...others] = portfolios;
  if (first === undefined) throw new InputError("NO_PORTFOLIO", "compareStress: no portfolio to stress; pass at least one");
  const main = stressTable(runStressTests(scenarios, { weights: first.weights, capital: options.capital }, context));
  const rest = others.map((p) => stressTable(runStressTests(scenarios, { weights: p.weights, capital: options.capital }, context)));
  const rows = main.map((r, k) => ({
    scenario: r.scenario,
    period: r.period,
    [`${first.name} loss`]: r.loss,
    [`${first.name} loss share`]: r.lossFraction,
    "largest loss": r.largestLoss,
    ...Object.fromEntries(others.map((p, j) => [`${p.name} loss`, (rest[j] ?? [])[k]?.loss ?? Number.NaN])),
  }));
  rows.sort((a, b) => (b[`${first.name} loss`] as number) - (a[`${first.name} loss`] as number));
  const units: Record<string, Unit> = { period: "text", [`${first.name} loss`]: "money", [`${first.name} loss share`]: "fraction", "largest loss": "text" };
  for (const p of others) units[`${p.name} loss`] = "money";
  return tableOfRows(rows, { units, caption: `Losses on ${options.capital.toLocaleString("en-US")} (a gain is negative)` });
}
