/**
 * The first finding of a rule: what an analyst picks to decide on.
 */
import type { DecisionKind, Finding } from "./finding";

/**
 * The first finding (in the report's order) raised by `rule`, and, when `allowing` is given, one that allows
 * that decision; `undefined` when there is none (a small market may have no stale run).
 *
 * @example
 * ```ts
 * firstFinding(report.findings, "stale-price")?.ticker;         // => "CMDX"
 * firstFinding(report.findings, "price-gap", "adjust")?.target; // => a one-day gap, which can be filled
 * firstFinding(report.findings, "no-such-rule");                 // => undefined
 * ```
 */
export function firstFinding(findings: readonly Finding[], rule: string, allowing?: DecisionKind): Finding | undefined {
  return findings.find((f) => f.rule === rule && (allowing === undefined || f.allowed.includes(allowing)));
}
