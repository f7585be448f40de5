#!/usr/bin/env node
// The allocation-workbook tslab kernel.
//
// Jupyter starts kernels in the notebook's folder; tslab compiles cells with their
// rootDir at the kernel's working directory, so this launcher moves to the project
// root first: notebooks then import the library as "./src/...".
//
// tslab catches errors thrown in timers and unhandled promise rejections and only
// prints them to whichever cell is current; a headless run would miss them. When
// WORKBOOK_ASYNC_ERRORS names a file, each such error is appended to it as a JSON
// line, and the notebook runner fails the run on it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
process.chdir(root);


const connectionFile = process.argv[2];
if (!connectionFile) {
  process.stderr.write("usage: launch.cjs CONNECTION_FILE (Jupyter passes it)\n");
  process.exit(2);
}
// The runner checks after a run that this process is gone (and ends it if not).
if (process.env.WORKBOOK_KERNEL_PID_FILE) fs.writeFileSync(process.env.WORKBOOK_KERNEL_PID_FILE, String(process.pid));

// The library is imported precompiled from dist/; with source maps on, its stack frames name src/*.ts lines.
process.setSourceMapsEnabled(true);

const { startKernel } = require(require.resolve("tslab/dist/main.js", { paths: [root] }));
startKernel({ configPath: connectionFile, enableFindLocal: false });

// Registered after tslab started, so that an error while starting still ends the process with its stack.
const errorsFile = process.env.WORKBOOK_ASYNC_ERRORS;
function record(kind, err) {
  if (!errorsFile) return;
  const e = err instanceof Error ? err : new Error(String(err));
  const line = JSON.stringify({ kind, name: e.name, message: e.message, stack: e.stack || "", at: new Date().toISOString() });
  try {
    fs.appendFileSync(errorsFile, line + "\n");
  } catch {
    // The runner also sees the message on the cell's stderr; nothing else to do here.
  }
}
process.on("uncaughtException", (err) => record("uncaughtException", err));
process.on("unhandledRejection", (reason) => record("unhandledRejection", reason));
