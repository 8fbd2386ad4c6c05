"""The data plane: a grpcio server for ``snakepit.v1.Worker`` on a Unix socket.

Handler threads come from a fixed pool of ``max_concurrency`` threads; the control
channel has its own thread, so heartbeats are answered even when all are busy.
"""

from __future__ import annotations

from concurrent import futures
from typing import Iterator

import grpc

from ._proto import snakepit_pb2, snakepit_pb2_grpc
from .errors import BindError
from .execution import Invoker
from .socket_path import MAX_SOCKET_PATH_BYTES, check_socket_path, max_message_bytes
from .tracing import trace_metadata
from .stats import CallCounter, collect_stats

__all__ = ["MAX_SOCKET_PATH_BYTES", "WorkerService", "start_server"]


class WorkerService(snakepit_pb2_grpc.WorkerServicer):  # type: ignore[misc]  # generated, untyped
    """Implements ``snakepit.v1.Worker`` on top of an ``Invoker``."""

    def __init__(
        self, invoker: Invoker, counter: CallCounter, info: snakepit_pb2.InfoResponse
    ) -> None:
        self._invoker = invoker
        self._counter = counter
        self._info = info

    def Execute(
        self, request: snakepit_pb2.ExecuteRequest, context: grpc.ServicerContext
    ) -> snakepit_pb2.ExecuteResponse:
        trace = trace_metadata(context.invocation_metadata())
        return self._invoker.execute(request, context.is_active, trace)

    def ExecuteStream(
        self, request: snakepit_pb2.ExecuteRequest, context: grpc.ServicerContext
    ) -> Iterator[snakepit_pb2.StreamChunk]:
        trace = trace_metadata(context.invocation_metadata())
        return self._invoker.stream(request, context.is_active, trace)

    def Health(
        self, request: snakepit_pb2.HealthRequest, context: grpc.ServicerContext
    ) -> snakepit_pb2.HealthResponse:
        return snakepit_pb2.HealthResponse(
            status=snakepit_pb2.HealthResponse.SERVING, stats=collect_stats(self._counter)
        )

    def Info(
        self, request: snakepit_pb2.InfoRequest, context: grpc.ServicerContext
    ) -> snakepit_pb2.InfoResponse:
        return self._info


def start_server(socket_path: str, service: WorkerService, max_concurrency: int) -> grpc.Server:
    """Listen on ``socket_path`` (absolute) and start serving.

    Raises:
        BindError: with the reason when it is knowable (path too long, missing
            directory, a non-socket file in the way), else gRPC's generic failure.
    """
    check_socket_path(socket_path)
    executor = futures.ThreadPoolExecutor(
        max_workers=max_concurrency, thread_name_prefix="snakepit-handler"
    )
    # The owner sets the payload limit (SNAKEPIT_MAX_MESSAGE_BYTES); both
    # directions get it, with room for the envelope around the payload.
    limit = max_message_bytes()
    server = grpc.server(
        executor,
        options=[
            ("grpc.max_receive_message_length", limit),
            ("grpc.max_send_message_length", limit),
        ],
    )
    snakepit_pb2_grpc.add_WorkerServicer_to_server(service, server)
    try:
        port = server.add_insecure_port("unix:" + socket_path)
    except RuntimeError as exc:
        raise BindError(f"cannot listen on {socket_path!r}: {exc}") from exc
    if port == 0:  # grpcio before 1.48 reports failure this way
        raise BindError(f"cannot listen on {socket_path!r}")
    server.start()
    return server
