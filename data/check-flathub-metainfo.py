#!/usr/bin/env python3
"""What Flathub asks of the metainfo that Debian 12's appstreamcli (0.16)
does not check: a developer id with a name (not <developer_name>), a summary
of at most 35 characters, light and dark branding colours, a release for
this version with a date, a content rating, the homepage, bug tracker and
repository URLs, and screenshots with captions whose images are committed
under data/screenshots/ (PNG, at most 300 KB) and linked at the release tag.

usage: check-flathub-metainfo.py METAINFO VERSION SCREENSHOTS-DIR
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

REPO = "https://github.com/baton-app/baton"
RAW = "https://raw.githubusercontent.com/baton-app/baton"
MAX_SCREENSHOT_BYTES = 300 * 1024


def untranslated(parent, tag):
    return [e for e in parent.findall(tag)
            if "{http://www.w3.org/XML/1998/namespace}lang" not in e.attrib]


def main(path, version, screenshots_dir):
    root = ET.parse(path).getroot()
    problems = []

    def check(ok, what):
        if not ok:
            problems.append(what)

    check(root.find("developer_name") is None, "<developer_name> is deprecated: use <developer id>")
    developer = root.find("developer")
    check(developer is not None and developer.get("id"), "no <developer id=…>")
    check(developer is not None and untranslated(developer, "name"), "<developer> has no <name>")

    summaries = untranslated(root, "summary")
    check(len(summaries) == 1, "no summary")
    for summary in summaries:
        check(len(summary.text or "") <= 35,
              f"summary longer than 35 characters: {summary.text!r} ({len(summary.text)})")

    colors = {(c.get("type"), c.get("scheme_preference")): c.text
              for c in root.findall("branding/color")}
    for scheme in ("light", "dark"):
        color = colors.get(("primary", scheme))
        check(color and re.fullmatch(r"#[0-9a-fA-F]{6}", color),
              f"no primary {scheme} branding colour")

    releases = root.findall("releases/release")
    check(any(r.get("version") == version and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.get("date") or "")
              for r in releases), f"no release {version} with a date")

    check(root.find("content_rating") is not None, "no content rating")

    urls = {u.get("type"): u.text for u in root.findall("url")}
    for kind in ("homepage", "bugtracker", "vcs-browser"):
        check((urls.get(kind) or "").startswith(REPO), f"no {kind} URL under {REPO}")

    lengths = root.findall("requires/display_length")
    check(lengths, "no display length required")

    shots = root.findall("screenshots/screenshot")
    check(len(shots) >= 3, "fewer than three screenshots")
    check(sum(1 for s in shots if s.get("type") == "default") == 1,
          "not exactly one default screenshot")
    prefix = f"{RAW}/v{version}/data/screenshots/"
    for shot in shots:
        check(untranslated(shot, "caption"), "a screenshot has no caption")
        image = shot.find("image")
        url = image.text if image is not None else ""
        check(url.startswith(prefix) and url.endswith(".png"),
              f"screenshot not a PNG at the tag v{version}: {url}")
        name = url[len(prefix):]
        local = os.path.join(screenshots_dir, name)
        if not os.path.isfile(local):
            problems.append(f"screenshot not committed: data/screenshots/{name}")
            continue
        with open(local, "rb") as f:
            check(f.read(8) == b"\x89PNG\r\n\x1a\n", f"not a PNG: {local}")
        size = os.path.getsize(local)
        check(size <= MAX_SCREENSHOT_BYTES, f"{local} is {size} bytes (at most {MAX_SCREENSHOT_BYTES})")

    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{path}: ready for Flathub as far as this check sees")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
