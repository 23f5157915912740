"""The browser every browser test and benchmark drives: Debian's Chromium, headless, offline."""

import os

CHROMIUM = os.environ.get("CE_LAB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
