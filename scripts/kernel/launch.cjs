#!/usr/bin/env node
// The allocation-workbook tslab kernel.
//
// Jupyter starts kernels in the notebook's folder; tslab compiles cells with their
// rootDir at the kernel's working directory, so this launcher moves to the project
// root first, where node_modules/allocation-workbook links to the package (its dist/).
// WORKBOOK_KERNEL_CWD names another folder to start in instead: a project where the
// package was installed with npm (the installed-package test runs a notebook there).
//
// tslab catches errors thrown in timers and unhandled promise rejections and only
// prints them to whichever cell is current; a headless run would miss them. When
// WORKBOOK_ASYNC_ERRORS names a file, each such error is appended to it as a JSON
// line, and the notebook runner fails the run on it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
process.chdir(process.env.WORKBOOK_KERNEL_CWD || root);


const connectionFile = process.argv[2];
if (!connectionFile) {
  process.stderr.write("usage: launch.cjs CONNECTION_FILE (Jupyter passes it)\n");
  process.exit(2);
}
// The runner checks after a run that this process is gone (and ends it if not).
if (process.env.WORKBOOK_KERNEL_PID_FILE) fs.writeFileSync(process.env.WORKBOOK_KERNEL_PID_FILE, String(process.pid));

// Notebooks import the library precompiled, from dist/. In a checkout, a kernel (re)start rebuilds dist/ first
// when src/ changed, so that editing src/ and restarting the kernel is enough (npm run build does the same).
// The headless runner builds once before it starts any kernel and sets WORKBOOK_KERNEL_BUILD=0: a rebuild while
// other kernels run changes the declarations their tslab is watching, and tslab's watch program can then fail a
// cell with "Unexpected pending rebuildTimer".
const buildScript = path.join(root, "scripts", "build.mjs");
if (fs.existsSync(buildScript) && process.env.WORKBOOK_KERNEL_BUILD !== "0") {
  const { spawnSync } = require("node:child_process");
  const built = spawnSync(process.execPath, [buildScript, "--quiet"], { encoding: "utf8" });
  if (built.stdout.trim()) process.stderr.write(built.stdout);
  if (built.status !== 0) process.stderr.write(`${built.stderr}[kernel] the library did not build; its last good dist/ (if any) is loaded\n`);
}

// The library is imported precompiled from dist/; with source maps on, its stack frames name src/*.ts lines.
process.setSourceMapsEnabled(true);

// A kernel whose port is taken must stop at once with the reason: tslab would otherwise run on without
// that socket, and another kernel's client could talk to it ("message missing delimiter").
function portsInUse(conn) {
  if (conn.transport !== "tcp") return Promise.resolve([]);
  const net = require("node:net");
  const names = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"];
  return Promise.all(
    names.map(
      (name) =>
        new Promise((resolve) => {
          const server = net.createServer();
          server.once("error", (err) => resolve(err.code === "EADDRINUSE" ? `${name.replace("_port", "")} ${conn[name]}` : null));
          server.listen({ port: conn[name], host: conn.ip, exclusive: true }, () => server.close(() => resolve(null)));
        }),
    ),
  ).then((found) => found.filter(Boolean));
}

const conn = JSON.parse(fs.readFileSync(connectionFile, "utf8"));
portsInUse(conn).then((taken) => {
  if (taken.length) {
    process.stderr.write(`[kernel] cannot start: port in use on ${conn.ip}: ${taken.join(", ")} (EADDRINUSE); start the kernel again\n`);
    process.exit(3);
  }
  require("./hold-until-bound.cjs").holdMessagesUntilBound(require(require.resolve("tslab/dist/jupyter.js", { paths: [root] })));
  const { startKernel } = require(require.resolve("tslab/dist/main.js", { paths: [root] }));
  startKernel({ configPath: connectionFile, enableFindLocal: false });
  // Registered after tslab started, so that an error while starting still ends the process with its stack.
  process.on("uncaughtException", (err) => record("uncaughtException", err));
  process.on("unhandledRejection", (reason) => record("unhandledRejection", reason));
});

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
