/**
 * A job's identity: the hash of its configuration and of the data it reads, so the same job is done once.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { hashParameters } from "../backtest/index";
import { packagePath } from "../core/index";
import type { JobSpec } from "./sweep-spec";

/** A job ready for a worker: its identity, its spec, and the hash of the prices it reads (`null` for a notebook). */
export interface QueuedJob {
  /** {@link jobId}: 16 hex characters. */
  readonly id: string;
  readonly sweep: string;
  readonly spec: JobSpec;
  /** The data version: the prices' hash for a backtest, the notebook file's hash for a notebook run. */
  readonly dataHash: string | null;
}

/**
 * SHA-256 (first 16 hex characters) of a notebook file's bytes: the version of a notebook run's code and data
 * (the notebook builds its data from its parameters).
 *
 * @example
 * ```ts
 * notebookHash("09-risk-measures").length; // => 16
 * ```
 */
export function notebookHash(notebook: string, notebooksDir = packagePath("notebooks")): string {
  return createHash("sha256").update(readFileSync(join(notebooksDir, `${notebook}.ipynb`))).digest("hex").slice(0, 16);
}

/**
 * The identity of a job: the hash of its canonical configuration (keys sorted) and of its data version. Same
 * configuration on the same data, same id, whatever the sweep or machine; any change of either, a new id.
 *
 * @example
 * ```ts
 * jobId({ kind: "notebook", notebook: "00-tour", parameters: { years: 3 } }, "ab12").length; // => 16
 * ```
 */
export function jobId(spec: JobSpec, dataHash: string | null): string {
  return hashParameters({ job: spec, data: dataHash });
}
