/**
 * The one command-line layer of `npx workbook`: every command declares its options once, and gets from that
 * declaration its parser (node's `util.parseArgs`, strict), its typed values, its generated `--help` and one way of
 * reporting a bad flag (an {@link InputError} naming the flag, the value and what is allowed; `main` prints it
 * without a stack and exits 2).
 *
 * The `--json` contract, the same for every command: with `--json`, standard output carries exactly one JSON
 * document (the command's result, or `{"error": {name, code, message, details}}` when it fails), progress and
 * warnings go to standard error, and the exit code is the command's.
 */
import { parseArgs } from "node:util";
import { InputError, progressReporter, type ProgressUpdate } from "../core/index";

/** One option of a command: its placeholder (none for a switch), its help and how its text becomes a value. */
export interface CommandOption<T> {
  /** The value's placeholder in the help (`FILE.csv`, `N`); absent for a switch (`--json`). */
  readonly value?: string;
  /** The help text; `\n` starts another line, indented under the first. */
  readonly help: string;
  /** The flag, when it is not the kebab-case of the option's name (`--risk-free` for `riskFreeRate`). */
  readonly flag?: string;
  /** A one-letter alias (`h` for `-h`). */
  readonly short?: string;
  /** Reads the typed value from the text; throws through `fail`. Switches need none. */
  readonly read?: (raw: string, flag: string, fail: Fail) => T;
}

/** An option that takes a value and reads it into a `T`. */
export interface ValueOption<T> extends CommandOption<T> {
  readonly value: string;
  readonly read: (raw: string, flag: string, fail: Fail) => T;
}

/** Builds the typed error of a command (its message prefixed with the command and followed by the help hint). */
export type Fail = (code: string, message: string, details?: Record<string, unknown>) => InputError;

/** A command: name, one-line synopsis, description, options and exit codes. `--help` and `--json` are added. */
export interface CommandSpec<O extends Record<string, CommandOption<unknown>>> {
  readonly name: string;
  /** What follows `npx workbook NAME` in the usage line, e.g. `--prices FILE.csv --method METHOD [options]`. */
  readonly synopsis: string;
  readonly description: string;
  readonly options: O;
  /** Positional arguments (e.g. `GRID.json`); absent: none are accepted. */
  readonly positionals?: { readonly value: string; readonly help: string; readonly max?: number };
  /** Whether the command has a `--json` output (default true). */
  readonly json?: boolean;
  /** The exit codes, in words, e.g. `0 done, 2 bad flags or a bad file`. */
  readonly exitCodes: string;
}

/** The values of a command line: each option's typed value (switches `false` when absent, others `undefined`). */
export type CommandValues<O extends Record<string, CommandOption<unknown>>> = {
  readonly [K in keyof O]: O[K] extends { readonly read: (raw: string, flag: string, fail: Fail) => infer T } ? T | undefined : O[K] extends { readonly value: string } ? string | undefined : boolean;
};

/** A parsed command line. */
export interface ParsedCommand<O extends Record<string, CommandOption<unknown>>> {
  readonly values: CommandValues<O>;
  readonly positionals: readonly string[];
  readonly help: boolean;
  readonly json: boolean;
}

