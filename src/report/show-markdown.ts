import { displayBundle } from "../core/index";

/**
 * Shows markdown text in a notebook (plain text elsewhere).
 *
 * @example
 * ```ts
 * showMarkdown("**3** rows rejected"); // a notebook shows: 3 rows rejected (bold 3)
 * ```
 */
export function showMarkdown(text: string): void {
  displayBundle({ "text/markdown": text, "text/plain": text });
}

/**
 * Shows source code (SQL, TypeScript…) as a highlighted block in a notebook.
 *
 * @example
 * ```ts
 * showCode("SELECT 1;", "sql");
 * ```
 */
export function showCode(code: string, language = ""): void {
  const fence = code.includes("```") ? "~~~~" : "```";
  displayBundle({ "text/markdown": `${fence}${language}\n${code.trimEnd()}\n${fence}`, "text/plain": code });
}
