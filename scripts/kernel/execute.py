#!/usr/bin/python3
"""Execute one notebook headless with nbclient and report progress as JSON lines.

Called by the TypeScript runner (src/workbook/run-notebook.ts); not meant to be used by hand.
Usage: execute.py NOTEBOOK.ipynb --kernel NAME --timeout SECONDS [--errors-file FILE] [--ports SHELL,IOPUB,STDIN,CONTROL,HB]

--ports gives the kernel's five ports on 127.0.0.1. The runner reserves them machine-wide, because
Jupyter's own choice (bind port 0, close, hand it on) can give two kernels started at the same
moment the same port: one then fails to bind, the other receives the first one's heartbeats.

The notebook is executed in place: outputs are written back to the same file,
also when a cell fails (the outputs up to and including the failing cell).
Events on stdout, one JSON object per line:
  {"event": "start", "cells": N}
  {"event": "cell_start", "index": i}
  {"event": "cell_done", "index": i, "seconds": s}
  {"event": "failure", "index": i, "kind": "cell|timeout|dead_kernel|async|startup", "message": ..., "seconds": s}
  {"event": "done", "ok": bool, "seconds": s}
Exit status: 0 when every cell ran, 1 when one failed, 2 on bad usage.
"""
import argparse
import json
import math
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

# Time given to errors raised asynchronously by the last cell (timers, promises).
ASYNC_GRACE_SECONDS = 0.3


def emit(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def cell_stderr(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            tb = "\n".join(out.get("traceback", []))
            ename, evalue = out.get("ename", ""), out.get("evalue", "")
            if evalue or (ename and ename != "Error"):
                parts.append(f"{ename}: {evalue}\n{tb}".strip())
    return "".join(parts).strip()


def read_async_errors(path, seen):
    """New lines of the kernel launcher's async-error file since the last call."""
    if not path or not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    fresh = lines[seen[0]:]
    seen[0] = len(lines)
    errors = []
    for line in fresh:
        try:
            errors.append(json.loads(line))
        except json.JSONDecodeError:
            errors.append({"kind": "unknown", "message": line, "stack": ""})
    return errors


def trust(nb):
    """Sign the executed notebook, as `jupyter trust` does: its outputs came from this run,
    so Jupyter may run their scripts (the charts) when the user opens it."""
    try:
        from nbformat.sign import NotebookNotary
        NotebookNotary().sign(nb)
    except Exception as e:  # a read-only home must not fail the run
        sys.stderr.write(f"note: could not mark the executed notebook as trusted ({e})\n")


def cell_at(starts, iso_time, default):
    """Index of the last cell that had started at the time an async error was recorded."""
    if not iso_time:
        return default
    try:
        from datetime import datetime
        when = datetime.fromisoformat(iso_time.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return default
    culprit = default
    for start, index in starts:
        if start <= when:
            culprit = index
    return culprit


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook")
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--timeout", type=float, required=True)
    parser.add_argument("--startup-timeout", type=float, default=60)
    parser.add_argument("--errors-file", default=None)
    parser.add_argument("--ports", default=None)
    args = parser.parse_args()
    ports = None
    if args.ports:
        ports = [int(p) for p in args.ports.split(",")]
        if len(ports) != 5 or len(set(ports)) != 5 or not all(0 < p < 65536 for p in ports):
            sys.stderr.write(f"--ports needs five distinct ports SHELL,IOPUB,STDIN,CONTROL,HB, got {args.ports}\n")
            return 2

    nb = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=max(1, math.ceil(args.timeout)),
        startup_timeout=args.startup_timeout,
        interrupt_on_timeout=False,
        allow_errors=False,
        record_timing=True,
    )
    if ports:
        km = client.create_kernel_manager()
        km.ip = "127.0.0.1"
        km.shell_port, km.iopub_port, km.stdin_port, km.control_port, km.hb_port = ports
    seen = [0]
    starts = []  # (wall-clock start, cell index) of each executed cell
    started = time.time()
    ok = True
    emit(event="start", cells=len(nb.cells))

    def fail(index, kind, message, seconds):
        nonlocal ok
        ok = False
        emit(event="failure", index=index, kind=kind, message=message, seconds=round(seconds, 3))

    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                emit(event="cell_start", index=index)
                t0 = time.time()
                starts.append((t0, index))
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    fail(index, "timeout", f"the cell did not finish within {args.timeout:g} s (per-cell timeout); "
                         "raise it with --timeout or make the cell faster", time.time() - t0)
                    break
                except DeadKernelError as e:
                    fail(index, "dead_kernel", f"the kernel died while running this cell: {e}", time.time() - t0)
                    break
                except CellExecutionError:
                    fail(index, "cell", cell_stderr(cell) or "the cell failed and the kernel gave no message", time.time() - t0)
                    break
                late = read_async_errors(args.errors_file, seen)
                if late:
                    first = late[0]
                    culprit = cell_at(starts, first.get("at"), index)
                    where = (f"raised while cell {culprit + 1} was running (an earlier cell may have scheduled it; the stack shows where)"
                             if culprit == index else f"raised after cell {culprit + 1} had finished")
                    fail(culprit, "async", f"{first.get('kind')} (an error thrown in a timer or a promise nobody awaited) "
                         f"{where}: {first.get('stack') or first.get('message')}", time.time() - t0)
                    break
                emit(event="cell_done", index=index, seconds=round(time.time() - t0, 3))
            if ok:
                time.sleep(ASYNC_GRACE_SECONDS)
                late = read_async_errors(args.errors_file, seen)
                if late:
                    first = late[0]
                    last_code = max((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), default=0)
                    fail(last_code, "async", f"{first.get('kind')} (an error thrown in a timer or a promise nobody awaited) "
                         f"after the last cell: {first.get('stack') or first.get('message')}", 0)
    except (RuntimeError, TimeoutError) as e:
        # nbclient raises these when the kernel cannot start.
        if ok:
            fail(-1, "startup", f"the kernel '{args.kernel}' could not start: {e}", time.time() - started)
    finally:
        nbformat.write(nb, args.notebook)
        trust(nb)
    emit(event="done", ok=ok, seconds=round(time.time() - started, 3))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
