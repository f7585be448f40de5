#!/usr/bin/env node
// npm run build: compiles src/ into dist/ (CommonJS JavaScript, declarations, declaration maps, source maps),
// incrementally, so that notebooks and users import the library by its package name, precompiled.
//
//   node scripts/build.mjs            build when a file of src/ (or the build's config) is newer than dist/
//   node scripts/build.mjs --force    build whatever the dates say
//   node scripts/build.mjs --check    exit 1 (and say why) when dist/ is stale, without building
//
// Also links node_modules/allocation-workbook to the project, so that tslab's TypeScript (module resolution
// "node10", which knows no package self-reference) finds the package's declarations by name, as in an install.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const stamp = join(dist, ".tsbuildinfo");
const configs = ["tsconfig.json", "tsconfig.build.json", "package.json"].map((f) => join(root, f));

/** Newest modification time (ms) of the files under a folder. */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

/** Why dist/ is out of date, or null when it is current. */
export function staleReason() {
  if (!existsSync(stamp)) return "dist/ has not been built";
  const built = statSync(stamp).mtimeMs;
  const changed = Math.max(newest(src), ...configs.map((f) => statSync(f).mtimeMs));
  return changed > built ? "src/ changed since the last build" : null;
}

/** Files tsc does not emit but the built library loads next to its JavaScript (CommonJS helpers). */
function copyAssets(dir = src) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (/\.(cjs|d\.cts)$/.test(entry.name)) {
      const target = join(dist, relative(src, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}

function linkSelf() {
  const link = join(root, "node_modules", "allocation-workbook");
  if (!existsSync(join(root, "node_modules"))) return;
  try {
    if (lstatSync(link).isSymbolicLink() && readlinkSync(link) === "..") return;
    rmSync(link, { recursive: true, force: true });
  } catch {
    // absent: create it below
  }
  symlinkSync("..", link, "dir");
}

const args = process.argv.slice(2);
const reason = args.includes("--force") ? "--force" : staleReason();
if (args.includes("--check")) {
  if (reason) {
    process.stderr.write(`[build] dist/ is stale: ${reason}; run npm run build\n`);
    process.exit(1);
  }
  process.exit(0);
}
linkSelf();
if (!reason) {
  if (!args.includes("--quiet")) process.stdout.write("[build] dist/ is up to date\n");
  process.exit(0);
}
// One build at a time: two kernels restarted together must not both write dist/.
const lock = join(root, "node_modules", ".allocation-workbook-build-lock");
const deadline = Date.now() + 180_000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (Date.now() > deadline) {
      process.stderr.write(`[build] another build has held ${lock} for 3 minutes; if none is running, remove it and build again\n`);
      process.exit(1);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}
process.on("exit", () => rmSync(lock, { recursive: true, force: true }));
if (!args.includes("--force") && staleReason() === null) {
  process.stdout.write("[build] dist/ was built meanwhile by another build\n");
  process.exit(0);
}
const started = Date.now();
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (run.status !== 0) {
  rmSync(stamp, { force: true }); // a failed build is never "current"
  process.stderr.write("[build] tsc failed: fix the errors above (npm run typecheck shows them too) and build again\n");
  process.exit(run.status ?? 1);
}
mkdirSync(dist, { recursive: true });
// dist/ is CommonJS, as tslab runs cells; the package itself stays "type": "module" for its scripts.
writeFileSync(join(dist, "package.json"), JSON.stringify({ type: "commonjs" }) + "\n");
copyAssets();
// tsc leaves the stamp untouched when nothing it emits changed; touch it so the dates say "current".
const now = new Date();
if (existsSync(stamp)) {
  const { utimesSync } = await import("node:fs");
  utimesSync(stamp, now, now);
}
process.stdout.write(`[build] dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})\n`);
