r"""Output relay for forked workers.

A spawned worker's stdout and stderr are pipes its owner reads line by line. A worker
forked by the fork server inherits the server's instead, shared by every worker, so the
owner could not tell whose a line is. It replaces both with pipes of its own and sends
each line as a ``Log`` frame on its control channel (logger ``stdout`` or ``stderr``),
which the owner turns into the same ``snakepit.worker.log`` events.

Lines are split the way the owner splits a spawned worker's pipes (``LineSplitter.ts``
in ``@snakepit/core``), so both start modes log the same events: at ``\n``, ``\r\n`` or
a lone ``\r``, and a line over 64 KiB in pieces of at most 64 KiB, cut between UTF-8
characters.
"""

from __future__ import annotations

import os
import re
import select
import sys
import threading
from typing import Callable, Dict

from ._proto import snakepit_pb2

RELAY_OUTPUT_ENV = "SNAKEPIT_RELAY_OUTPUT"
MAX_LINE_BYTES = 64 * 1024

Send = Callable[[snakepit_pb2.ControlFrame], None]


def flush_std_streams() -> None:
    """Flush ``sys.stdout`` and ``sys.stderr``; never raises."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass


def relay_output(send: Send) -> None:
    """Point fds 1 and 2 at pipes and forward their lines from a daemon thread."""
    flush_std_streams()
    readers: Dict[int, str] = {}
    for fd, name in ((1, "stdout"), (2, "stderr")):
        read_end, write_end = os.pipe()
        os.dup2(write_end, fd)  # inheritable: exec'd children write to it too
        os.close(write_end)
        readers[read_end] = name
    threading.Thread(
        target=_pump, args=(readers, send), name="snakepit-output", daemon=True
    ).start()


class LineSplitter:
    r"""Splits a byte stream into lines at ``\n``, ``\r\n`` or a lone ``\r`` (dropped),
    holding at most ``max_line_bytes`` of a line: a longer line is handed on in pieces of
    at most that many bytes, cut between UTF-8 characters, the last piece ending where the
    line ends. Same rules as the owner's ``LineSplitter.ts``."""

    def __init__(self, on_line: Callable[[str], None], max_line_bytes: int = MAX_LINE_BYTES):
        self._on_line = on_line
        self._max = max(4, max_line_bytes)
        self._pending = bytearray()
        self._after_cr = False

    def push(self, data: bytes) -> None:
        """Take the next chunk; call ``on_line`` for each line or piece it completes."""
        if not data:
            return
        start = 1 if self._after_cr and data[:1] == b"\n" else 0
        self._after_cr = False
        for match in _LINE_END.finditer(data, start):
            self._append(data[start : match.start()])
            self._emit(bytes(self._pending))
            self._pending.clear()
            start = match.end()
            if match.group() == b"\r" and start == len(data):
                self._after_cr = True
        self._append(data[start:])

    def end(self) -> None:
        """End the stream: hand on its last line if it had no line end."""
        if self._pending:
            self._emit(bytes(self._pending))
            self._pending.clear()
        self._after_cr = False

    def _append(self, data: bytes) -> None:
        self._pending += data
        while len(self._pending) > self._max:
            cut = self._max
            while cut > self._max - 3 and (self._pending[cut] & 0xC0) == 0x80:
                cut -= 1
            if (self._pending[cut] & 0xC0) == 0x80:
                cut = self._max  # not UTF-8 there anyway
            self._emit(bytes(self._pending[:cut]))
            del self._pending[:cut]

    def _emit(self, line: bytes) -> None:
        self._on_line(line.decode("utf-8", "replace"))


_LINE_END = re.compile(rb"\r\n|\r|\n")


def _pump(readers: Dict[int, str], send: Send) -> None:
    splitters = {fd: LineSplitter(_sender(name, send)) for fd, name in readers.items()}
    open_fds = list(readers)
    while open_fds:
        readable, _, _ = select.select(open_fds, [], [])
        for fd in readable:
            chunk = os.read(fd, 65536)
            if chunk:
                splitters[fd].push(chunk)
            else:
                open_fds.remove(fd)
                splitters[fd].end()


def _sender(stream: str, send: Send) -> Callable[[str], None]:
    def send_line(line: str) -> None:
        log = snakepit_pb2.Log(level=snakepit_pb2.Log.INFO, message=line, logger=stream)
        send(snakepit_pb2.ControlFrame(log=log))

    return send_line
