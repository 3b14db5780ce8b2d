#!/usr/bin/python3
# check-note-switch.py — the note editor shows the text of the note it opens
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built app on its demo workspace (under the suite's Xvfb), shows
# Clients, clicks another client with the real pointer (xdotool) and checks
# that the editor draws that client's newest note: GTK says nothing of a
# widget drawn "without a current allocation", and the editor's area of a
# screenshot is not blank. Clicking a client once left the text view
# unallocated for that frame, and the note stayed blank.
#
# Usage: check-note-switch.py BATON

import os
import subprocess
import sys
import tempfile
import time

from baton_app import environment, find_window, log, run

WIDTH, HEIGHT = 1100, 720
CLIENT_ROW = (120, 165)          # the second client in the list, window coordinates
EDITOR = (660, 160, 400, 400)    # x, y, width, height of the note's text


def editor_mean(path):
    x, y, w, h = EDITOR
    out = run("convert", path, "-crop", "%dx%d+%d+%d" % (w, h, x, y), "-colorspace", "gray",
              "-format", "%[fx:mean]", "info:").stdout
    return float(out)


def main():
    binary = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(tmp)
        errors = open(os.path.join(tmp, "stderr"), "w+")
        app = subprocess.Popen([binary, "--demo"], env=env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            window = find_window(app.pid)
            if window is None:
                print("FAIL no window")
                return 1
            run("xdotool", "windowsize", "--sync", window, str(WIDTH), str(HEIGHT))
            run("xdotool", "windowmove", "--sync", window, "0", "0")
            time.sleep(1)
            run("xdotool", "windowfocus", "--sync", window)
            run("xdotool", "key", "--window", window, "alt+3")
            time.sleep(2)
            for attempt in range(3):
                # The second client, then the first again: each click opens
                # that client's newest note.
                row = (CLIENT_ROW[0], CLIENT_ROW[1] - 42 * (attempt % 2))
                run("xdotool", "mousemove", "--window", window, str(row[0]), str(row[1]), "click", "1")
                time.sleep(2.5)
                shot = os.path.join(tmp, "shot-%d.png" % attempt)
                run("import", "-window", window, shot)
                mean = editor_mean(shot)
                log("click %d: the editor's mean grey is %.3f" % (attempt, mean))
                if mean > 0.995 or mean < 0.005:
                    problems.append("after click %d the note's text is not drawn (mean grey %.3f)" % (attempt, mean))
        finally:
            app.terminate()
            app.wait(10)
        errors.seek(0)
        for line in errors:
            if "without a current allocation" in line:
                problems.append("GTK: " + line.strip())
    for problem in problems:
        print("FAIL " + problem)
    log("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
