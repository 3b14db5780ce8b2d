# baton_app.py — what the scripts that drive the built app share
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time


def log(message):
    """A TAP comment on stderr (stdout carries the verdict)."""
    print("# " + message, file=sys.stderr)


def run(*args, **kwargs):
    return subprocess.run(list(args), capture_output=True, text=True, **kwargs)


def environment(tmp):
    """The caller's environment with folders of its own under @tmp and
    settings in memory unless the caller chose a backend."""
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = os.path.join(tmp, "cache")
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
    env.setdefault("GSETTINGS_BACKEND", "memory")
    return env


def find_window(pid, timeout=60):
    """The X id of the visible window "… Baton" of process @pid, or None."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = run("xdotool", "search", "--pid", str(pid), "--onlyvisible", "--name", "Baton").stdout.split()
        if out:
            return out[0]
        time.sleep(0.2)
    return None
