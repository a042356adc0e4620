"""Headless Chromium for the HTML report's tests, and the screenshot in docs/.

Debian's `chromium` is driven as a command: `--dump-dom` gives the DOM after parsing (and
after any script ran), `--screenshot` a PNG. The flags keep it off the network and out of
the sandbox that root cannot use. Run `python tests/browser.py docs/report.png` to remake
the screenshot of the seeds' report that README shows.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--hide-scrollbars", "--disable-extensions")


def run_chromium(page: Path, *args: str, width: int = 1200, height: int = 900) -> str:
    """Run Chromium on `page` with `args` in a fresh profile; its stdout."""
    if CHROMIUM is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}",
                               f"--window-size={width},{height}", *args,
                               page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=90)
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def dump_dom(page: Path, width: int = 1200, height: int = 900) -> str:
    """The page's DOM, serialized, once it has loaded."""
    return run_chromium(page, "--dump-dom", width=width, height=height)


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 900) -> None:
    run_chromium(page, f"--screenshot={png.resolve()}", width=width, height=height)


def main(argv: list[str]) -> int:
    from factcheck import review
    from factcheck.report import render

    root = Path(__file__).resolve().parent.parent
    out = Path(argv[0]) if argv else root / "docs" / "report.png"
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(render(review(root / "seeds", root / "claims"), "html"),
                        encoding="utf-8")
        screenshot(page, out, width=1000, height=1500)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
