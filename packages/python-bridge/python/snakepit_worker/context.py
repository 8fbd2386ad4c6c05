"""What a running command can learn about its call, and how it declares itself busy.

A synchronous handler cannot be interrupted when its caller gives up, so the worker
offers cooperation instead: ``current_call().cancelled`` tells a handler that its
result will be dropped, and ``busy()`` tells the owner not to judge the worker hung
while a long, GIL-holding step runs. This module imports only the standard library:
it is loaded before the worker's guards are armed.
"""

from __future__ import annotations

import math
import threading
import time
from contextlib import contextmanager
from typing import Callable, ContextManager, Dict, Iterator, List, Mapping, Optional, Tuple

BusySink = Callable[[int, str], None]
"""Receives ``(duration_ms, reason)``: do not judge the worker hung for ``duration_ms``
from now; ``0`` clears the announcement. A duration, not a wall-clock deadline: the
owner's and the worker's wall clocks need not agree, nor stay unstepped."""


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


def is_in_call() -> bool:
    """Whether this thread is serving a call (inside :func:`call_scope`)."""
    return getattr(_current, "call", _IDLE_CALL) is not _IDLE_CALL


_scope_exit_hooks: List[Callable[[], None]] = []


def on_scope_exit(hook: Callable[[], None]) -> None:
    """Call ``hook`` on the serving thread each time a call scope ends (the output
    capture hands on a call's last, unterminated line then). ``hook`` must not raise."""
    _scope_exit_hooks.append(hook)


def call_scope(call: CallContext) -> ContextManager[CallContext]:
    """Make ``call`` the current call of this thread for the duration of the block."""
    return _CallScope(call)


class _CallScope:
    """:func:`call_scope`'s block (a class, not a generator: it is on every call's path)."""

    __slots__ = ("_call", "_previous")

    def __init__(self, call: CallContext) -> None:
        self._call = call
        self._previous = _IDLE_CALL

    def __enter__(self) -> CallContext:
        self._previous = getattr(_current, "call", _IDLE_CALL)
        _current.call = self._call
        return self._call

    def __exit__(self, *exc_info: object) -> None:
        try:
            for hook in _scope_exit_hooks:
                hook()
        finally:
            _current.call = self._previous


class _BusyTracker:
    """Announces the latest deadline among all open ``busy()`` blocks of the process.

    Handlers run concurrently: one block ending must not clear another's
    announcement, so the tracker re-announces whatever is still open, as the time
    left until its deadline. Deadlines are on the monotonic clock (issue 20).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: Dict[int, Tuple[float, str]] = {}
        self._next_token = 0
        self._sink: Optional[BusySink] = None

    def set_sink(self, sink: Optional[BusySink]) -> None:
        with self._lock:
            self._sink = sink

    def open(self, deadline_s: float, reason: str) -> int:
        """Open a block ending at ``deadline_s`` on ``time.monotonic()``."""
        with self._lock:
            token = self._next_token
            self._next_token += 1
            self._open[token] = (deadline_s, reason)
            self._announce()
            return token

    def close(self, token: int) -> None:
        with self._lock:
            del self._open[token]
            self._announce()

    def _announce(self) -> None:
        if self._sink is None:
            return
        deadline_s, reason = max(self._open.values(), default=(0.0, ""))
        # Rounded up: an announcement never ends before the block's deadline. A block
        # still open past its deadline announces 0, as the owner already judges it.
        duration_ms = max(0, math.ceil((deadline_s - time.monotonic()) * 1000))
        self._sink(duration_ms, reason if duration_ms > 0 else "")


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
    The deadline is measured on each process's monotonic clock: a wall-clock step in
    the worker or the owner neither lengthens nor shortens it.

    Args:
        seconds: how long the work may take, in seconds; must be positive.
        reason: a short human-readable label, reported with worker events.

    Raises:
        ValueError: if ``seconds`` is not positive.
    """
    if not seconds > 0:
        raise ValueError(f"Expected `seconds` to be a positive number, got {seconds!r}")
    token = _busy_tracker.open(time.monotonic() + seconds, reason)
    try:
        yield
    finally:
        _busy_tracker.close(token)
