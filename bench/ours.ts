// Runs one benchmark case of this project in its own process: `tsx bench/ours.ts CASE DIR WARMUP REPS`.
// Prints one JSON line: { seconds: [...], peakMB, result }.
import { CASES } from "./cases/index";
import type { SideReport } from "./io";

const [name, dir, warmupText, repsText] = process.argv.slice(2);
const bench = CASES.find((c) => c.name === name);
if (!bench || !dir) {
  console.error(`usage: tsx bench/ours.ts CASE DIR WARMUP REPS; cases: ${CASES.map((c) => c.name).join(", ")}`);
  process.exit(2);
}
const input = bench.load(dir);
let result: Record<string, number[] | number> = {};
for (let i = 0; i < Number(warmupText ?? 1); i++) result = await bench.ours(input);
const seconds: number[] = [];
for (let i = 0; i < Number(repsText ?? 3); i++) {
  const t0 = performance.now();
  result = await bench.ours(input);
  seconds.push((performance.now() - t0) / 1000);
}
const report: SideReport = { seconds, peakMB: process.resourceUsage().maxRSS / 1024, result };
process.stdout.write(JSON.stringify(report) + "\n");
