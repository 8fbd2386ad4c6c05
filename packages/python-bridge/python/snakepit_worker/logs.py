"""Log records and call output, tagged with the trace of the call that wrote them.

Two things reach the owner as ``Log`` frames on the control channel, each with the
W3C ``traceparent`` of what was running when it was written (``tracing.current_traceparent``):

- every record of Python's ``logging`` that reaches the root logger (``LogFrameHandler``,
  logger = the record's logger name, level = its level);
- text a thread serving a *traced* call writes to ``sys.stdout`` or ``sys.stderr``
  (``CallOutput``, logger ``stdout`` or ``stderr``), split into lines as the owner splits
  a pipe. Only the writing thread knows which call it serves: a line read from a pipe
  later, by another thread or by the owner, could be any call's. Output outside
  traced calls still goes to the real streams, unchanged.

The owner turns both into ``snakepit.worker.log`` events, which telemetry turns into
OpenTelemetry log records correlated with the call's span.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any, Callable, Optional, TextIO

from ._proto import snakepit_pb2
from .context import is_in_call, on_scope_exit
from .output import MAX_LINE_BYTES, LineSplitter
from .tracing import current_traceparent

LOG_HANDLER_ENV = "SNAKEPIT_LOG_HANDLER"
"""Set to ``0`` in the worker's environment to leave the root logger alone."""

Send = Callable[[snakepit_pb2.ControlFrame], None]

_LEVELS = (
    (logging.CRITICAL, snakepit_pb2.Log.CRITICAL),
    (logging.ERROR, snakepit_pb2.Log.ERROR),
    (logging.WARNING, snakepit_pb2.Log.WARNING),
    (logging.INFO, snakepit_pb2.Log.INFO),
)


def log_level(levelno: int) -> int:
    """The ``Log.Level`` of a ``logging`` level number (custom levels round down)."""
    for floor, level in _LEVELS:
        if levelno >= floor:
            return int(level)
    return int(snakepit_pb2.Log.DEBUG)


class LogFrameHandler(logging.Handler):
    """Sends each record as a ``Log`` frame: formatted message (with its traceback),
    logger name, level, and the current ``traceparent``. A message over 64 KiB is cut."""

    def __init__(self, send: Send) -> None:
        super().__init__()
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = _cut(self.format(record))
            log = snakepit_pb2.Log(
                level=log_level(record.levelno),
                message=message,
                logger=record.name,
                traceparent=current_traceparent(),
            )
            self._send(snakepit_pb2.ControlFrame(log=log))
        except Exception:  # logging's contract: a handler never raises into user code
            self.handleError(record)


def install_log_handler(send: Send) -> Optional[LogFrameHandler]:
    """Add a :class:`LogFrameHandler` to the root logger (its level is left as it is).

    Before the adapter is imported, so records of its import are sent too. A side
    effect: ``logging.basicConfig()`` without ``force=True`` then finds a handler and
    does nothing (set levels with ``logging.getLogger().setLevel``).
    """
    handler = LogFrameHandler(send)
    logging.getLogger().addHandler(handler)
    return handler


class CallOutput:
    """Stands in for ``sys.stdout`` or ``sys.stderr``: what a thread serving a traced
    call writes is sent as ``Log`` frames, line by line, tagged with the call's trace;
    any other write goes to the real stream. Attributes other than ``write``,
    ``writelines`` and ``flush`` are the real stream's (``fileno``, ``encoding``…)."""

    def __init__(self, inner: TextIO, stream: str, send: Send) -> None:
        self._inner = inner
        self._stream = stream
        self._send = send
        self._local = threading.local()
        on_scope_exit(self._end_line)

    def write(self, text: str) -> int:
        traceparent = current_traceparent() if is_in_call() else ""
        if not traceparent:
            return self._inner.write(text)
        self._local.traceparent = traceparent
        self._splitter().push(text.encode("utf-8", "replace"))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def _splitter(self) -> LineSplitter:
        splitter: Optional[LineSplitter] = getattr(self._local, "splitter", None)
        if splitter is None:
            splitter = LineSplitter(self._send_line)
            self._local.splitter = splitter
        return splitter

    def _send_line(self, line: str) -> None:
        traceparent = getattr(self._local, "traceparent", "")
        log = snakepit_pb2.Log(
            level=snakepit_pb2.Log.INFO if self._stream == "stdout" else snakepit_pb2.Log.WARNING,
            message=line,
            logger=self._stream,
            traceparent=traceparent,
        )
        self._send(snakepit_pb2.ControlFrame(log=log))

    def _end_line(self) -> None:
        # A call's last line without a line end belongs to that call, not to the next.
        splitter: Optional[LineSplitter] = getattr(self._local, "splitter", None)
        if splitter is not None:
            splitter.end()


def capture_call_output(send: Send) -> None:
    """Replace ``sys.stdout`` and ``sys.stderr`` with :class:`CallOutput` wrappers."""
    for name in ("stdout", "stderr"):
        current = getattr(sys, name)
        if current is not None and not isinstance(current, CallOutput):
            setattr(sys, name, CallOutput(current, name, send))


def _cut(message: str) -> str:
    data = message.encode("utf-8", "replace")
    if len(data) <= MAX_LINE_BYTES:
        return message
    return data[:MAX_LINE_BYTES].decode("utf-8", "ignore")
