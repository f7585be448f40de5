/**
 * Findings as tables a notebook shows: the findings themselves, and how many each rule raised.
 */
import { table, type Table } from "../core/index";
import { countBySeverity, SEVERITIES, type Finding } from "./finding";

/** Options of {@link findingsTable}. */
export interface FindingsTableOptions {
  /** At most this many rows are shown when the table displays itself (default 50). */
  readonly maxRows?: number;
}

/**
 * One row per finding, labelled by its stable id: severity and the sentence a person reads. Entries that are
 * `undefined` (a finding looked up and not there) are left out; no findings give an empty table.
 *
 * @example
 * ```ts
 * findingsTable(report.findings, { maxRows: 25 });             // displays id, severity, message
 * findingsTable([firstFinding(report.findings, "stale-price")]); // one row, or none
 * ```
 */
export function findingsTable(findings: readonly (Finding | undefined)[], options: FindingsTableOptions = {}): Table {
  const present = findings.filter((f): f is Finding => f !== undefined);
  const of = (value: (f: Finding) => string) => Object.fromEntries(present.map((f) => [f.id, value(f)]));
  return table(
    { severity: of((f) => f.severity), message: of((f) => f.message) },
    { labels: present.map((f) => f.id), labelName: "id", maxRows: options.maxRows },
  );
}

/**
 * How many findings each rule raised, by severity and in total (a count), rules in alphabetical order, under a
 * caption with the number of findings.
 *
 * @example
 * ```ts
 * const byRule = findingsByRule(report.findings);
 * byRule.column("findings").get("stale-price"); // => 2 (the default market's two stale runs)
 * show(vectorBarChart("Findings by rule", byRule.column("findings"), { horizontal: true, sort: true }));
 * ```
 */
export function findingsByRule(findings: readonly Finding[]): Table {
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const counts = new Map(rules.map((rule) => [rule, countBySeverity(findings.filter((f) => f.rule === rule))]));
  const columns = Object.fromEntries(SEVERITIES.map((s) => [s, Object.fromEntries(rules.map((r) => [r, counts.get(r)?.[s] ?? 0]))]));
  const totals = Object.fromEntries(rules.map((r) => [r, findings.filter((f) => f.rule === r).length]));
  const units = { info: "count", warning: "count", error: "count", findings: "count" } as const;
  return table({ ...columns, findings: totals }, { labels: rules, labelName: "rule", units, caption: `${findings.length} findings` });
}
