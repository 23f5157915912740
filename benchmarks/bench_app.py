"""Server-side time of one rerun of each page, as a ratio against a trivial one-chart page.

Each page is run through Streamlit's AppTest (the whole app, navigation included) and rerun many
times; the median rerun is compared with the median rerun of ``trivial_page.py`` measured in the
same process, so the ratio does not depend on how fast or busy the machine is.

    python benchmarks/bench_app.py [--reruns 30]

Target: the Playground at most 2x the trivial page.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("playground", "derivation", "stability", "binary", "training", "batch")


def median_rerun(at: AppTest, reruns: int) -> float:
    """Return the median wall time of ``at.run()``, after two warm-up runs."""
    at.run()
    at.run()
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=30)
    args = parser.parse_args()
    trivial = median_rerun(
        AppTest.from_file(str(ROOT / "benchmarks" / "trivial_page.py"), default_timeout=60),
        args.reruns,
    )
    print(f"trivial one-chart page: {trivial * 1e3:.1f} ms per rerun (the baseline)")
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["lang"] = "en"
        at.run()
        at.switch_page(f"pages/{page}.py")
        seconds = median_rerun(at, args.reruns)
        print(f"{page:11s} {seconds * 1e3:7.1f} ms per rerun = {seconds / trivial:5.2f}x trivial")


if __name__ == "__main__":
    main()
