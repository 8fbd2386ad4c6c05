"""A test adapter that pokes at the guardian: forks without exec, closes its pipe.

Put this directory on ``PYTHONPATH`` and start a worker with
``--adapter guardian_probe_adapter``.
"""

from __future__ import annotations

import os
import time
from typing import List

from snakepit_worker import command, guardian
from snakepit_worker.demo_adapter import echo, spawn_children

__all__ = ["close_guardian_pipe", "echo", "fork_children", "spawn_children"]


@command
def fork_children(n: int = 1) -> List[int]:
    """Fork ``n`` children that sleep for an hour without exec; return their pids.

    They inherit the worker's end of the guardian's pipe, so the guardian sees no
    end-of-file while they live: only the death signal can wake it.
    """
    pids = []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            try:
                time.sleep(3600)
            finally:
                os._exit(0)
        pids.append(pid)
    return pids


@command
def close_guardian_pipe() -> bool:
    """Close the worker's end of the guardian's pipe, as careless user code might."""
    assert guardian._worker_end is not None
    os.close(guardian._worker_end)
    return True
