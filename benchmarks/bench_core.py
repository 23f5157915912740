"""Loss + gradient speed and memory of ce_core, as ratios against baselines timed in the same run.

Baselines: the textbook NumPy version (log-softmax, then softmax - one-hot), and PyTorch CPU
(``F.cross_entropy`` then ``.backward()``, with as many threads as we use) when torch is installed.

    python benchmarks/bench_core.py            # all cases
    python benchmarks/bench_core.py --quick    # smaller shapes, for a smoke run

Also ce_core beside ``scipy.special`` (softmax, log_softmax, logsumexp on 5 numbers) and the loss
alone beside loss + gradient on one 5-class example, as ratios from the same run.

Targets on a 2-core machine: float32 (2048, 50257) at most 0.7x PyTorch; float32 (256, 32000) at
most 1.0x; one (5,) example under 10 us per loss+gradient call; peak extra memory for (N, K) at
most one (N, K) buffer beyond the returned gradient.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ce_core import cross_entropy, cross_entropy_with_grad, log_softmax, logsumexp, softmax

try:
    from scipy import special
except ImportError:  # the SciPy column is left out
    special = None

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # the PyTorch column is left out
    torch = None


def textbook(z: np.ndarray, target: np.ndarray):
    """Return (loss, grad) the way a first NumPy implementation writes it."""
    m = z.max(axis=1, keepdims=True)
    e = np.exp(z - m)
    a = e / e.sum(axis=1, keepdims=True)
    n = z.shape[0]
    loss = -np.log(a[np.arange(n), target]).mean()
    grad = a.copy()
    grad[np.arange(n), target] -= 1
    return loss, grad / n


def torch_step(z: np.ndarray, target: np.ndarray):
    """Return a function doing PyTorch's forward + backward on copies of the inputs."""
    zt = torch.from_numpy(z.copy()).requires_grad_(True)
    tt = torch.from_numpy(target.astype(np.int64))

    def run():
        zt.grad = None
        loss = F.cross_entropy(zt, tt)
        loss.backward()
        return loss

    return run


def timed(fn, repeats: int) -> float:
    """Return the median wall time of ``fn()`` over ``repeats`` runs, after one warm-up."""
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_extra_buffers(z: np.ndarray, target: np.ndarray) -> float:
    """Return the peak memory of one call beyond its returned gradient, in (N, K) buffers."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    _, grad = cross_entropy_with_grad(z, target)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (peak - grad.nbytes) / z.nbytes


def batch_case(n: int, k: int, repeats: int, rng: np.random.Generator) -> None:
    z = rng.standard_normal((n, k), dtype=np.float32) * 3
    target = rng.integers(0, k, n)
    ours = timed(lambda: cross_entropy_with_grad(z, target), repeats)
    line = f"float32 ({n}, {k}): ce_core {ours * 1e3:8.2f} ms"
    line += f" | {ours / timed(lambda: textbook(z, target), repeats):.2f}x textbook NumPy"
    if torch is not None:
        line += f" | {ours / timed(torch_step(z, target), repeats):.2f}x PyTorch"
    line += f" | peak extra memory {peak_extra_buffers(z, target):.2f} (N, K) buffers"
    print(line, flush=True)


def single_case(repeats: int) -> None:
    z = np.array([2.0, 1.0, 0.1, -1.0, 3.0])
    number = 20_000
    ours = min(
        timeit_per_call(lambda: cross_entropy_with_grad(z, 3), number) for _ in range(repeats)
    )
    line = f"float64 (5,): ce_core {ours * 1e6:6.2f} us per loss+gradient call"
    if torch is not None:
        step = torch_step(z[None, :], np.array([3]))
        theirs = min(timeit_per_call(step, number // 10) for _ in range(repeats))
        line += f" | {ours / theirs:.2f}x PyTorch ({theirs * 1e6:.1f} us)"
    print(line, flush=True)


def small_calls(repeats: int) -> None:
    """Print ce_core beside SciPy on 5 numbers, and the loss alone beside loss + gradient.

    Each pair is timed interleaved, in the same run, so that the ratio is fair on a busy machine.
    """
    z = np.array([2.0, 1.0, 0.1, -1.0, 3.0])
    number = 20_000
    pairs = [("cross_entropy vs cross_entropy_with_grad", lambda: cross_entropy(z, 3),
              lambda: cross_entropy_with_grad(z, 3))]  # fmt: skip
    if special is not None:
        pairs += [
            (f"{name} vs scipy.special.{name}", partial(ours, z), partial(theirs, z))
            for name, ours, theirs in (
                ("softmax", softmax, special.softmax),
                ("log_softmax", log_softmax, special.log_softmax),
                ("logsumexp", logsumexp, special.logsumexp),
            )
        ]
    for label, ours, theirs in pairs:
        a, b = [], []
        for _ in range(repeats):
            a.append(timeit_per_call(ours, number))
            b.append(timeit_per_call(theirs, number))
        print(
            f"float64 (5,) {label}: {min(a) * 1e6:6.2f} us vs {min(b) * 1e6:6.2f} us = "
            f"{min(a) / min(b):.2f}x",
            flush=True,
        )


def timeit_per_call(fn, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller shapes, fewer repeats")
    args = parser.parse_args()
    threads = os.cpu_count() or 1
    if torch is not None:
        torch.set_num_threads(threads)
    print(
        f"{threads} cores; numpy {np.__version__}; torch {torch.__version__ if torch else 'absent'}"
    )
    rng = np.random.default_rng(0)
    if args.quick:
        batch_case(64, 50257, 3, rng)
        batch_case(64, 32000, 3, rng)
    else:
        batch_case(2048, 50257, 7, rng)
        batch_case(256, 32000, 15, rng)
    single_case(5)
    small_calls(5)


if __name__ == "__main__":
    main()
