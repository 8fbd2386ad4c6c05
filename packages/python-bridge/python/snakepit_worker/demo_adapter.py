"""A demo adapter whose commands act out both good and bad worker behaviour.

Used by the demo and by the tests of both languages: besides ordinary commands it can
crash, hang while holding the GIL, ignore SIGTERM, fork grandchildren, grow its
memory and announce itself busy. Start a worker on it with
``--adapter snakepit_worker.demo_adapter``.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import subprocess
import logging
import sys
import time
from typing import Any, Dict, Iterator, List

from . import busy, command, current_call

_PAGE_BYTES = 4096
_held: List[Any] = []
"""Keeps what ``allocate`` and ``spawn_children`` made alive for the worker's life."""


@command
def echo(**kwargs: Any) -> Dict[str, Any]:
    """Return the keyword arguments unchanged."""
    return kwargs


@command
def echo_bytes(data: bytes) -> bytes:
    """Return raw bytes unchanged (call it with a ``Uint8Array``), without a copy."""
    return data


@command
def describe_bytes(data: bytes) -> Dict[str, Any]:
    """Describe a binary argument: its Python type, size and SHA-256 (hex).

    A large argument on the framed transport is the ``bytearray`` it was received
    into, where ``numpy.frombuffer`` would view it without a copy.
    """
    return {
        "type": type(data).__name__,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


@command
def pattern_bytes(size: int, count: int = 0) -> Any:
    """``size`` bytes cycling through 0..255 (a large binary result); with ``count``, a
    stream of ``count`` such items instead."""
    data = (bytes(range(256)) * (size // 256 + 1))[:size]
    if count:
        return iter([data] * count)
    return data


@command
def trace_context() -> Dict[str, str]:
    """Return the W3C trace context this call arrived with (``traceparent``, ``tracestate``)."""
    metadata = current_call().metadata
    return {key: metadata[key] for key in ("traceparent", "tracestate") if key in metadata}


@command
def blob(kib: int) -> str:
    """Return a string of ``kib`` KiB (a large result from a small request)."""
    return "x" * (kib * 1024)


@command
def add(a: float, b: float) -> float:
    """Return ``a + b``."""
    return a + b


@command
def sleep(seconds: float) -> float:
    """Sleep without holding the GIL; return ``seconds``."""
    time.sleep(seconds)
    return seconds


@command
def cpu(ms: float) -> float:
    """Spin in pure Python for ``ms`` milliseconds; return ``ms``."""
    deadline = time.perf_counter() + ms / 1000
    while time.perf_counter() < deadline:
        pass
    return ms


@command
def crash(code: int = 1) -> None:
    """Exit the worker immediately with status ``code``, as a crash would."""
    os._exit(code)


@command
def hang() -> None:
    """Hold the GIL in C forever, like a stuck C extension: only SIGKILL ends it.

    No pong, no signal handler, no control-channel EOF can be handled meanwhile.
    ``time.sleep`` would release the GIL; a libc ``sleep`` through ``PyDLL`` does not.
    """
    libc = ctypes.PyDLL(None)
    while True:
        libc.sleep(1_000_000)


@command
def hold_gil(seconds: int, announce_busy: bool = False) -> int:
    """Hold the GIL in C for ``seconds`` (no pong meanwhile), like a long C call.

    With ``announce_busy`` the call declares itself with ``busy()`` first, so the
    owner's heartbeat suspends its verdict instead of killing the worker.
    """
    libc = ctypes.PyDLL(None)
    if announce_busy:
        with busy(seconds=seconds + 2, reason="hold_gil"):
            libc.sleep(seconds)
    else:
        libc.sleep(seconds)
    return seconds


@command
def spawn_children(n: int = 1) -> List[int]:
    """Start ``n`` grandchildren that sleep for an hour; return their pids."""
    children = [
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"]) for _ in range(n)
    ]
    _held.extend(children)
    return [child.pid for child in children]


@command
def allocate(mb: int) -> int:
    """Keep ``mb`` more MiB resident for the worker's life; return the MiB held."""
    # In 8 MiB pieces: one zero-filled bytearray of hundreds of MiB holds the
    # GIL for as long as the kernel takes to fault its pages in, which on a
    # loaded machine is long enough to miss a heartbeat.
    for start in range(0, mb, 8):
        block = bytearray(min(8, mb - start) * 1024 * 1024)
        for offset in range(0, len(block), _PAGE_BYTES):
            block[offset] = 1  # touch every page so that it counts towards RSS
        _held.append(block)
    return sum(len(item) for item in _held if isinstance(item, bytearray)) // (1024 * 1024)


@command
def raise_error(message: str) -> None:
    """Raise ``ValueError(message)``."""
    raise ValueError(message)


@command
def count(n: int) -> Iterator[int]:
    """Stream ``0 .. n-1`` (call it with ExecuteStream)."""
    yield from range(n)


_made = 0
"""Items ``count_tracked``'s latest stream has made so far."""


@command
def count_tracked(n: int) -> Iterator[int]:
    """Stream ``0 .. n-1`` like ``count``, counting the items made (``count_made``): a
    slow consumer shows how far ahead flow control lets the generator run."""
    global _made
    _made = 0
    for index in range(n):
        _made += 1
        yield index


@command
def count_made() -> int:
    """How many items ``count_tracked``'s latest stream has made."""
    return _made


@command
def ignore_sigterm() -> bool:
    """Ignore SIGTERM from now on, so that only SIGKILL stops the worker.

    Handlers run off the main thread, where ``signal.signal`` is refused: set the
    disposition through libc instead.
    """
    libc = ctypes.CDLL(None)
    libc.signal.restype = ctypes.c_void_p
    libc.signal.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.signal(signal.SIGTERM, ctypes.c_void_p(int(signal.SIG_IGN)))
    return True


@command
def busy_sleep(seconds: float) -> float:
    """Sleep for ``seconds`` inside ``busy()``; return ``seconds``."""
    with busy(seconds=seconds + 1, reason="busy_sleep"):
        time.sleep(seconds)
    return seconds


@command
def emit(text: str, stream: str = "stdout") -> str:
    """Print ``text`` to ``stdout`` or ``stderr`` (inside a traced call, the worker sends
    the line on the control channel, tagged with the call's trace: ``logs.py``)."""
    print(text, file=sys.stderr if stream == "stderr" else sys.stdout, flush=True)
    return text


@command
def log(message: str, level: str = "warning", logger: str = "demo") -> str:
    """Log ``message`` with Python's ``logging`` at ``level`` (a record, not a line)."""
    logging.getLogger(logger).log(logging.getLevelName(level.upper()), message)
    return message
