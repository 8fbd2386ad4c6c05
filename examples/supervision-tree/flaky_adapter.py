"""The supervision-tree example's second adapter: the demo commands, plus a
crash loop on demand.

``arm_crash_loop(boots)`` makes this worker exit at once and the next
``boots`` starts of this adapter crash at import (``os._exit(1)``), as an
adapter whose dependency went missing would: the pool's restarts fail until
the count is used up. The count lives in the file named by
``FLAKY_STATE_FILE``. Use it with ``start: 'spawn'`` (a fork server would
import it once).
"""

from __future__ import annotations

import os

from snakepit_worker import command
from snakepit_worker.demo_adapter import *  # noqa: F401,F403 (re-exports the demo commands)

_STATE_FILE = os.environ["FLAKY_STATE_FILE"]


def _read_boots_to_crash() -> int:
    try:
        with open(_STATE_FILE, encoding="utf-8") as state:
            return int(state.read() or "0")
    except FileNotFoundError:
        return 0


def _write_boots_to_crash(boots: int) -> None:
    with open(_STATE_FILE, "w", encoding="utf-8") as state:
        state.write(str(boots))


_boots = _read_boots_to_crash()
if _boots > 0:
    _write_boots_to_crash(_boots - 1)
    os._exit(1)


@command
def arm_crash_loop(boots: int) -> None:
    """Exits this worker now; the next ``boots`` starts crash at import."""
    _write_boots_to_crash(boots)
    os._exit(1)
