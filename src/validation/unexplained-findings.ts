/**
 * Findings that point at no planted defect: real features of the data, or thresholds worth tuning.
 */
import type { Finding } from "./finding";
import type { PlantedDefectMatch } from "./planted-defects";

/**
 * The findings no planted defect was matched to, in the report's order (inputs are only read).
 *
 * @example
 * ```ts
 * const planted = matchPlantedDefects(market.defects, report.findings);
 * unexplainedFindings(report.findings, planted).map((f) => f.rule); // => e.g. ["outlier-return", …]
 * ```
 */
export function unexplainedFindings(findings: readonly Finding[], matches: readonly PlantedDefectMatch[]): Finding[] {
  const explained = new Set(matches.map((m) => m.findingId));
  return findings.filter((f) => !explained.has(f.id));
}
