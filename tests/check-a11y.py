#!/usr/bin/python3
"""Baton as a screen reader sees it: its AT-SPI tree.

Starts the built app on the demo workspace, finds it on the accessibility
bus (python3-pyatspi) and, in each view (Board, Capacity, Clients with a
note open), fails on:

  - a focusable control with no name, or whose name is only its GTK type
    ("GtkToggleButton": what GTK 4.8 says when a widget has no name);
  - a dropdown's option without a name;
  - a capacity grid without cells: it must have table cells named with the
    person, the week and the figures, row headers and column headers, and
    the keyboard focus must follow the arrows from cell to cell;
  - a text field the focus goes to that is not in the tree (no focus event):
    the note's title and the client's contact fields, in the tree and giving
    a focus event when the real keyboard (xdotool) tabs into them;
  - a result not announced: deleting the open note and undoing it must each
    bring an alert named with the result into the tree.

Containers GTK 4.8 marks focusable only to scroll (scroll panes) are not
controls a person lands on with Tab while something inside can take focus,
so they are not checked.

usage: check-a11y.py BATON-BINARY
Needs a display and a session bus (build-aux/dev test); skips without.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

SKIP = 77
TIMEOUT = 30.0

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    print("no display", file=sys.stderr)
    sys.exit(1 if os.environ.get("CI") == "true" else SKIP)

try:
    import pyatspi
    from gi.repository import Atspi, GLib
except ImportError as error:
    print("python3-pyatspi is missing: %s" % error, file=sys.stderr)
    sys.exit(1)

TYPE_NAME = re.compile(r"^(Gtk|Adw|Baton|Gsk|Gdk)[A-Z][A-Za-z]*$")
NOT_CONTROLS = {"scroll pane"}


def log(*args):
    print(*args, file=sys.stderr)


def poll(predicate, timeout=TIMEOUT):
    """Polls @predicate until it returns something true, or None after @timeout."""
    end = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except Exception:  # an object went away while we looked
            result = None
        if result:
            return result
        if time.monotonic() > end:
            return None
        # Events (announcements) arrive through the main loop.
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass
        time.sleep(0.1)


def wait_for(what, predicate, timeout=TIMEOUT):
    """Polls @predicate until it returns something true; fails after @timeout."""
    result = poll(predicate, timeout)
    if not result:
        raise RuntimeError("timed out waiting for %s" % what)
    return result


def children(acc):
    try:
        count = acc.childCount
    except Exception:
        return []
    out = []
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            out.append(child)
    return out


def walk(acc, path=()):
    yield acc, path
    for child in children(acc):
        try:
            label = "%s %r" % (child.getRoleName(), child.name)
        except Exception:
            continue
        yield from walk(child, path + (label,))


def is_nameless(name):
    name = (name or "").strip()
    return name == "" or TYPE_NAME.match(name) is not None


def find(root, predicate):
    for acc, _ in walk(root):
        try:
            if predicate(acc):
                return acc
        except Exception:
            pass
    return None


def refresh(app):
    Atspi.Accessible.clear_cache(app)


def check_names(app, view):
    """Problems of the whole tree as it is now."""
    problems = []
    refresh(app)
    for acc, path in walk(app):
        try:
            role = acc.getRoleName()
            states = acc.getState()
            name = acc.name
        except Exception:
            continue
        if role in NOT_CONTROLS:
            continue
        where = " > ".join(path[-int(os.environ.get("BATON_A11Y_DEPTH", "4")):])
        if states.contains(pyatspi.STATE_FOCUSABLE) and is_nameless(name):
            problems.append("%s: a focusable %s has no name: %s" % (view, role, where))
        # A dropdown's options: list items under a combo box.
        if role == "combo box":
            for option, option_path in walk(acc):
                try:
                    option_role = option.getRoleName()
                except Exception:
                    continue
                if option_role in ("list item", "menu item") and is_nameless(option.name):
                    problems.append("%s: an option of dropdown %r has no name: %s"
                                    % (view, name, " > ".join(option_path[-3:])))
    return problems


def check_grid(app):
    problems = []
    refresh(app)
    grid = find(app, lambda a: a.getRoleName() == "table" and a.name == "Capacity by person and week")
    if grid is None:
        return ["Capacity: no table named “Capacity by person and week”"]

    def cells():
        refresh(app)
        return [a for a, _ in walk(grid) if a.getRoleName() == "table cell"]

    found = poll(cells, timeout=10)
    if not found:
        return ["Capacity: the grid has no cells"]
    cell_pattern = re.compile(r"^.+, week \d+: .+ of .+ hours")
    named = [c.name for c in found if cell_pattern.match(c.name or "")]
    if not named:
        problems.append("Capacity: no cell is named like “Alice, week 51: 52 of 40 hours”; "
                        "names seen: %r" % [c.name for c in found[:5]])
    if not any("over capacity" in n for n in named):
        problems.append("Capacity: no cell says “over capacity” (the demo has some)")
    row_headers = [a for a, _ in walk(grid) if a.getRoleName() == "row header"]
    # GTK 4.8 has no AT-SPI role for GTK_ACCESSIBLE_ROLE_COLUMN_HEADER: its
    # gtk_accessible_role_to_atspi_role () breaks out of the switch and
    # sends "filler", and an application cannot change that. What it does
    # send is the GTK role's name as the localized role name ("column
    # header"), which screen readers speak: so a week's header must be a
    # column header, or a filler named after its week whose localized role
    # name says "column header" (not any filler: a header widget whose role
    # was lost would be one too).
    week_header = re.compile(r"^(Week \d+|This week), ")
    column_headers = []
    for a, _ in walk(grid):
        if a.getRoleName() in ("column header", "table column header"):
            column_headers.append(a)
        elif week_header.match(a.name or ""):
            localized = a.getLocalizedRoleName()
            if a.getRoleName() == "filler" and localized == "column header":
                column_headers.append(a)
            else:
                problems.append("Capacity: the week header %r is a %s (%r), not a column header"
                                % (a.name, a.getRoleName(), localized))
    if not row_headers or any(is_nameless(h.name) for h in row_headers):
        problems.append("Capacity: the grid has no named row headers")
    if not column_headers or any(is_nameless(h.name) for h in column_headers):
        problems.append("Capacity: the grid has no named column headers")
    log("grid: %d cells, %d row headers, %d column headers; first cell %r"
        % (len(found), len(row_headers), len(column_headers), found[0].name))
    return problems


def check_fields(app, view, names):
    """Text fields the focus goes to: in the tree, named, focusable (a field
    that is not in the tree gives no focus event)."""
    problems = []
    refresh(app)
    texts = {a.name for a, _ in walk(app)
             if a.getRoleName() in ("text", "entry", "password text")
             and a.getState().contains(pyatspi.STATE_FOCUSABLE)}
    for name in names:
        if name not in texts:
            problems.append("%s: no focusable text field %r in the tree" % (view, name))
    return problems


def check_focus_events(app, view, names, presses=60):
    """Tabs through the window with the real keyboard (xdotool) and checks a
    focus event names each field of @names (a field the tree lacks, such as
    a bare GtkText, gives none), and that every focus stop has a name."""
    problems = []
    focused = []

    def on_focus(event):
        try:
            if event.detail1:
                focused.append((event.source.getRoleName(), event.source.name))
        except Exception:
            pass

    window = subprocess.run(["xdotool", "search", "--pid", str(app.get_process_id()),
                             "--onlyvisible", "--name", "Baton"],
                            capture_output=True, text=True).stdout.split()
    if not window:
        return ["%s: xdotool found no window to type in" % view]
    listener = Atspi.EventListener.new(on_focus)
    listener.register("object:state-changed:focused")
    subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], check=False)
    for _ in range(presses):
        # One key at a time, each after the focus event of the last.
        count = len(focused)
        subprocess.run(["xdotool", "key", "--window", window[0], "Tab"], check=True)
        poll(lambda: len(focused) > count, timeout=2)
        if all(any(role in ("text", "entry") and name == n for role, name in focused) for n in names):
            break
    listener.deregister("object:state-changed:focused")

    for n in names:
        if not any(role in ("text", "entry") and name == n for role, name in focused):
            problems.append("%s: Tab into the field %r gave no focus event from it" % (view, n))
    for role, name in focused:
        if is_nameless(name):
            problems.append("%s: the focus stopped on a %s with no name" % (view, role))
    log("%s: focus went to %r" % (view, focused))
    return problems


def xdotool_window(app):
    found = subprocess.run(["xdotool", "search", "--pid", str(app.get_process_id()),
                            "--onlyvisible", "--name", "Baton"],
                           capture_output=True, text=True).stdout.split()
    return found[0] if found else None


def check_grid_keyboard(app, presses=40):
    """Tabs into the capacity grid with the real keyboard, then moves with the
    arrows: each cell the focus reaches sends a focus event from a table cell
    named with its figures, so a screen reader reads it."""
    focused = []

    def on_focus(event):
        try:
            if event.detail1:
                focused.append((event.source.getRoleName(), event.source.name))
        except Exception:
            pass

    window = xdotool_window(app)
    if window is None:
        return ["Capacity: xdotool found no window to type in"]
    listener = Atspi.EventListener.new(on_focus)
    listener.register("object:state-changed:focused")
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False)
    for _ in range(presses):
        # One key at a time, each after the focus event of the last.
        count = len(focused)
        subprocess.run(["xdotool", "key", "--window", window, "Tab"], check=True)
        poll(lambda: len(focused) > count, timeout=2)
        if focused and focused[-1][0] in ("table", "table cell"):
            break
    # Into the grid, the focus goes on to its focus cell.
    poll(lambda: focused and focused[-1][0] == "table cell", timeout=3)
    entered = len(focused)
    for key in ("Right", "Right", "Down"):
        count = len(focused)
        subprocess.run(["xdotool", "key", "--window", window, key], check=True)
        poll(lambda: len(focused) > count, timeout=3)
    listener.deregister("object:state-changed:focused")
    log("Capacity: focus went to %r" % focused[-6:])

    cell = re.compile(r"^.+, week \d+: .+ of .+ hours")
    cells = [name for role, name in focused[entered - 1:] if role == "table cell" and cell.match(name or "")]
    if len(set(cells)) < 4:
        return ["Capacity: Tab into the grid and Right, Right, Down gave focus events from "
                "%d distinct named cells, not 4: %r" % (len(set(cells)), focused[entered - 1:])]
    return []


def check_dropdowns(app, view):
    """Opens each dropdown there is and checks its options have names."""
    problems = []
    refresh(app)
    combos = [a for a, _ in walk(app) if a.getRoleName() == "combo box"]
    if not combos:
        return ["%s: no dropdown found to open" % view]
    for combo in combos:
        buttons = [c for c in children(combo) if c.getRoleName() in ("push button", "toggle button")]
        if not buttons:
            problems.append("%s: dropdown %r has no button" % (view, combo.name))
            continue

        def options():
            refresh(app)
            found = [a for a, _ in walk(combo)
                     if a.getState().contains(pyatspi.STATE_FOCUSABLE)
                     and a.getRoleName() not in ("push button",) + tuple(NOT_CONTROLS)]
            return found if len(found) > 1 else None

        do_action(buttons[0])
        found = poll(options, timeout=5)
        if not found:
            problems.append("%s: dropdown %r shows no options when opened" % (view, combo.name))
        else:
            for option in found:
                if is_nameless(option.name):
                    problems.append("%s: a focusable %s in dropdown %r has no name"
                                    % (view, option.getRoleName(), combo.name))
            log("%s: dropdown %r options %r" % (view, combo.name, [o.name for o in found][:6]))
        do_action(buttons[0])
    return problems


def check_announcements(app):
    """Deletes the open note from its menu, then undoes it: each result is
    announced, as the name of an alert in the tree, with an event (GTK 4.8
    has no gtk_accessible_announce ())."""
    problems = []
    added = []

    def on_event(event):
        try:
            data = event.any_data
            if os.environ.get("BATON_A11Y_EVENTS"):
                log("event %s %s %r %r" % (event.type, event.source.getRoleName(), event.source.name,
                                           data if isinstance(data, str)
                                           else data and (data.getRoleName(), data.name)))
            if event.type.startswith("object:children-changed:add"):
                if data is not None and data.getRoleName() == "alert":
                    added.append(data.name)
            elif event.source.getRoleName() == "alert" and isinstance(data, str) and data:
                added.append(data)
        except Exception:
            pass

    listener = Atspi.EventListener.new(on_event)
    listener.register("object:children-changed:add")
    listener.register("object:property-change:accessible-name")
    if os.environ.get("BATON_A11Y_EVENTS"):
        listener.register("object:")

    # The window's alert, found once (a walk of the whole tree is slow; a
    # toast, and the alert's name with it, does not last long).
    refresh(app)
    alert = find(app, lambda a: a.getRoleName() == "alert")
    if alert is None:
        listener.deregister("object:children-changed:add")
        listener.deregister("object:property-change:accessible-name")
        return ["Clients: the window has no alert to announce results with"]

    def alert_named(predicate):
        """The alert says it now, or an event said it."""
        Atspi.Accessible.clear_cache(alert)
        return predicate(alert.name or "") or any(predicate(n) for n in added)

    menu = wait_for("the note menu",
                    lambda: (refresh(app),
                             [a for a, _ in walk(app) if a.getRoleName() == "push button"
                              and a.name == "Note menu"
                              and a.getState().contains(pyatspi.STATE_FOCUSABLE)])[1])
    do_action(menu[-1])
    delete = wait_for("Delete Note in the note menu",
                      lambda: (refresh(app),
                               find(app, lambda a: a.getRoleName() in ("menu item", "push button")
                                    and a.name == "Delete Note"))[1])
    do_action(delete)
    if not poll(lambda: alert_named(lambda n: n.endswith(" deleted")), timeout=10):
        problems.append("Clients: deleting a note was not announced (no alert “… deleted”)")

    undo = find(app, lambda a: a.getRoleName() == "push button" and a.name == "Undo")
    do_action(undo)
    if not poll(lambda: alert_named(lambda n: n.startswith("Undone")), timeout=10):
        problems.append("Clients: the undo was not announced (no alert “Undone: …”)")
    poll(lambda: len(added) >= 2, timeout=2)
    if len(added) < 2:
        problems.append("Clients: no event (an alert added, or its name changed) brought the "
                        "announcements: %r" % added)
    log("announced: %r" % added)
    listener.deregister("object:children-changed:add")
    listener.deregister("object:property-change:accessible-name")
    return problems


def do_action(acc, names=("click", "activate")):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in names:
            return action.doAction(i)
    if action.nActions > 0:
        return action.doAction(0)
    raise RuntimeError("%s %r has no action" % (acc.getRoleName(), acc.name))


def show_view(app, title):
    tab = wait_for("the %s tab" % title,
                   lambda: find(app, lambda a: a.getRoleName() == "page tab" and a.name == title))
    do_action(tab)
    wait_for("the %s tab to be selected" % title,
             lambda: (refresh(app), tab.getState().contains(pyatspi.STATE_SELECTED)
                      or tab.getState().contains(pyatspi.STATE_CHECKED))[1], timeout=5)


def open_note(app):
    notes = wait_for("the notes list",
                     lambda: (refresh(app),
                              find(app, lambda a: a.getRoleName() == "list" and a.name == "Notes"))[1])
    wait_for("a note in the list", lambda: notes.childCount > 0)
    notes.querySelection().selectChild(0)
    wait_for("the note editor",
             lambda: (refresh(app),
                      find(app, lambda a: a.getRoleName() == "push button"
                           and a.name == "History"))[1])


def main():
    binary = sys.argv[1]
    tmp = tempfile.TemporaryDirectory(prefix="baton-a11y.")
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = os.path.join(tmp.name, "cache")
    env["XDG_DATA_HOME"] = os.path.join(tmp.name, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp.name, "config")
    env.setdefault("GSETTINGS_BACKEND", "memory")
    app_process = subprocess.Popen([binary, "--demo"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    problems = []
    try:
        def find_app():
            desktop = pyatspi.Registry.getDesktop(0)
            for app in children(desktop):
                if app.name == "baton" and app.get_process_id() == app_process.pid:
                    return app
            return None

        app = wait_for("Baton on the accessibility bus", find_app)
        wait_for("the window", lambda: any(c.getRoleName() == "frame" for c in children(app)))
        wait_for("the board", lambda: (refresh(app),
                                       find(app, lambda a: a.getRoleName() == "list"
                                            and a.childCount > 0 and a.name != "Clients"
                                            and a.name != "Notes"))[1])

        problems += check_names(app, "Board")

        show_view(app, "Capacity")
        problems += check_grid(app)
        problems += check_names(app, "Capacity")
        problems += check_grid_keyboard(app)

        show_view(app, "Clients")
        open_note(app)
        problems += check_names(app, "Clients")
        problems += check_fields(app, "Clients", ("Note title", "Client name", "Organization",
                                                  "Contact name", "Email", "Phone"))
        problems += check_focus_events(app, "Clients", ("Client name", "Organization", "Contact name",
                                                        "Email", "Phone", "Note title"))
        problems += check_dropdowns(app, "Clients")
        problems += check_announcements(app)
    except RuntimeError as error:
        problems.append(str(error))
    finally:
        app_process.terminate()
        try:
            _, errors = app_process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
            _, errors = app_process.communicate()
        if errors:
            log(errors.decode("utf-8", "replace")[-4000:])
        tmp.cleanup()

    # The same widget can be reached twice (a hidden page, a pooled row).
    seen = []
    for p in problems:
        if p not in seen:
            seen.append(p)
    for p in seen:
        log("FAIL " + p)
    log("%d problems" % len(seen))
    return 1 if seen else 0


if __name__ == "__main__":
    sys.exit(main())
