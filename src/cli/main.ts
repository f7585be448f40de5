import { WorkbookError } from "../core/index";
import { runWorkbook } from "../workbook/index";

/** Usage of `npx workbook`. */
export const USAGE = `Usage: npx workbook COMMAND [options]

Commands:
  run [NOTEBOOK …] [--param NAME=VALUE …]   execute the notebooks headless (same as npm run workbook)
  backtest --prices FILE --strategy NAME    backtest a strategy on a CSV of prices, with costs and a trade log
  optimize --prices FILE --method METHOD    optimised weights and their performance for a CSV of prices
  help                                      this text

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
export async function main(argv: readonly string[], out: (line: string) => void = (l) => console.log(l), err: (line: string) => void = (l) => console.error(l)): Promise<number> {
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
      err(e.message);
      return 2;
    }
    throw e;
  }
}
