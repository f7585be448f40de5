/**
 * Scoring the checks against a synthetic market's defect manifest: which planted defects the
 * findings point at, and which they miss.
 */
import type { DefectManifest } from "../data/index";
import type { Finding } from "./finding";

/**
 * One planted defect and the finding that found it (`null`: missed).
 *
 * @example
 * ```ts
 * const row: PlantedDefectMatch = { defect: "stale run", ticker: "CMDX", when: "2011-05-12 to 2011-05-19",
 *   findingId: "stale-price/CMDX/2011-05-12", found: true };
 * ```
 */
export interface PlantedDefectMatch {
  /** `"stale run"`, `"unadjusted split"`, `"missing price row"`, `"bad price (rejected)"`, `"missing year"`, `"restatement"`. */
  readonly defect: string;
  readonly ticker: string;
  readonly when: string;
  readonly findingId: string | null;
  readonly found: boolean;
}

const within = (date: string, f: Finding): boolean => f.target.kind === "price-days" && f.target.from <= date && date <= f.target.to;

/**
 * For each defect of the manifest that validation is meant to catch, the finding that points at it:
 * stale runs (a `stale-price` finding overlapping the run), unadjusted splits (`unadjusted-split` on
 * the split date), missing price rows and bad prices (rejected by the build, so also missing: a
 * `price-gap` covering the date), missing years (`missing-year` with the period end) and
 * restatements (`restatement` with the period end). Duplicates and unit or ticker changes are
 * repaired by the SQL build and not listed. Inputs are only read.
 *
 * @example
 * ```ts
 * matchPlantedDefects(market.defects, report.findings).filter((m) => !m.found); // => []
 * ```
 */
export function matchPlantedDefects(defects: DefectManifest, findings: readonly Finding[]): PlantedDefectMatch[] {
  const out: PlantedDefectMatch[] = [];
  const add = (defect: string, ticker: string, when: string, hit: Finding | undefined): void => {
    out.push({ defect, ticker, when, findingId: hit?.id ?? null, found: hit !== undefined });
  };
  const of = (rule: string, ticker: string): Finding[] => findings.filter((f) => f.rule === rule && f.ticker === ticker);
  for (const s of defects.prices.staleRuns) {
    add("stale run", s.ticker, `${s.start} to ${s.end}`, of("stale-price", s.ticker).find((f) => f.target.kind === "price-days" && f.target.from <= s.end && s.start <= f.target.to));
  }
  for (const s of defects.prices.unadjustedSplits) add("unadjusted split", s.ticker, s.date, of("unadjusted-split", s.ticker).find((f) => f.date === s.date));
  for (const m of defects.prices.missingRows) add("missing price row", m.ticker, m.date, of("price-gap", m.ticker).find((f) => within(m.date, f)));
  for (const b of defects.prices.badPrices) add("bad price (rejected)", b.ticker, b.date, of("price-gap", b.ticker).find((f) => within(b.date, f)));
  for (const y of defects.fundamentals.missingYears) add("missing year", y.ticker, y.periodEnd, of("missing-year", y.ticker).find((f) => f.date === y.periodEnd));
  for (const r of defects.fundamentals.restatements) add("restatement", r.ticker, r.periodEnd, of("restatement", r.ticker).find((f) => f.date === r.periodEnd));
  return out;
}
