/** One flag of a command line, with a reader for its value. */
export interface FlagToken {
  /** The flag as typed, without an inline `=value` (e.g. `"--prices"`), or a bare word. */
  readonly flag: string;
  /** The flag's value: the inline `--flag=value`, else the next word; throws `missing(flag)` when there is none. */
  value(): string;
}

/**
 * Walks a command line flag by flag: `--flag value` and `--flag=value` both work, and a value is
 * taken only when the command asks for it (so boolean flags need none).
 *
 * @param missing builds the error for a flag whose value is missing (the next word is absent or is a flag).
 * @example
 * ```ts
 * for (const { flag, value } of readFlags(["--prices", "p.csv", "--json"], (f) => new Error(`${f} needs a value`))) {
 *   if (flag === "--prices") console.log(value()); // => "p.csv"
 * }
 * ```
 */
export function* readFlags(argv: readonly string[], missing: (flag: string) => Error): Generator<FlagToken> {
  let i = 0;
  while (i < argv.length) {
    let flag = argv[i]!;
    let inline: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) {
      inline = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    let consumed = false;
    const name = flag;
    yield {
      flag,
      value: () => {
        if (inline !== undefined) return inline;
        const v = argv[i + 1];
        if (v === undefined || v.startsWith("--")) throw missing(name);
        consumed = true;
        return v;
      },
    };
    i += consumed ? 2 : 1;
  }
}
