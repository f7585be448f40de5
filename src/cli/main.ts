import { readFileSync } from "node:fs";
import { packagePath, WorkbookError } from "../core/index";
import { writeError } from "./command-line";
import { runWorkbook } from "../workbook/index";

/** Usage of `npx workbook`. */
export const USAGE = `Usage: npx workbook COMMAND [options]

Commands:
  run [NOTEBOOK …] [--param NAME=VALUE …]   execute the notebooks headless (same as npm run workbook)
  backtest --prices FILE --strategy NAME    backtest a strategy on a CSV of prices, with costs and a trade log
  optimize --prices FILE --method METHOD    optimised weights and their performance for a CSV of prices
  sweep GRID.json [--workers N | --queue redis://HOST:PORT]
                                            a grid of backtests or notebook runs, on a local pool or a queue
  worker --queue redis://HOST:PORT          take sweep jobs from a queue (run on any number of machines)
  monitor --prices FILE | --embedded         drift indicators on new prices; retrain when they cross thresholds (cron)
  help                                      this text
  --version                                 the package's version

Run "npx workbook COMMAND --help" for a command's options.`;

/**
 * The `workbook` command line: dispatches to a command and returns the exit code.
 * Errors of the workbook's own types are printed as their message (no stack); exit code 2.
 *
 * @example
 * ```ts
 * await main(["run", "00", "--param", "years=3"]); // => 0
 * ```
 */
export async function main(argv: readonly string[], out: (line: string) => void = (l) => console.log(l), err: (line: string) => void = writeError): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await runWorkbook(rest, out);
      case "backtest":
        // Loaded on demand: the backtest brings DuckDB and the allocation layer, which "run" does not need.
        return await (await import("./backtest-command")).runBacktestCommand(rest, out, err);
      case "optimize":
        // Loaded on demand, like the backtest: the allocation layer and DuckDB are not needed by "run".
        return await (await import("./optimize-command")).runOptimizeCommand(rest, out, err);
      case "sweep":
        // Loaded on demand: BullMQ, DuckDB and the backtest layer are not needed by the other commands.
        return await (await import("./sweep-command")).runSweepCommand(rest, out, err);
      case "worker":
        return await (await import("./worker-command")).runWorkerCommand(rest, out);
      case "monitor":
        // Loaded on demand: DuckDB and the models are not needed by the other commands.
        return await (await import("./monitor-command")).runMonitorCommand(rest, out, err);
      case "--version":
      case "-V":
      case "version":
        out(packageVersion());
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`workbook: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof WorkbookError) {
      // The --json contract (command-line.ts): the failure is also one JSON document on standard output.
      if (rest.includes("--json")) out(JSON.stringify({ error: { name: e.name, code: e.code, message: e.message, details: e.details } }, null, 2));
      err(e.message);
      return 2;
    }
    throw e;
  }
}

/** The installed package's version, from its package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
}
