"""Worker statistics sent with every Pong and Health answer.

The owner uses them for telemetry and to notice a leaking or spinning worker, so
they must be cheap: one ``pread`` of ``/proc/self/statm`` on a descriptor kept open
(3 µs, against 29 µs for open + read + close) and a few counters per heartbeat.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Tuple

from ._proto import snakepit_pb2

_STATM_PATH = "/proc/self/statm"


class CallCounter:
    """Counts calls in flight and calls completed; safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._in_flight = 0
        self._completed = 0

    def track(self) -> "CallCounter":
        """Count one call for the duration of the ``with`` block (a class, not a
        generator: this is on every call's path)."""
        return self

    def __enter__(self) -> None:
        with self._lock:
            self._in_flight += 1

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self._in_flight -= 1
            self._completed += 1

    def snapshot(self) -> Tuple[int, int]:
        """``(in_flight, completed)`` at one instant."""
        with self._lock:
            return self._in_flight, self._completed


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

# (pid, fd) of this process's open statm: a worker forked by the fork server must
# not read the server's, which a descriptor opened before the fork would be.
_statm: Tuple[int, int] = (-1, -1)
_statm_lock = threading.Lock()


def _read_statm_kept_open() -> bytes:
    global _statm
    with _statm_lock:
        if _statm[0] != os.getpid():
            _statm = (os.getpid(), os.open(_STATM_PATH, os.O_RDONLY | os.O_CLOEXEC))
        return os.pread(_statm[1], 128, 0)


def _forget_statm() -> None:
    """After a failed read: user code may have closed the descriptor (or reused its number)."""
    global _statm
    with _statm_lock:
        _statm = (-1, -1)


def rss_bytes() -> int:
    """Resident set size now (Linux), or the peak resident size where /proc is missing."""
    try:
        return int(_read_statm_kept_open().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        _forget_statm()
    try:
        with open(_STATM_PATH, "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # ru_maxrss is in bytes on macOS and in KiB elsewhere.
        return int(peak if sys.platform == "darwin" else peak * 1024)


def cpu_time_us() -> int:
    """User plus system CPU time of this process, in microseconds."""
    times = os.times()
    return int((times.user + times.system) * 1_000_000)


def collect_stats(counter: CallCounter) -> snakepit_pb2.WorkerStats:
    """Build the ``WorkerStats`` message for a Pong or a Health answer."""
    in_flight, completed = counter.snapshot()
    return snakepit_pb2.WorkerStats(
        rss_bytes=rss_bytes(),
        cpu_time_us=cpu_time_us(),
        in_flight=in_flight,
        completed=completed,
    )
