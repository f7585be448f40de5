// One measured point of a scaling curve.

/** A case at one size: both sides' median seconds and peak memory, and whether they agree. */
export interface ScalingPoint {
  readonly series: string;
  readonly size: number;
  readonly oursSeconds: number | null;
  readonly baselineSeconds: number | null;
  readonly oursPeakMB: number | null;
  readonly baselinePeakMB: number | null;
  /** Whether both sides computed the same thing; `null` when a side did not run. */
  readonly agrees: boolean | null;
  /** The agreement sentence, why a side did not run, or a side's whole error. */
  readonly detail: string;
}