/** A declared command: its parser, its help text and its error builder. */
export interface Command<O extends Record<string, CommandOption<unknown>>> {
  readonly spec: CommandSpec<O>;
  /** The generated `--help` text. */
  readonly usage: string;
  /** The command's typed error: `workbook NAME: message` and the hint to run `--help`. */
  readonly fail: Fail;
  /** Parses a command line (without the command's name). @throws InputError UNKNOWN_FLAG, MISSING_VALUE, BAD_FLAG_VALUE, UNEXPECTED_ARGUMENT. */
  parse(argv: readonly string[]): ParsedCommand<O>;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const flagOf = (name: string, o: CommandOption<unknown>) => o.flag ?? `--${kebab(name)}`;
const HELP: CommandOption<boolean> = { help: "this text", short: "h" };
const JSON_SWITCH: CommandOption<boolean> = { help: "print the result as one JSON document on standard output (errors too)" };

/**
 * Declares a command.
 *
 * @example
 * ```ts
 * const hello = command({
 *   name: "hello", synopsis: "--name NAME", description: "Greets.", exitCodes: "0 done, 2 bad flags",
 *   options: { name: { value: "NAME", help: "who to greet (required)" }, times: numberOption("N", "how often", (x) => x >= 1, "a count ≥ 1") },
 * });
 * hello.parse(["--name", "Ada", "--times=2"]).values; // => { name: "Ada", times: 2 }
 * ```
 */
export function command<O extends Record<string, CommandOption<unknown>>>(spec: CommandSpec<O>): Command<O> {
  const withJson = spec.json !== false;
  const all: [string, CommandOption<unknown>][] = [...Object.entries(spec.options), ["help", HELP], ...(withJson ? ([["json", JSON_SWITCH]] as [string, CommandOption<unknown>][]) : [])];
  const byFlag = new Map(all.map(([name, o]) => [flagOf(name, o), [name, o] as const]));
  const fail: Fail = (code, message, details = {}) => new InputError(code, `workbook ${spec.name}: ${message}\n\nRun "npx workbook ${spec.name} --help" for the options.`, details);
  const usage = helpText(spec, all);

  function parse(argv: readonly string[]): ParsedCommand<O> {
    const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
    for (const [name, o] of all) options[flagOf(name, o).slice(2)] = { type: o.value === undefined ? "boolean" : "string", ...(o.short ? { short: o.short } : {}) };
    let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({ args: joinDashValues(argv, byFlag), options, strict: true, allowPositionals: spec.positionals !== undefined }) as typeof parsed;
    } catch (e) {
      throw parseError(e, fail, argv);
    }
    const help = parsed.values.help === true;
    const values: Record<string, unknown> = {};
    for (const [name, o] of Object.entries(spec.options)) {
      const flag = flagOf(name, o);
      const raw = parsed.values[flag.slice(2)];
      if (o.value === undefined) values[name] = raw === true;
      else if (raw === undefined || help) values[name] = raw;
      else values[name] = o.read ? o.read(String(raw), flag, fail) : String(raw);
    }
    const max = spec.positionals?.max ?? Infinity;
    if (parsed.positionals.length > max) throw fail("UNEXPECTED_ARGUMENT", `unexpected argument ${parsed.positionals[max]} (${spec.positionals!.value} takes at most ${max})`, { argument: parsed.positionals[max] });
    return { values: values as CommandValues<O>, positionals: parsed.positionals, help, json: parsed.values.json === true };
  }
  return { spec, usage, fail, parse };
}

/**
 * `--bounds -0.2,1`: a value that starts with a dash but reads as a number is the option's value, not a flag
 * (parseArgs would call it ambiguous). Such pairs are joined as `--bounds=-0.2,1`.
 */
function joinDashValues(argv: readonly string[], byFlag: ReadonlyMap<string, readonly [string, CommandOption<unknown>]>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (byFlag.get(a)?.[1].value !== undefined && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs' errors, as the command's typed errors with the flag named. */
function parseError(e: unknown, fail: Fail, argv: readonly string[]): unknown {
  const err = e as { code?: string; message?: string };
  const flag = /'(-[^' ]+)/.exec(err.message ?? "")?.[1];
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return fail("UNKNOWN_FLAG", `unknown flag ${flag ?? argv.find((a) => a.startsWith("-"))}`, { flag });
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const arg = /'([^']*)'/.exec(err.message ?? "")?.[1];
      return fail("UNKNOWN_FLAG", `unknown argument ${arg}`, { flag: arg });
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(err.message ?? "")) return fail("BAD_FLAG_VALUE", `${flag} is a switch and takes no value`, { flag });
      return fail("MISSING_VALUE", `${flag} needs a value`, { flag });
    default:
      return e;
  }
}

/** Help lines wrap at this many columns. */
const HELP_COLUMNS = 118;

