// A benchmark case: inputs written once, this project's side, the Python baseline, and the agreement check.
import type { SideReport } from "../io";

export type CaseResult = Record<string, number[] | number>;

/** One row of the benchmark table. */
export interface BenchCase<Input> {
  /** Short id, also the baseline script's name: bench/baselines/<name with _>.py */
  readonly name: string;
  /** The row's label, e.g. "long-only minimum volatility, 500 assets". */
  readonly title: string;
  /** What the baseline runs, e.g. "cvxopt solvers.qp"; `null` for an absolute case (goal in seconds). */
  readonly baseline: string | null;
  /** Goal: ours / baseline median time, or seconds for an absolute case. */
  readonly goal: number;
  /** Timed repetitions after one warm-up, for each side. */
  readonly reps: number;
  /** Writes the inputs (float64 files and meta.json) into `dir`, from a fixed seed. */
  prepare(dir: string): void;
  /** Reads the inputs back for this project's side (not timed). */
  load(dir: string): Input;
  /** This project's computation (timed). */
  ours(input: Input): CaseResult | Promise<CaseResult>;
  /** Whether both sides computed the same thing (for an absolute case: whether ours is right), and a sentence saying how. */
  agree(ours: SideReport, baseline: SideReport | null, dir: string): { agrees: boolean; detail: string };
}
