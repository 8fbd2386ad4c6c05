"""Self-termination guards: a worker must never outlive its owner.

Defence in depth, because each guard alone has a gap (see
docs/architecture.md#platform-facts-the-design-relies-on):
``PR_SET_PDEATHSIG`` fires when the owner's spawning *thread* ends, and still kills
a worker stuck in C code holding the GIL; the ``getppid()`` check closes the race of
an owner that died while we started; a ``getppid()`` poll stands in where prctl is
missing (macOS); the ping watchdog catches an owner that is alive but has lost us.
Every guard ends in ``die()``. A worker that is SIGKILLed runs none of them: the
guardian process (``guardian.py``) then kills the group in its place. This module
imports only the standard library and runs before anything heavy is imported.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Callable, Mapping, NoReturn, Optional

from .guardian import load_prctl, start_guardian

DIE_EXIT_CODE = 70
"""Exit status of a worker that killed itself, if killing its process group failed."""

PARENT_POLL_INTERVAL_S = 0.25
"""How often the ``getppid()`` poll runs where ``PR_SET_PDEATHSIG`` is unavailable."""

_PR_SET_PDEATHSIG = 1


def guards_enabled(environ: Mapping[str, str]) -> bool:
    """False only when ``SNAKEPIT_GUARDS=off`` (a switch for tests of orphan reaping)."""
    return environ.get("SNAKEPIT_GUARDS", "").strip().lower() != "off"


def die() -> NoReturn:
    """Kill this worker and its process group at once.

    Never touches stdio: after the owner's death a write to a closed pipe raises
    ``BrokenPipeError`` and would stop us before the exit.
    """
    try:
        # The owner spawns us detached, as the leader of our own group; kill the group
        # only then, or we would hit processes that are not ours.
        if os.getpgrp() == os.getpid():
            os.killpg(os.getpid(), signal.SIGKILL)
    finally:
        os._exit(DIE_EXIT_CODE)


def owner_pid(environ: Mapping[str, str]) -> Optional[int]:
    """The owner's pid from ``SNAKEPIT_OWNER_PID``, or None if absent or malformed."""
    return _pid(environ, "SNAKEPIT_OWNER_PID")


def expected_parent_pid(environ: Mapping[str, str]) -> Optional[int]:
    """Our parent's pid: the fork server's for a forked worker (``SNAKEPIT_PARENT_PID``),
    else the owner's."""
    return _pid(environ, "SNAKEPIT_PARENT_PID") or owner_pid(environ)


def _pid(environ: Mapping[str, str], name: str) -> Optional[int]:
    try:
        pid = int(environ.get(name, ""))
    except ValueError:
        return None
    return pid if pid > 0 else None


def arm_parent_death_signal() -> bool:
    """Ask Linux to SIGKILL us when our parent (thread) ends; False where unsupported."""
    prctl = load_prctl()
    return prctl is not None and prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))


def arm_owner_guards(environ: Mapping[str, str]) -> None:
    """Arm the parent-death guards and fork the guardian; die now if the owner is gone.

    The death signal is armed *before* the parent check: an owner dying between the
    two is then caught by one or the other. The guardian is forked before any thread
    exists (the parent poll's included).
    """
    if not guards_enabled(environ):
        return
    has_death_signal = arm_parent_death_signal()
    expected_ppid = expected_parent_pid(environ) or os.getppid()
    if os.getppid() != expected_ppid:
        die()
    start_guardian()
    if not has_death_signal:
        watch_parent(expected_ppid)


def watch_parent(
    expected_ppid: int,
    on_lost: Callable[[], object] = die,
    interval_s: float = PARENT_POLL_INTERVAL_S,
    getppid: Callable[[], int] = os.getppid,
) -> threading.Thread:
    """Poll ``getppid()`` on a daemon thread; call ``on_lost`` once it changes."""

    def poll() -> None:
        while getppid() == expected_ppid:
            time.sleep(interval_s)
        on_lost()

    thread = threading.Thread(target=poll, name="snakepit-parent-watch", daemon=True)
    thread.start()
    return thread


class PingWatchdog:
    """Calls ``on_expired`` once if no ping is fed within ``window_s``.

    The window runs from ``start()`` and restarts at every ``feed()``; ``feed()``
    before ``start()`` is harmless. The worker starts it once ``Ready`` is sent: the
    owner pings from then on, and an adapter import may take longer than the window.
    """

    def __init__(self, window_s: float, on_expired: Callable[[], object]) -> None:
        if not window_s > 0:
            raise ValueError(f"Expected `window_s` to be positive, got {window_s!r}")
        self._window_s = window_s
        self._on_expired = on_expired
        self._last_ping = time.monotonic()
        self._busy_until = 0.0

    def start(self) -> threading.Thread:
        """Start the window now and watch it on a daemon thread."""
        self._last_ping = time.monotonic()
        thread = threading.Thread(target=self._watch, name="snakepit-ping-watchdog", daemon=True)
        thread.start()
        return thread

    def feed(self) -> None:
        """Record a ping: the window starts again."""
        self._last_ping = time.monotonic()

    def hold_for(self, duration_ms: int) -> None:
        """A ``busy()`` announcement: the window starts no earlier than its end.

        Pings that arrive while a call holds the GIL wait unread in the socket; once
        it is released this thread may run before the reader does. The owner does not
        judge the worker before the announced end: neither do we. The end is on the
        monotonic clock, like the window; ``0`` (a withdrawn announcement) changes
        nothing: the owner resumes pinging at once.
        """
        self._busy_until = max(self._busy_until, time.monotonic() + duration_ms / 1000)

    def _watch(self) -> None:
        while True:
            start = max(self._last_ping, self._busy_until)
            remaining = start + self._window_s - time.monotonic()
            if remaining <= 0:
                self._on_expired()
                return
            time.sleep(remaining)
