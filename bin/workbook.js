#!/usr/bin/env node
// `npx workbook COMMAND …`.
// Installed from the package, it runs the precompiled library (dist/). In a checkout (tsconfig.json beside bin/),
// it loads the TypeScript sources through tsx, so an edit of src/ needs no rebuild.
import { existsSync } from "node:fs";

const checkout = existsSync(new URL("../tsconfig.json", import.meta.url));
let main;
if (checkout) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
} else {
  ({ main } = await import("../dist/cli/main.js"));
}
process.exitCode = await main(process.argv.slice(2));
