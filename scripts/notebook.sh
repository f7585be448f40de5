#!/usr/bin/env bash
# npm run notebook: Jupyter with the project's tslab kernel, on localhost, opening notebooks/.
# The server's root is the project, so build/notebooks/ (the executed copies) is reachable too.
# JupyterLab when installed, else the classic notebook. Charts load plotly.js from the
# installed plotly.js-dist-min package, served as static/plotly.min.js: no internet needed.
# scripts/jupyter/workbook_config.py strips outputs from notebooks/ on save (git stays clean).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python="${WORKBOOK_PYTHON:-/usr/bin/python3}"
port="${PORT:-8888}"
notebook_dir="${NOTEBOOK_DIR:-$root}"   # NOTEBOOK_DIR: another root (the tests use one)
start_dir="${START_DIR:-notebooks}"     # the folder the browser opens first, under the root
config="$root/scripts/jupyter/workbook_config.py"
export WORKBOOK_ROOT="${WORKBOOK_ROOT:-$root}"   # whose notebooks/ the pre-save hook keeps clean
node scripts/build.mjs   # notebooks import the precompiled package: rebuild dist/ when src/ is newer
node_modules/.bin/tsx scripts/register-kernel.ts >/dev/null
export JUPYTER_PATH="$root/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
plotly_dir="$root/node_modules/plotly.js-dist-min"
[ -f "$plotly_dir/plotly.min.js" ] || { echo "plotly.js-dist-min is not installed: run npm run setup" >&2; exit 1; }
allow_root=""
[ "$(id -u)" -eq 0 ] && allow_root="--allow-root"   # containers and CI machines run as root
# WORKBOOK_JUPYTER=classic | lab chooses; by default JupyterLab when it is on PATH or in .jupyterlab/ (npm run setup).
flavour="${WORKBOOK_JUPYTER:-auto}"
lab=$(command -v jupyter-lab 2>/dev/null || { [ -x "$root/.jupyterlab/bin/jupyter-lab" ] && echo "$root/.jupyterlab/bin/jupyter-lab"; } || true)
if [ "$flavour" = "lab" ] && [ -z "$lab" ]; then
  echo "WORKBOOK_JUPYTER=lab but JupyterLab is not installed: run npm run setup (or pip install jupyterlab)" >&2; exit 1
fi
if [ "$flavour" != "classic" ] && [ -n "$lab" ]; then
  echo "Starting JupyterLab on http://127.0.0.1:$port/ (the URL with its token follows)"
  exec "$lab" --no-browser --ip=127.0.0.1 --port="$port" --notebook-dir="$notebook_dir" --config="$config" \
    --ServerApp.default_url="/lab/tree/$start_dir" --ServerApp.extra_static_paths="$plotly_dir" $allow_root "$@"
fi
"$python" -c 'import notebook' 2>/dev/null || { echo "Jupyter notebook is not installed: run npm run setup" >&2; exit 1; }
echo "Starting the classic Jupyter notebook on http://127.0.0.1:$port/ (the URL with its token follows)"
exec "$python" -m notebook --no-browser --ip=127.0.0.1 --port="$port" --notebook-dir="$notebook_dir" --config="$config" \
  --NotebookApp.default_url="/tree/$start_dir" --NotebookApp.extra_static_paths="$plotly_dir" $allow_root "$@"
