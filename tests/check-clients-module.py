#!/usr/bin/python3
# check-clients-module.py — the Clients view comes with its module
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built app on its demo workspace (under the suite's Xvfb):
#
#  1. As built: GtkSourceView and the Clients module (libbaton-clients.so)
#     are not in the process's memory while the board is shown, and are
#     once Clients is shown (Alt+3); the view is drawn.
#  2. A copy of the program with no module beside it (and none installed):
#     showing Clients says why on a page instead, the program keeps running
#     and quits normally.
#
# Usage: check-clients-module.py BATON MODULEDIR

import os
import shutil
import subprocess
import sys
import tempfile
import time

from baton_app import environment, find_window, log, run


def loaded(pid, name):
    with open("/proc/%d/maps" % pid) as maps:
        return name in maps.read()


def start(binary, tmp, problems):
    env = environment(tmp)
    env["G_MESSAGES_DEBUG"] = "baton-clients-module"
    errors = open(os.path.join(tmp, "stderr"), "w+")
    app = subprocess.Popen([binary, "--demo"], env=env, stdout=subprocess.DEVNULL, stderr=errors)
    window = find_window(app.pid)
    if window is None:
        problems.append("%s: no window" % binary)
        app.kill()
        app.wait(10)
        return None, None, errors
    run("xdotool", "windowfocus", "--sync", window)
    time.sleep(1)
    return app, window, errors


def show_clients(window):
    run("xdotool", "key", "--window", window, "alt+3")
    time.sleep(2)


def quit(app, window, problems, what):
    run("xdotool", "key", "--window", window, "ctrl+q")
    try:
        status = app.wait(20)
    except subprocess.TimeoutExpired:
        app.kill()
        app.wait(10)
        problems.append("%s: did not quit on Ctrl+Q" % what)
        return
    if status != 0:
        problems.append("%s: ended with status %d" % (what, status))


def as_built(binary, problems):
    with tempfile.TemporaryDirectory() as tmp:
        app, window, errors = start(binary, tmp, problems)
        if app is None:
            return
        for name in ("libgtksourceview-5.so", "libbaton-clients.so"):
            if loaded(app.pid, name):
                problems.append("%s is loaded with the board shown" % name)
        show_clients(window)
        for name in ("libgtksourceview-5.so", "libbaton-clients.so"):
            if not loaded(app.pid, name):
                problems.append("%s is not loaded with Clients shown" % name)
            else:
                log("%s loaded once Clients is shown" % name)
        shot = os.path.join(tmp, "clients.png")
        run("import", "-window", window, shot)
        quit(app, window, problems, "as built")
        errors.seek(0)
        text = errors.read()
        if "Could not open the Clients view" in text:
            problems.append("as built: " + text.strip())


def without_module(binary, moduledir, problems):
    if os.path.exists(os.path.join(moduledir, "libbaton-clients.so")):
        log("a module is installed in %s: not checking a program without one" % moduledir)
        return
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "baton")
        shutil.copy2(binary, copy)
        app, window, errors = start(copy, tmp, problems)
        if app is None:
            return
        show_clients(window)
        if app.poll() is not None:
            problems.append("without its module: the program ended (status %d) showing Clients" % app.returncode)
            return
        quit(app, window, problems, "without its module")
        errors.seek(0)
        text = errors.read()
        if "Could not open the Clients view" not in text:
            problems.append("without its module: no warning that Clients could not be opened")
        else:
            log("without its module: " + [l for l in text.splitlines() if "Could not open" in l][0])
        if "CRITICAL" in text:
            problems.append("without its module: " + text.strip())


def main():
    binary, moduledir = sys.argv[1], sys.argv[2]
    problems = []
    as_built(binary, problems)
    without_module(binary, moduledir, problems)
    for problem in problems:
        print("FAIL " + problem)
    log("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
