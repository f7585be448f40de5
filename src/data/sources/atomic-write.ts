/**
 * Writing a file so that a crash at any moment leaves either the old file or
 * the new one, never a half-written one: write a temporary file in the same
 * folder, flush it to disk (fsync), then rename it over the target (rename is
 * atomic within one file system), then fsync the folder so the rename itself
 * survives a power loss.
 *
 * A writer killed outright (SIGKILL, power loss) cannot remove its temporary
 * file: the target is intact, and the torn `.NAME.PID.HEX.tmp` beside it is
 * removed by the next write of the same file once process PID is gone.
 */
import { open, readdir, rename, unlink, mkdir } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/**
 * Options of {@link writeFileAtomic}.
 *
 * @example
 * ```ts
 * const options: AtomicWriteOptions = { chunkBytes: 1 << 16 };
 * ```
 */
export interface AtomicWriteOptions {
  /** Bytes written per write call. Default 64 KiB. */
  readonly chunkBytes?: number;
  /**
   * Writes one chunk to the temporary file; default `handle.write(chunk)`.
   * Tests inject one that throws half way to simulate a crash mid-write.
   */
  readonly writeChunk?: (handle: FileHandle, chunk: Uint8Array, index: number) => Promise<void>;
}

/**
 * Removes the temporary files that writers of `path` left behind when they were
 * killed mid-write: `.NAME.PID.HEX.tmp` files in the same folder whose process
 * PID no longer exists. Files of live writers are kept. Returns the names removed.
 *
 * @example
 * ```ts
 * await removeStaleTempFiles("data/cache/yahoo/prices/AAPL_2024-01-02_2024-01-08.csv");
 * // => [".AAPL_2024-01-02_2024-01-08.csv.48113.9f2c01ab.tmp"] (its writer was killed)
 * ```
 */
export async function removeStaleTempFiles(path: string): Promise<string[]> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!match || processIsAlive(Number(match[1]))) continue;
    try {
      await unlink(join(dir, name));
      removed.push(name);
    } catch {
      /* another writer removed it first */
    }
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}

/**
 * Writes `content` (UTF-8) to `path` atomically, creating the folder if needed.
 * On failure the temporary file is removed (best effort) and the error rethrown;
 * the previous file at `path`, if any, is untouched. Temporary files left by
 * writers of `path` that were killed are removed first ({@link removeStaleTempFiles}).
 *
 * @example
 * ```ts
 * await writeFileAtomic("data/cache/yahoo/AAPL.csv", "date,close\n2024-01-02,185.64\n");
 * ```
 */
export async function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const bytes = Buffer.from(content, "utf8");
  const chunkBytes = Math.max(1, options.chunkBytes ?? 1 << 16);
  const writeChunk = options.writeChunk ?? (async (h: FileHandle, chunk: Uint8Array) => void (await h.write(chunk)));
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, "wx");
    for (let offset = 0, index = 0; offset < bytes.length; offset += chunkBytes, index++) {
      await writeChunk(handle, bytes.subarray(offset, Math.min(bytes.length, offset + chunkBytes)), index);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  // Persist the rename itself; not every platform lets a folder be fsynced.
  try {
    const d = await open(dir, "r");
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* best effort */
  }
}
