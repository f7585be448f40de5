/**
 * A sweep's report as a one-row table, for a notebook.
 */
import { tableOfRows, type Table } from "../core/index";
import type { SweepReport } from "./run-sweep";

/**
 * What a sweep did, as a table: jobs, skipped (done before), done, failed, duplicate results dropped, seconds and
 * jobs per second; where it ran in the caption.
 *
 * @example
 * ```ts
 * sweepReportTable(await runSweep(grid, { results: "build/sweeps/demo" })).column("done").values[0]; // => 36
 * ```
 */
export function sweepReportTable(report: SweepReport): Table {
  const row = {
    sweep: report.name,
    jobs: report.jobs,
    skipped: report.skipped,
    done: report.done,
    failed: report.failed,
    duplicates: report.duplicates,
    seconds: report.seconds,
    jobsPerSecond: report.jobsPerSecond,
  };
  return tableOfRows([row], { units: { jobs: "count", skipped: "count", done: "count", failed: "count", duplicates: "count", seconds: "ratio", jobsPerSecond: "ratio" }, caption: `ran on the ${report.ranOn}` });
}
