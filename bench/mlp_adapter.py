"""A numpy workload for bench/numpy.bench.mjs: a batch through a small MLP.

``infer`` takes an 8×3×32×32 float32 batch as raw bytes (``Uint8Array`` from Node,
``application/octet-stream``), runs 3072 → 128 (ReLU) → 10 and returns the 8×10
float32 logits as bytes. ``infer_in_process`` times the same work inside Python, so
the bench can subtract it from the pool's round trip: what is left is the bridge.
"""

from __future__ import annotations

import time
from typing import List

import numpy as np

from snakepit_worker import command

BATCH, FEATURES, HIDDEN, CLASSES = 8, 3 * 32 * 32, 128, 10
_rng = np.random.default_rng(7)
_W1 = (_rng.standard_normal((FEATURES, HIDDEN)) / np.sqrt(FEATURES)).astype(np.float32)
_B1 = np.zeros(HIDDEN, dtype=np.float32)
_W2 = (_rng.standard_normal((HIDDEN, CLASSES)) / np.sqrt(HIDDEN)).astype(np.float32)
_B2 = np.zeros(CLASSES, dtype=np.float32)


def _forward(batch: np.ndarray) -> np.ndarray:
    hidden = np.maximum(batch @ _W1 + _B1, 0.0)
    return hidden @ _W2 + _B2


@command
def infer(data: bytes) -> bytes:
    """The logits of one batch given as float32 bytes."""
    batch = np.frombuffer(data, dtype=np.float32).reshape(BATCH, FEATURES)
    return _forward(batch).astype(np.float32).tobytes()


@command
def infer_in_process(runs: int) -> List[float]:
    """Each of ``runs`` in-process calls of ``infer`` on a batch made here, in µs."""
    data = _rng.standard_normal((BATCH, FEATURES)).astype(np.float32).tobytes()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        infer(data)
        samples.append((time.perf_counter() - started) * 1e6)
    return samples
