"""What a running command can learn about its call, and how it declares itself busy.

A synchronous handler cannot be interrupted when its caller gives up, so the worker
offers cooperation instead: ``current_call().cancelled`` tells a handler that its
result will be dropped, and ``busy()`` tells the owner not to judge the worker hung
while a long, GIL-holding step runs. This module imports only the standard library:
it is loaded before the worker's guards are armed.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Callable, Dict, Iterator, Mapping, Optional, Tuple

BusySink = Callable[[int, str], None]
"""Receives ``(until_unix_ms, reason)``; ``until_unix_ms == 0`` clears the announcement."""


class CallContext:
    """The call a handler is serving: its command, metadata and deadline."""

    def __init__(
        self,
        command: str,
        metadata: Mapping[str, str],
        timeout_ms: int = 0,
        is_active: Optional[Callable[[], bool]] = None,
    ) -> None:
        self.command = command
        """The command name the caller asked for."""
        self.metadata: Mapping[str, str] = dict(metadata)
        """Free-form metadata the caller sent with the request."""
        self.timeout_ms = timeout_ms
        """The caller's timeout in milliseconds; 0 means none."""
        self._is_active = is_active
        self._deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms > 0 else None

    @property
    def cancelled(self) -> bool:
        """True once the caller cancelled, went away, or the timeout passed.

        A handler that checks this can stop early: its result would be dropped.
        """
        if self._is_active is not None and not self._is_active():
            return True
        return self._deadline is not None and time.monotonic() >= self._deadline

    def time_remaining(self) -> Optional[float]:
        """Seconds left before the timeout (never negative), or None without one."""
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - time.monotonic())


_IDLE_CALL = CallContext(command="", metadata={})
_current = threading.local()


def current_call() -> CallContext:
    """Return the call being served by this thread.

    Outside a call (at import time, in a thread the handler started) this is an idle
    context whose ``cancelled`` is always False.
    """
    call: CallContext = getattr(_current, "call", _IDLE_CALL)
    return call


@contextmanager
def call_scope(call: CallContext) -> Iterator[CallContext]:
    """Make ``call`` the current call of this thread for the duration of the block."""
    previous = current_call()
    _current.call = call
    try:
        yield call
    finally:
        _current.call = previous


class _BusyTracker:
    """Announces the latest deadline among all open ``busy()`` blocks of the process.

    Handlers run concurrently: one block ending must not clear another's
    announcement, so the tracker re-announces whatever is still open.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: Dict[int, Tuple[int, str]] = {}
        self._next_token = 0
        self._sink: Optional[BusySink] = None

    def set_sink(self, sink: Optional[BusySink]) -> None:
        with self._lock:
            self._sink = sink

    def open(self, until_unix_ms: int, reason: str) -> int:
        with self._lock:
            token = self._next_token
            self._next_token += 1
            self._open[token] = (until_unix_ms, reason)
            self._announce()
            return token

    def close(self, token: int) -> None:
        with self._lock:
            del self._open[token]
            self._announce()

    def _announce(self) -> None:
        if self._sink is None:
            return
        until, reason = max(self._open.values(), default=(0, ""))
        self._sink(until, reason)


_busy_tracker = _BusyTracker()


def set_busy_sink(sink: Optional[BusySink]) -> None:
    """Route ``busy()`` announcements to ``sink`` (the worker's control channel).

    Without a sink (the adapter runs outside a worker, e.g. in its own tests)
    ``busy()`` does nothing.
    """
    _busy_tracker.set_sink(sink)


@contextmanager
def busy(seconds: float, reason: str = "") -> Iterator[None]:
    """Tell the owner not to judge this worker hung for the next ``seconds``.

    Use it around work that may starve the heartbeat (a C extension holding the GIL):
    the owner waits until the announced deadline before it counts missed pongs. The
    announcement is withdrawn when the block exits, unless another block is still open.

    Args:
        seconds: how long the work may take, in seconds; must be positive.
        reason: a short human-readable label, reported with worker events.

    Raises:
        ValueError: if ``seconds`` is not positive.
    """
    if not seconds > 0:
        raise ValueError(f"Expected `seconds` to be a positive number, got {seconds!r}")
    until_unix_ms = int((time.time() + seconds) * 1000)
    token = _busy_tracker.open(until_unix_ms, reason)
    try:
        yield
    finally:
        _busy_tracker.close(token)
