"""Debian's Chromium for the browser tests, started as this workplace needs: no sandbox as
root, and no background calls to other hosts."""

import os
import shutil

from tests.environment import unavailable

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags the workplace needs: no sandbox as root, and no background calls to Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_or_skip() -> None:
    missing = [] if os.path.exists(CHROMIUM) else ["Debian's chromium (/usr/bin/chromium)"]
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the playwright package")
    if missing:
        unavailable(
            f"browser test needs {' and '.join(missing)}; `make test` installs them as root"
        )