/** Splits a line at spaces into pieces of at most `columns` characters (a longer word stays whole). */
function wrap(line: string, columns: number): string[] {
  if (line.length <= columns) return [line];
  const indent = /^\s*/.exec(line)![0];
  const out: string[] = [];
  let current = "";
  for (const word of line.trim().split(/\s+/)) {
    if (current && indent.length + current.length + 1 + word.length > columns) {
      out.push(indent + current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(indent + current);
  return out;
}

function helpText(spec: CommandSpec<Record<string, CommandOption<unknown>>>, all: readonly [string, CommandOption<unknown>][]): string {
  const rows = all.map(([name, o]) => [`${flagOf(name, o)}${o.value ? ` ${o.value}` : ""}`, o.help] as const);
  if (spec.positionals) rows.unshift([spec.positionals.value, spec.positionals.help]);
  const width = Math.max(22, ...rows.map(([left]) => left.length + 2));
  const lines = rows.flatMap(([left, help]) => help.split("\n").flatMap((h) => wrap(h, HELP_COLUMNS - 2 - width)).map((h, i) => `  ${(i === 0 ? left : "").padEnd(width)}${h}`.trimEnd()));
  return [`Usage: npx workbook ${spec.name} ${spec.synopsis}`, "", spec.description, "", ...lines, "", `Exit codes: ${spec.exitCodes}.`].join("\n");
}

/**
 * A number option: the text must be a finite number that passes `check`; else BAD_FLAG_VALUE saying `what`.
 *
 * @example
 * ```ts
 * numberOption("A", "risk aversion A > 0 (default 1)", (x) => x > 0, "a number > 0, e.g. 2");
 * ```
 */
export function numberOption(value: string, help: string, check: (x: number) => boolean, what: string, extra: Partial<CommandOption<number>> = {}): ValueOption<number> {
  return {
    value,
    help,
    ...extra,
    read: (raw, flag, fail) => {
      const x = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(x) || !check(x)) throw fail("BAD_FLAG_VALUE", `${flag} takes ${what}, got "${raw}"`, { flag, value: raw });
      return x;
    },
  };
}

/**
 * An option whose value is one of `choices`; else `code` (default BAD_FLAG_VALUE) listing them.
 *
 * @example
 * ```ts
 * choiceOption("MODEL", ["sample", "ledoit-wolf"] as const, "the covariance (default sample)");
 * ```
 */
export function choiceOption<C extends string>(value: string, choices: readonly C[], help: string, extra: Partial<CommandOption<C>> & { readonly code?: string; readonly message?: (raw: string, flag: string) => string } = {}): ValueOption<C> {
  const { code, message, ...rest } = extra;
  return {
    value,
    help,
    ...rest,
    read: (raw, flag, fail) => {
      if (!(choices as readonly string[]).includes(raw)) throw fail(code ?? "BAD_FLAG_VALUE", message ? message(raw, flag) : `${flag} takes ${choices.join(", ")}, got "${raw}"`, { flag, value: raw });
      return raw as C;
    },
  };
}

/**
 * A date option, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * dateOption("first trading day");
 * ```
 */
export function dateOption(help: string, extra: Partial<CommandOption<string>> = {}): ValueOption<string> {
  return {
    value: "DATE",
    help,
    ...extra,
    read: (raw, flag, fail) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw fail("BAD_FLAG_VALUE", `${flag} takes a date YYYY-MM-DD, got "${raw}"`, { flag, value: raw });
      return raw;
    },
  };
}

/**
 * Writes a command's result under the `--json` contract: one JSON document on standard output.
 *
 * @example
 * ```ts
 * printJson(console.log, { weights: { A: 0.5, B: 0.5 } });
 * ```
 */
export function printJson(out: (line: string) => void, value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

/** The default error writer of the commands: standard error, a line at a time. */
export const writeError = (line: string): void => console.error(line);

/**
 * A command's progress reporter: core's `progressReporter` on standard error (a bar on a terminal, lines
 * otherwise), or on the command's `err` writer when a caller (a test) passed its own, or nothing with `--quiet`.
 *
 * @example
 * ```ts
 * const report = commandProgress(writeError, { quiet: false, unit: "days" });
 * report({ label: "equal weight", done: 10, total: 10 });
 * ```
 */
export function commandProgress(err: (line: string) => void, options: { readonly quiet: boolean; readonly unit: string }): (update: ProgressUpdate) => void {
  const stream = err === writeError ? process.stderr : { write: (text: string) => err(text.replace(/\n$/, "")) };
  return progressReporter({ stream, quiet: options.quiet, unit: options.unit });
}
