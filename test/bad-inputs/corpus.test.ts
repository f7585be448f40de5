/**
 * Runs the corpus of bad inputs (test/bad-inputs/cases.ts): one test per case, named after it. Each must end in a
 * typed error (a WorkbookError subclass) of the stated class and code whose message names the bad thing, says what
 * to do, and carries no stack or NaN from inside a dependency. Cases marked `knownBug` document bugs in layers this
 * suite may not edit and run with `it.fails`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { WorkbookError } from "../../src/core/errors";
import { runWorkbook } from "../../src/workbook/workbook-cli";
import { ADVICE, BAD_COMMAND_LINES, BAD_INPUTS, type CaseContext } from "./cases";

const ctx: CaseContext = { dir: mkdtempSync(join(tmpdir(), "wb-bad-inputs-")) };
afterAll(() => rmSync(ctx.dir, { recursive: true, force: true }));

async function outcome(run: () => unknown): Promise<unknown> {
  try {
    const value = await run();
    return { returned: value };
  } catch (e) {
    return e;
  }
}

function expectFragments(text: string, fragments: readonly (string | RegExp)[]): void {
  for (const f of fragments) {
    if (typeof f === "string") expect(text).toContain(f);
    else expect(text).toMatch(f);
  }
}

describe(`the corpus of bad inputs (${BAD_INPUTS.length} cases)`, () => {
  for (const c of BAD_INPUTS) {
    (c.knownBug ? it.fails : it)(c.name, async () => {
      const error = await outcome(() => c.run(ctx));
      expect(error, `${c.name} did not throw`).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error).toBeInstanceOf(c.error.type);
      const e = error as WorkbookError;
      expect(e.code).toBe(c.error.code);
      expectFragments(e.message, c.error.message);
      expect(e.message).toMatch(ADVICE); // says what to do
      expect(e.message).not.toMatch(/node_modules|\n\s+at /); // no stack from inside a dependency
      // The error was raised by the project, not passed up from a library.
      const firstFrame = (e.stack ?? "").split("\n").find((l) => /^\s+at /.test(l)) ?? "";
      expect(firstFrame).not.toContain("node_modules");
    });
  }
});

describe(`bad command lines (${BAD_COMMAND_LINES.length} cases): exit code 2, the message, no stack`, () => {
  for (const c of BAD_COMMAND_LINES) {
    it(c.name, async () => {
      const argv = c.argv(ctx);
      const out: string[] = [];
      const err: string[] = [];
      expect(await main(argv, (l) => out.push(l), (l) => err.push(l))).toBe(2);
      const text = err.join("\n");
      expectFragments(text, c.message);
      expect(text).not.toMatch(/\n\s+at |node_modules/);
      if (c.error) {
        const thrown = await outcome(() => runWorkbook(argv.slice(1), () => undefined));
        expect(thrown).toBeInstanceOf(c.error.type);
        expect((thrown as WorkbookError).code).toBe(c.error.code);
      }
    });
  }
});
