# nbconvert configuration used by measure.py: records, with the system-wide
# monotonic clock, when the kernel is ready and when each code cell is sent
# and answered, into the JSON file named by $BENCH_TIMING_FILE. The hooks
# are nbclient's (on_notebook_start is called once the kernel answers);
# the file is rewritten after each cell (nbconvert's ExecutePreprocessor
# does not call on_notebook_complete).
import json
import os
import time

_times = {"config_loaded": time.monotonic(), "cells": {}}


def _dump():
    path = os.environ.get("BENCH_TIMING_FILE")
    if path:
        with open(path, "w") as f:
            json.dump(_times, f)


def _kernel_ready(notebook=None, **kw):
    _times["kernel_ready"] = time.monotonic()


def _cell_sent(cell=None, cell_index=None, **kw):
    _times["cells"][str(cell_index)] = [time.monotonic(), None]


def _cell_done(cell=None, cell_index=None, **kw):
    _times["cells"][str(cell_index)][1] = _times["complete"] = time.monotonic()
    _dump()


c = get_config()  # noqa: F821 (given by traitlets when it loads this file)
c.ExecutePreprocessor.on_notebook_start = _kernel_ready
c.ExecutePreprocessor.on_cell_execute = _cell_sent
c.ExecutePreprocessor.on_cell_executed = _cell_done
