/**
 * What a check reports: a finding about one company and one year or date,
 * with a severity, a sentence a person can read, a stable id, and what an
 * analyst may decide about it.
 */

/**
 * How serious a finding is: `info` (worth knowing), `warning` (look at it), `error` (wrong data).
 *
 * @example
 * ```ts
 * const s: Severity = "warning";
 * ```
 */
export type Severity = "info" | "warning" | "error";

/** Severities from least to most serious. */
export const SEVERITIES: readonly Severity[] = Object.freeze(["info", "warning", "error"] as const);

/**
 * The checks, each with its own sheet in the review workbook.
 *
 * @example
 * ```ts
 * const c: CheckName = "earnings";
 * ```
 */
export type CheckName = "earnings" | "prices";

/**
 * What an analyst decides about a finding: keep the data as it is (`accept`), take it out of
 * the modelling set (`exclude`), or replace the value (`adjust`).
 *
 * @example
 * ```ts
 * const d: DecisionKind = "exclude";
 * ```
 */
export type DecisionKind = "accept" | "exclude" | "adjust";

/** Every decision kind, in the order the workbook's list offers them. */
export const DECISION_KINDS: readonly DecisionKind[] = Object.freeze(["accept", "exclude", "adjust"] as const);

/**
 * A base figure of a company-year that a decision can adjust (derived ratios are recomputed from them).
 *
 * @example
 * ```ts
 * const f: FundamentalField = "netIncome";
 * ```
 */
export type FundamentalField = "revenue" | "netIncome" | "operatingIncome" | "totalAssets" | "totalEquity" | "sharesOutstanding";

/**
 * The rows of the modelling set a finding is about:
 * - `company-year`: one company's fiscal year in the fundamentals (`field`: the figure an adjustment replaces);
 * - `price-days`: one ticker's adjusted closes from `from` to `to` (inclusive ISO dates);
 * - `none`: nothing to exclude or adjust (e.g. a missing year).
 *
 * @example
 * ```ts
 * const t: FindingTarget = { kind: "price-days", from: "2011-05-12", to: "2011-05-19" };
 * ```
 */
export type FindingTarget =
  | { readonly kind: "company-year"; readonly fiscalYear: number; readonly field: FundamentalField }
  | { readonly kind: "price-days"; readonly from: string; readonly to: string }
  | { readonly kind: "none" };

/**
 * One thing a check flagged.
 *
 * @example
 * ```ts
 * const f: Finding = { id: "stale-price/CMDX/2011-05-12", check: "prices", rule: "stale-price", ticker: "CMDX",
 *   fiscalYear: null, date: "2011-05-12", severity: "warning", value: 17.64,
 *   message: "CMDX: the adjusted close stays at 17.64 for 6 market days, 2011-05-12 to 2011-05-19 (volume 0 on each)",
 *   target: { kind: "price-days", from: "2011-05-12", to: "2011-05-19" }, allowed: ["accept", "exclude"] };
 * ```
 */
export interface Finding {
  /** Stable id, `rule/ticker/period[/field]`: the same data gives the same id in every run. */
  readonly id: string;
  readonly check: CheckName;
  /** The rule that fired, e.g. `"net-margin-out-of-bounds"`, `"stale-price"`. */
  readonly rule: string;
  readonly ticker: string;
  /** Fiscal year (canonical alignment) for fundamentals findings, else `null`. */
  readonly fiscalYear: number | null;
  /** The period end (fundamentals) or the first date concerned (prices), ISO; `null` if none. */
  readonly date: string | null;
  readonly severity: Severity;
  /** The value in question (units in the message), or `null`. */
  readonly value: number | null;
  /** One sentence a person can read. */
  readonly message: string;
  readonly target: FindingTarget;
  /** The decisions that make sense for this finding (`accept` always does). */
  readonly allowed: readonly DecisionKind[];
}

/**
 * The stable id of a finding: rule, ticker, period and (optionally) a field, joined by "/".
 *
 * @example
 * ```ts
 * findingId("revenue-jump", "QBTX", 2012); // => "revenue-jump/QBTX/2012"
 * findingId("restatement", "QBTX", "2012-12-31", "revenue"); // => "restatement/QBTX/2012-12-31/revenue"
 * ```
 */
export function findingId(rule: string, ticker: string, period: string | number, field?: string): string {
  return [rule, ticker, String(period), ...(field ? [field] : [])].join("/");
}

/**
 * Findings sorted for reading: by check, ticker, date or year, then rule.
 * Returns a new array; the input is not changed.
 *
 * @example
 * ```ts
 * sortFindings(findings)[0].check; // => "earnings"
 * ```
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding): string => `${f.check}\u0000${f.ticker}\u0000${f.date ?? String(f.fiscalYear ?? "")}\u0000${f.rule}\u0000${f.id}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Counts of findings by severity.
 *
 * @example
 * ```ts
 * countBySeverity([{ severity: "error" }, { severity: "info" }] as Finding[]); // => { info: 1, warning: 0, error: 1 }
 * ```
 */
export function countBySeverity(findings: readonly Pick<Finding, "severity">[]): Record<Severity, number> {
  const out: Record<Severity, number> = { info: 0, warning: 0, error: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
