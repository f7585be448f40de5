# Jupyter configuration of `npm run notebook` (loaded with --config by scripts/notebook.sh).
#
# Saving a notebook of notebooks/ (the tracked, teaching copies) keeps it free of outputs, execution
# counts and run metadata, so a student's Run All + Save leaves git clean and `npm test` green.
# The outputs stay on screen until the notebook is closed. Notebooks anywhere else (build/notebooks/,
# the executed copies, or your own folder) are saved as they are, outputs included.
import os

ROOT = os.path.realpath(os.environ.get("WORKBOOK_ROOT") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TRACKED = os.path.join(ROOT, "notebooks")


# As committed in every notebook of notebooks/.
LANGUAGE_INFO = {"file_extension": ".ts", "mimetype": "text/typescript", "name": "typescript"}


def is_tracked(contents_manager, path):
    full = os.path.realpath(os.path.join(contents_manager.root_dir, path.lstrip("/")))
    return os.path.dirname(full) == TRACKED


def strip_outputs(model, path, contents_manager, **kwargs):
    """Pre-save hook: empties outputs and execution counts of a tracked notebook before it is written."""
    if model.get("type") != "notebook" or not is_tracked(contents_manager, path):
        return
    nb = model["content"]
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        for key in ("execution", "ExecuteTime", "scrolled", "collapsed"):
            meta.pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    # The kernel rewrites language_info on each run (with its TypeScript version): keep the committed one.
    meta = nb.setdefault("metadata", {})
    meta["language_info"] = dict(LANGUAGE_INFO)
    meta.pop("widgets", None)


c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)
# The classic notebook (6.x) and jupyter_server (JupyterLab, notebook 7) read different classes.
c.ContentsManager.pre_save_hook = strip_outputs
c.FileContentsManager.pre_save_hook = strip_outputs
