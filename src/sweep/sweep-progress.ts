/**
 * Progress of a sweep as lines: done, failed, remaining, rate and time left; or as events for core's
 * `progressReporter` (the command line's bar or lines).
 */
import type { ProgressUpdate } from "../core/index";

/** Counts of a sweep so far. */
export interface SweepCounts {
  /** Jobs this run has to do (those already done are skipped and not counted). */
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  /** Jobs skipped because a previous run did them. */
  readonly skipped: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/**
 * One progress line: jobs done and failed of the total, remaining, the rate since the start and the time left
 * at that rate.
 *
 * @param elapsedSeconds seconds since the first job was handed out.
 * @example
 * ```ts
 * progressLine("grid", { total: 400, done: 120, failed: 2, skipped: 0 }, 10);
 * // => "grid: 120 done, 2 failed, 278 remaining of 400 · 12.2 jobs/s · about 23 s left"
 * ```
 */
export function progressLine(name: string, counts: SweepCounts, elapsedSeconds: number): string {
  const finished = counts.done + counts.failed;
  const remaining = counts.total - finished;
  const rate = elapsedSeconds > 0 ? finished / elapsedSeconds : 0;
  const left = remaining === 0 ? "finished" : rate > 0 ? `about ${duration(remaining / rate)} left` : "time left unknown";
  const skipped = counts.skipped > 0 ? ` (${counts.skipped} skipped: done before)` : "";
  return `${name}: ${counts.done} done, ${counts.failed} failed, ${remaining} remaining of ${counts.total}${skipped} · ${rate.toFixed(1)} jobs/s · ${left}`;
}

/**
 * Counts a sweep's outcomes and prints a progress line at most every `everySeconds` (and always the last one).
 *
 * @example
 * ```ts
 * const p = new SweepProgress("grid", 400, 0, console.log);
 * p.finished("done"); // prints a line when a second has passed since the last
 * ```
 */
export class SweepProgress {
  #done = 0;
  #failed = 0;
  #last = 0;
  #first: number | null = null;
  readonly #start = performance.now();

  constructor(
    readonly name: string,
    readonly total: number,
    readonly skipped: number,
    private readonly write: (line: string) => void,
    private readonly everySeconds = 1,
    private readonly onUpdate?: (update: ProgressUpdate) => void,
  ) {}

  /** The counts so far. */
  get counts(): SweepCounts {
    return { total: this.total, done: this.#done, failed: this.#failed, skipped: this.skipped };
  }

  /** Seconds since the sweep started handing out jobs. */
  get elapsedSeconds(): number {
    return (performance.now() - this.#start) / 1000;
  }

  /** Seconds from the start to the first finished job (workers starting up, data loaded), or `null`. */
  get firstResultSeconds(): number | null {
    return this.#first === null ? null : (this.#first - this.#start) / 1000;
  }

  /** Records a finished job and prints a line if it is time (or the sweep is over). */
  finished(status: "done" | "failed"): void {
    if (status === "done") this.#done++;
    else this.#failed++;
    const now = performance.now();
    this.#first ??= now;
    this.onUpdate?.({ label: this.name, done: this.#done + this.#failed, total: this.total, note: `${this.#failed} failed` });
    if (this.#done + this.#failed === this.total || now - this.#last >= this.everySeconds * 1000) {
      this.#last = now;
      this.write(progressLine(this.name, this.counts, this.elapsedSeconds));
    }
  }

  /** The current line, whatever the time. */
  line(): string {
    return progressLine(this.name, this.counts, this.elapsedSeconds);
  }
}
