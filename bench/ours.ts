// Runs one benchmark case of this project in its own process: `tsx bench/ours.ts CASE DIR WARMUP REPS`, where CASE is a
// case's name or `series@size`, a point of a scaling curve (bench/scaling/series.ts).
// Prints one JSON line: { seconds: [...], peakMB, result }.
// Only the case's own module is loaded (bench/cases/NAME.ts, or the scaling series for `series@size`), so the peak
// memory is that of the case, as the baseline's script imports only what its case needs: loading every case (the
// forest, the LSTM, DuckDB, BullMQ) added about 90 MB to every case's figure.
import type { BenchCase } from "./cases/case";
import type { SideReport } from "./io";

const [name, dir, warmupText, repsText] = process.argv.slice(2);
const bench = await loadCase(name ?? "");
if (!bench || !dir) {
  const { CASES } = await import("./cases/index");
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

/** The case named `id`: the export of `cases/<id>.ts` whose `name` is `id`, or the point `series@size` of a curve. */
async function loadCase(id: string): Promise<BenchCase<any> | undefined> {
  if (id.includes("@")) return (await import("./scaling/series")).scalingCase(id);
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  const module: Record<string, unknown> = await import(`./cases/${id}.ts`).catch(() => ({}));
  return Object.values(module).find((v): v is BenchCase<any> => typeof v === "object" && v !== null && (v as BenchCase<any>).name === id && typeof (v as BenchCase<any>).ours === "function");
}
