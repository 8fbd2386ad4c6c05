"""A heavy adapter for bench/forkserver.bench.mjs: ~500 ms of CPU at import, as a real
one that imports numpy, pandas or torch spends, then the demo commands."""

from __future__ import annotations

import time

from snakepit_worker.demo_adapter import *  # noqa: F401,F403 (re-exports the demo commands)

_deadline = time.process_time() + 0.5
_spin = 0
while time.process_time() < _deadline:
    _spin += 1
