import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../../src/data/sources";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "wb-atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("writes a new file, creating folders, and replaces an old one", async () => {
    const path = join(dir, "a", "b", "x.csv");
    await writeFileAtomic(path, "one\n");
    expect(readFileSync(path, "utf8")).toBe("one\n");
    await writeFileAtomic(path, "two\n".repeat(10_000), { chunkBytes: 1000 });
    expect(readFileSync(path, "utf8")).toBe("two\n".repeat(10_000));
    expect(readdirSync(join(dir, "a", "b"))).toEqual(["x.csv"]);
  });

  it("leaves the old file whole when the write dies half way", async () => {
    const path = join(dir, "x.csv");
    writeFileSync(path, "old content\n");
    const written: number[] = [];
    await expect(
      writeFileAtomic(path, "new content that is long enough for several chunks\n", {
        chunkBytes: 8,
        writeChunk: async (handle, chunk, index) => {
          if (index === 3) throw new Error("killed mid-write");
          await handle.write(chunk);
          written.push(index);
        },
      }),
    ).rejects.toThrow("killed mid-write");
    expect(written).toEqual([0, 1, 2]);
    expect(readFileSync(path, "utf8")).toBe("old content\n");
    expect(readdirSync(dir)).toEqual(["x.csv"]); // the partial temp file was removed
  });

  it("leaves no file at all when a first write dies", async () => {
    const path = join(dir, "new.csv");
    await expect(writeFileAtomic(path, "abc", { writeChunk: async () => Promise.reject(new Error("disk full")) })).rejects.toThrow("disk full");
    expect(readdirSync(dir)).toEqual([]);
  });
});
