"""The worker's side of the control conversation: answer pings, honour Shutdown.

Runs on the control channel's reader thread. It never blocks there: a Shutdown only
wakes the main thread, which drains the server, so pings keep being answered while
in-flight calls finish.

The main thread waits in ``select`` on a wake-up pipe rather than on a lock: a signal
delivered to another thread does not interrupt a lock wait, so SIGTERM would go
unhandled; with the pipe also registered as the signal wake-up fd it is handled at once.
"""

from __future__ import annotations

import os
import select
import threading
from typing import Callable, Optional

from ._proto import snakepit_pb2
from .guards import PingWatchdog
from .stats import CallCounter, collect_stats

FrameSender = Callable[[snakepit_pb2.ControlFrame], None]


class Lifecycle:
    """Handles frames from the owner and tells the main thread when to stop."""

    def __init__(
        self, send: FrameSender, counter: CallCounter, watchdog: Optional[PingWatchdog]
    ) -> None:
        self._send = send
        self._counter = counter
        self._watchdog = watchdog
        self._shutdown = threading.Event()
        self._grace_s = 0.0
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)

    @property
    def wakeup_fd(self) -> int:
        """Writing to it wakes ``wait_for_shutdown``; fit for ``signal.set_wakeup_fd``."""
        return self._wake_write

    def handle_frame(self, frame: snakepit_pb2.ControlFrame) -> None:
        """React to one frame from the owner.

        Frames the owner is not expected to send are ignored: a newer owner may speak
        a richer protocol.
        """
        kind = frame.WhichOneof("body")
        if kind == "ping":
            if self._watchdog is not None:
                self._watchdog.feed()
            pong = snakepit_pb2.Pong(seq=frame.ping.seq, stats=collect_stats(self._counter))
            self._send(snakepit_pb2.ControlFrame(pong=pong))
        elif kind == "shutdown" and not self._shutdown.is_set():
            self._grace_s = frame.shutdown.deadline_ms / 1000
            self._shutdown.set()
            try:
                os.write(self._wake_write, b"\0")
            except BlockingIOError:  # the pipe is full: a wake-up is pending anyway
                pass

    def wait_for_shutdown(self) -> float:
        """Block until the owner asks us to stop; return the drain time in seconds.

        Returns to the interpreter at every wake-up, so that pending signal handlers run.
        """
        while not self._shutdown.is_set():
            select.select([self._wake_read], [], [])
            os.read(self._wake_read, 4096)
        return self._grace_s
