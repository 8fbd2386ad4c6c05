"""Output relay for forked workers.

A spawned worker's stdout and stderr are pipes its owner reads line by line. A worker
forked by the fork server inherits the server's instead, shared by every worker, so the
owner could not tell whose a line is. It replaces both with pipes of its own and sends
each line as a ``Log`` frame on its control channel (logger ``stdout`` or ``stderr``),
which the owner turns into the same ``snakepit.worker.log`` events.
"""

from __future__ import annotations

import os
import select
import sys
import threading
from typing import Callable, Dict

from ._proto import snakepit_pb2

RELAY_OUTPUT_ENV = "SNAKEPIT_RELAY_OUTPUT"
_MAX_LINE = 64 * 1024

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
    threading.Thread(target=_pump, args=(readers, send), name="snakepit-output", daemon=True).start()


def _pump(readers: Dict[int, str], send: Send) -> None:
    pending = {fd: b"" for fd in readers}
    open_fds = list(readers)
    while open_fds:
        readable, _, _ = select.select(open_fds, [], [])
        for fd in readable:
            chunk = os.read(fd, 65536)
            if not chunk:
                open_fds.remove(fd)
                chunk = b"\n" if pending[fd] else b""
            data = pending[fd] + chunk
            *lines, rest = data.split(b"\n")
            if len(rest) > _MAX_LINE:
                lines.append(rest)
                rest = b""
            pending[fd] = rest
            for line in lines:
                log = snakepit_pb2.Log(
                    level=snakepit_pb2.Log.INFO,
                    message=line.decode("utf-8", "replace"),
                    logger=readers[fd],
                )
                send(snakepit_pb2.ControlFrame(log=log))
