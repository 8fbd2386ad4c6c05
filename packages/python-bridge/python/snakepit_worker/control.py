"""The control channel: frames over the descriptor the owner gave us (fd 3 by default).

The descriptor is one end of a socketpair made by the owner's ``spawn``. Reading it
on a daemon thread answers heartbeats even while every handler thread is busy, and
its end-of-file is the surest sign that the owner is gone. Any failure of the
channel (EOF, read/write error, broken framing) is reported once to ``on_lost``:
the worker treats it as the loss of its owner.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Callable

from ._proto import snakepit_pb2
from .framing import FrameDecoder, FrameError, encode_frame

FrameHandler = Callable[[snakepit_pb2.ControlFrame], None]
LossHandler = Callable[[str], None]
"""Receives a short reason such as ``"control channel closed"``; may not return."""

_READ_CHUNK_BYTES = 64 * 1024


class ControlChannel:
    """Sends and receives ``ControlFrame`` messages on one file descriptor.

    ``send`` may be called from any thread; frames never interleave. It never raises:
    a failed write is reported to ``on_lost``.
    """

    def __init__(self, fd: int, on_lost: LossHandler) -> None:
        # The worker's own subprocesses must not hold the channel open: the owner
        # reads its EOF as the worker's end.
        os.set_inheritable(fd, False)
        os.set_blocking(fd, True)
        self._fd = fd
        self._on_lost = on_lost
        self._write_lock = threading.Lock()
        self._lost_lock = threading.Lock()
        self._lost = threading.Event()

    def send(self, frame: snakepit_pb2.ControlFrame) -> None:
        """Write one frame; on failure report the channel lost."""
        data = memoryview(encode_frame(frame))
        if self._lost.is_set():
            return
        try:
            with self._write_lock:
                while data:
                    data = data[os.write(self._fd, data) :]
        except OSError as exc:
            self._report_lost(f"control channel write failed: {exc}")

    def send_busy(self, duration_ms: int, reason: str) -> None:
        """Send a ``Busy`` frame (a ``context.BusySink``); ``duration_ms`` 0 clears.

        ``until_unix_ms`` is for display (and for owners older than ``duration_ms``):
        the owner measures ``duration_ms`` on its own monotonic clock.
        """
        until_unix_ms = int(time.time() * 1000) + duration_ms if duration_ms > 0 else 0
        busy = snakepit_pb2.Busy(
            duration_ms=duration_ms, until_unix_ms=until_unix_ms, reason=reason
        )
        self.send(snakepit_pb2.ControlFrame(busy=busy))

    def start_reader(self, on_frame: FrameHandler) -> threading.Thread:
        """Read frames on a daemon thread and pass each to ``on_frame``, in order.

        The thread ends when the channel is lost.
        """
        reader = threading.Thread(
            target=self._read_loop, args=(on_frame,), name="snakepit-control", daemon=True
        )
        reader.start()
        return reader

    def _read_loop(self, on_frame: FrameHandler) -> None:
        decoder = FrameDecoder()
        while not self._lost.is_set():
            try:
                data = os.read(self._fd, _READ_CHUNK_BYTES)
            except OSError as exc:
                self._report_lost(f"control channel read failed: {exc}")
                return
            if not data:
                self._report_lost("control channel closed by the owner")
                return
            try:
                frames = decoder.feed(data)
            except FrameError as exc:
                self._report_lost(f"control channel protocol error: {exc}")
                return
            for frame in frames:
                on_frame(frame)

    def _report_lost(self, reason: str) -> None:
        with self._lost_lock:
            if self._lost.is_set():
                return
            self._lost.set()
        self._on_lost(reason)
