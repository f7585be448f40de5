/**
 * One progress reporter for long runs on a terminal or in a log: a bar with the rate and the time left when the
 * output is a terminal, plain throttled lines when it is not (CI, a file, a notebook), nothing when quiet.
 */
import { throttledProgressLogger, type ProgressCount } from "./progress";

/** Where a reporter writes: a stream, as `process.stderr`. */
export interface ProgressStream {
  write(text: string): unknown;
  /** True on a terminal: the reporter then redraws one line. */
  readonly isTTY?: boolean;
  /** The terminal's width in columns. */
  readonly columns?: number;
}

/** Options of {@link progressReporter}. */
export interface ProgressReporterOptions {
  /** Where to write (default `process.stderr`). */
  readonly stream?: ProgressStream;
  /** Write nothing (a command's `--quiet`). */
  readonly quiet?: boolean;
  /** Units, for the lines: "jobs", "days", "notebooks" (default "steps"). */
  readonly unit?: string;
  /** Off a terminal, a line each time at least this fraction of the total has passed (default 0.25). */
  readonly every?: number;
  /** The clock, in milliseconds (default `Date.now`), for tests. */
  readonly now?: () => number;
}

/** A progress event: `done` of `total` units of the run `label`, with an optional note (`2 failed`). */
export interface ProgressUpdate extends ProgressCount {
  readonly label: string;
  readonly note?: string;
}

/**
 * Seconds as `1:05` (or `1:02:05`), for the time left.
 *
 * @example
 * ```ts
 * clockTime(65); // => "1:05"
 * ```
 */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${r}` : `${m}:${r}`;
}

/**
 * A progress callback. On a terminal it redraws one line, at most ten times a second:
 * `sweep [██████░░░░░░░░░░] 40 % 400/1000 jobs · 12.3/s · 0:49 left · 2 failed`, and ends it with a line break when
 * the run completes. Off a terminal it writes `sweep: 400/1000 jobs (40 %), 12.3/s, 0:49 left, 2 failed` each
 * `every` of the way and at the end. Quiet, it does nothing. The rate is the run's average since its first event.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * let t = 0;
 * const report = progressReporter({ stream: { write: (s) => lines.push(s) }, unit: "jobs", every: 0.5, now: () => t });
 * for (let done = 0; done <= 4; done++, t += 1000) report({ label: "sweep", done, total: 4 });
 * lines; // => ["sweep: 2/4 jobs (50 %), 1.0/s, 0:02 left\n", "sweep: 4/4 jobs (100 %), 1.0/s, 0:00 left\n"]
 * ```
 */
export function progressReporter(options: ProgressReporterOptions = {}): (update: ProgressUpdate) => void {
  if (options.quiet) return () => {};
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const unit = options.unit ?? "steps";
  const started = new Map<string, { at: number; from: number }>();
  const figures = (u: ProgressUpdate) => {
    let start = started.get(u.label);
    if (!start || u.done < start.from) started.set(u.label, (start = { at: now(), from: 0 }));
    const seconds = (now() - start.at) / 1000;
    const rate = seconds > 0 ? (u.done - start.from) / seconds : 0;
    const left = rate > 0 ? (u.total - u.done) / rate : NaN;
    const pct = u.total > 0 ? Math.floor((100 * u.done) / u.total) : 100;
    return { rate: rate.toFixed(1), left: Number.isFinite(left) ? `${clockTime(left)} left` : "time left unknown", pct };
  };
  if (!stream.isTTY) {
    let current: ReturnType<typeof figures> | undefined;
    const log = throttledProgressLogger<ProgressUpdate>(
      (u) => u.label,
      (u) => `${u.label}: ${u.done}/${u.total} ${unit} (${current!.pct} %), ${current!.rate}/s, ${current!.left}${u.note ? `, ${u.note}` : ""}`,
      { write: (line) => void stream.write(`${line}\n`), every: options.every ?? 0.25 },
    );
    return (u) => {
      current = figures(u); // also starts the run's clock at its first event, written or not
      log(u);
    };
  }
  let lastDraw = -Infinity;
  return (u) => {
    const f = figures(u);
    const complete = u.done >= u.total;
    if (!complete && now() - lastDraw < 100) return;
    lastDraw = now();
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
    const filled = Math.round((width * f.pct) / 100);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    stream.write(`\r${u.label} [${bar}] ${f.pct} % ${u.done}/${u.total} ${unit} · ${f.rate}/s · ${f.left}${u.note ? ` · ${u.note}` : ""}\u001b[K${complete ? "\n" : ""}`);
  };
}
