/**
 * Writing a file so that a crash at any moment leaves either the old file or
 * the new one, never a half-written one: write a temporary file in the same
 * folder, flush it to disk (fsync), then rename it over the target (rename is
 * atomic within one file system), then fsync the folder so the rename itself
 * survives a power loss.
 */
import { open, rename, unlink, mkdir } from "node:fs/promises";
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
 * Writes `content` (UTF-8) to `path` atomically, creating the folder if needed.
 * On failure the temporary file is removed (best effort) and the error rethrown;
 * the previous file at `path`, if any, is untouched.
 *
 * @example
 * ```ts
 * await writeFileAtomic("data/cache/yahoo/AAPL.csv", "date,close\n2024-01-02,185.64\n");
 * ```
 */
export async function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
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
