"""Start-up and shut-down of a worker process, in the order the owner relies on.

Order: control channel (so that a Fault can be reported), adapter import, data
plane (the gRPC server, or the framed server with ``--transport framed``), then
``Ready``. Every exit is ``os._exit``: a normal interpreter exit costs ~70 ms of CPU
and waits for handler threads that ``server.stop()`` does not stop. grpc is imported
only for the gRPC data plane: a framed worker never loads it.
"""

from __future__ import annotations

import os
import platform
import signal
from types import FrameType
from typing import Any, List, NoReturn, Optional, Protocol

import google.protobuf

from . import __version__
from ._proto import snakepit_pb2
from .adapter import CommandRegistry, load_adapter
from .cli import WorkerOptions
from .codec import python_error
from .context import set_busy_sink
from .control import ControlChannel
from .errors import BindError
from .execution import Invoker
from .guards import PingWatchdog, die
from .lifecycle import Lifecycle
from .logs import LOG_HANDLER_ENV, capture_call_output, install_log_handler
from .output import RELAY_OUTPUT_ENV, flush_std_streams, relay_output
from .stats import CallCounter

PROTOCOL_VERSION = 1
EXIT_ADAPTER_IMPORT_FAILED = 3
EXIT_BIND_FAILED = 4


def run(options: WorkerOptions) -> NoReturn:
    """Serve until the owner says Shutdown, a signal arrives, or a guard fires."""
    channel = ControlChannel(options.control_fd, _owner_lost if options.guards else _ignore)
    counter = CallCounter()
    watchdog = None
    if options.guards and options.ping_timeout_ms > 0:
        watchdog = PingWatchdog(options.ping_timeout_ms / 1000, die)
    lifecycle = Lifecycle(channel.send, counter, watchdog)
    channel.start_reader(lifecycle.handle_frame)
    if os.environ.get(RELAY_OUTPUT_ENV) == "1":
        relay_output(channel.send)  # a forked worker shares the fork server's stdout
    if os.environ.get(LOG_HANDLER_ENV) != "0":
        # Before the adapter's import, so that its records are sent too (logs.py).
        install_log_handler(channel.send)
        capture_call_output(channel.send)
    if watchdog is None:
        set_busy_sink(channel.send_busy)
    else:
        ping_watchdog = watchdog

        def announce_busy(duration_ms: int, reason: str) -> None:
            ping_watchdog.hold_for(duration_ms)
            channel.send_busy(duration_ms, reason)

        set_busy_sink(announce_busy)
    servers: List[_DataPlane] = []
    _handle_termination(servers, lifecycle.wakeup_fd)

    try:
        registry = load_adapter(options.adapter)
    except (Exception, SystemExit) as exc:
        message = f"cannot import adapter {options.adapter!r}: {exc}"
        _fault(channel, "ADAPTER_IMPORT_FAILED", message, exc, EXIT_ADAPTER_IMPORT_FAILED)

    ready = _ready(options, registry)
    info = snakepit_pb2.InfoResponse(ready=ready, adapter=options.adapter)
    try:
        server = _start_data_plane(options, Invoker(registry, counter), counter, info)
    except BindError as exc:
        _fault(channel, "BIND_FAILED", str(exc), exc, EXIT_BIND_FAILED)
    servers.append(server)
    channel.send(snakepit_pb2.ControlFrame(ready=ready))
    if watchdog is not None:
        # Not before: the owner pings from Ready on, and importing an adapter (torch…)
        # may outlast the window. Meanwhile the death signal, the control channel's
        # end-of-file and the guardian cover the owner's death.
        watchdog.start()

    grace_s = lifecycle.wait_for_shutdown()
    server.stop(grace_s)
    _exit(0)


class _DataPlane(Protocol):
    def stop(self, grace_s: Optional[float]) -> None:
        """Refuse new calls, wait up to ``grace_s`` for those in flight."""


class _GrpcDataPlane:
    def __init__(self, server: Any) -> None:
        self._server = server

    def stop(self, grace_s: Optional[float]) -> None:
        self._server.stop(grace_s).wait(grace_s)


def _start_data_plane(
    options: WorkerOptions, invoker: Invoker, counter: CallCounter, info: Any
) -> _DataPlane:
    """Listen on ``options.socket_path`` with the chosen transport; raise ``BindError``."""
    if options.transport == "framed":
        from .framed_server import FramedServer

        framed = FramedServer(options.socket_path, invoker, options.max_concurrency)
        framed.start()
        return framed
    from .server import WorkerService, start_server

    service = WorkerService(invoker, counter, info)
    return _GrpcDataPlane(start_server(options.socket_path, service, options.max_concurrency))


def _ready(options: WorkerOptions, registry: CommandRegistry) -> snakepit_pb2.Ready:
    is_framed = options.transport == "framed"
    if not is_framed:
        import grpc

    return snakepit_pb2.Ready(
        pid=os.getpid(),
        grpc_address="" if is_framed else "unix://" + options.socket_path,
        data_address=options.socket_path if is_framed else "",
        protocol_version=PROTOCOL_VERSION,
        worker_version=__version__,
        python_version=platform.python_version(),
        grpc_version="" if is_framed else grpc.__version__,
        protobuf_version=google.protobuf.__version__,
        commands=registry.names(),
        max_concurrency=options.max_concurrency,
    )


def _owner_lost(reason: str) -> None:
    die()


def _ignore(reason: str) -> None:
    """With guards off the worker outlives its owner on purpose (orphan-reaper tests)."""


def _fault(
    channel: ControlChannel, code: str, message: str, exc: BaseException, exit_code: int
) -> NoReturn:
    fault = snakepit_pb2.Fault(code=code, message=message, error=python_error(exc))
    channel.send(snakepit_pb2.ControlFrame(fault=fault))
    _exit(exit_code)


def _handle_termination(servers: List[_DataPlane], wakeup_fd: int) -> None:
    """SIGTERM and SIGINT stop the server at once and exit 0.

    ``wakeup_fd`` wakes the main thread when the signal lands on another thread.
    """

    def terminate(signum: int, frame: Optional[FrameType]) -> None:
        for server in servers:
            server.stop(0)
        _exit(0)

    signal.set_wakeup_fd(wakeup_fd)
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)


def _exit(code: int) -> NoReturn:
    """Exit now, after flushing what handlers printed; the owner is still there."""
    flush_std_streams()
    os._exit(code)
