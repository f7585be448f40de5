#!/usr/bin/env bash
# npm run setup: everything the workbook needs on a Debian machine, idempotent.
#   1. Node.js version check
#   2. Jupyter (headless execution and the classic notebook server) and Chromium from Debian's packages, when missing
#   3. npm dependencies, when package-lock.json changed since the last install
#   4. the library compiled into dist/ (npm run build), linked as node_modules/allocation-workbook
#   5. the project-local tslab kernel spec (.jupyter/kernels/allocation-workbook)
#   6. JupyterLab, optional (Debian does not package it): pip into .jupyterlab/ (a venv), unless it is on PATH
#      or WORKBOOK_JUPYTERLAB=0; without it `npm run notebook` serves the classic notebook
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# 1. Node
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
node_minor=$(node -p 'process.versions.node.split(".")[1]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 11 ]; }; then
  die "Node.js >= 20.11 is required (found $(node --version 2>/dev/null || echo none)). Install it (https://nodejs.org or Debian's nodejs from a recent release) and run again."
fi

# 2. System packages
python="${WORKBOOK_PYTHON:-/usr/bin/python3}"
missing=()
"$python" -c 'import nbclient, nbformat, jupyter_client' >/dev/null 2>&1 \
  || missing+=(jupyter-core jupyter-nbconvert python3-nbclient jupyter-client)
"$python" -c 'import notebook' >/dev/null 2>&1 || missing+=(jupyter-notebook)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      die "missing system packages: ${missing[*]}. Run as root: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    say "installing from Debian's packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    cat >&2 <<MSG
[setup] ERROR: this machine has no apt-get, and these are missing: ${missing[*]}
[setup] Install instead:
[setup]   - Python 3 with Jupyter: pip install nbclient nbformat jupyter_client notebook   (or jupyterlab)
[setup]     then point the workbook at that Python: export WORKBOOK_PYTHON=/path/to/python3
[setup]   - Chromium or Google Chrome on PATH as 'chromium' (only the tests need it)
[setup] and run 'npm run setup' again.
MSG
    exit 1
  fi
else
  say "Jupyter and Chromium: present"
fi
"$python" -c 'import nbclient, nbformat, jupyter_client, notebook' || die "$python still cannot import Jupyter; see the messages above"

# 3. npm dependencies, at the versions of package-lock.json; skipped when node_modules matches it.
#    Not `npm ci`: npm 11 refuses a lockfile that lacks other platforms' optional binaries
#    (DuckDB's darwin/win32 bindings) and will not write them itself (npm/cli#8320), while
#    `npm install --no-save` installs the locked versions and leaves the lockfile untouched.
stamp=node_modules/.allocation-workbook-lock
want=$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say "npm dependencies: up to date"
else
  say "installing npm dependencies (locked versions)"
  npm install --no-save --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# 4. The library, precompiled into dist/ (notebooks import it by its package name, as after an install)
node scripts/build.mjs

# 5. Kernel spec
node_modules/.bin/tsx scripts/register-kernel.ts

# 6. JupyterLab (optional): from pip, in a venv that also sees Debian's Jupyter packages
if [ "${WORKBOOK_JUPYTERLAB:-1}" = "0" ]; then
  say "JupyterLab: skipped (WORKBOOK_JUPYTERLAB=0)"
elif command -v jupyter-lab >/dev/null 2>&1 || [ -x .jupyterlab/bin/jupyter-lab ]; then
  say "JupyterLab: present"
elif "$python" -m venv --system-site-packages .jupyterlab >/dev/null 2>&1 \
  && .jupyterlab/bin/pip install -q --retries 1 --timeout 15 jupyterlab >/dev/null 2>&1; then
  say "JupyterLab: installed in .jupyterlab/ ($(.jupyterlab/bin/jupyter-lab --version))"
else
  rm -rf .jupyterlab
  say "JupyterLab: not installed (pip could not fetch it, or python3-venv is missing); npm run notebook serves the classic notebook"
fi
say "done. Next: npm run workbook   (or npm run notebook for Jupyter)"
