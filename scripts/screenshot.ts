// Screenshots a local HTML page with headless Chromium (Debian's `chromium`): the README's pictures.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Draws `htmlPath` in headless Chromium at `width` × `height` pixels and writes the PNG to `pngPath`; scripts get
 * `budgetMs` of virtual time to run (plotly draws within it).
 *
 * @example
 * screenshot("build/docs/picture.html", "docs/tour-weights.png", 900, 420);
 */
export function screenshot(htmlPath: string, pngPath: string, width: number, height: number, budgetMs = 5000): void {
  const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  try {
    const res = spawnSync("chromium", [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", `--user-data-dir=${profile}`, "--hide-scrollbars", `--window-size=${width},${height}`,
      `--virtual-time-budget=${budgetMs}`, `--screenshot=${pngPath}`, `file://${htmlPath}`,
    ], { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`chromium could not screenshot ${htmlPath} (exit ${res.status ?? res.signal}): ${res.stderr ?? res.error?.message}; install Debian's chromium (npm run setup does)`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
