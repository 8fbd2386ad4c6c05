"""The framed data plane (transport ``framed``): ``DataFrame`` messages on a Unix socket.

Each frame is a 4-byte big-endian length and one encoded ``snakepit.v1.DataFrame``,
as on the control channel. Calls share a connection, each named by the ``call_id``
the owner chose. Nothing here imports grpc: a framed worker starts ~150 ms faster.

Dispatch keeps the gRPC server's semantics at less cost (``DataPlaneThreads``): on
Linux a call runs on the thread that read it, while another thread waits to read the
next frame; at most ``max_concurrency`` run at once (calls beyond that wait in a
queue, as grpcio's do), so a handler never blocks the reading, and a ``Cancel`` is
seen while the handler runs. The handler learns of it
through ``current_call().cancelled``; a stream is closed at its next item, and a
cancelled call is answered no more. Writes of all threads are serialised by a lock.
A connection that breaks framing is closed: its calls are cancelled, and the owner
treats the lost connection as a failed worker.

A payload over 64 KiB travels outside its frame, in raw payload parts (see
``proto/snakepit.proto``): the reader allocates the request's buffer once, from the
size its frame declares, and reads each part straight into it (``FrameStream``), so a
handler gets that ``bytearray`` without a copy; a large result is sent from a view of
the handler's own buffer, part by part, each under the write lock, so that other
calls' frames go out between the parts.
"""

from __future__ import annotations

import functools
import os
import socket
import struct
import threading
from typing import Callable, Dict, Optional, Set

from ._proto import snakepit_pb2
from .errors import BindError
from .codec import Data
from .data_plane_threads import DataPlaneThreads
from .execution import Invoker
from .frame_stream import CALL_ID_BYTES, PART_FLAG, FrameStream, StreamError
from .socket_path import check_socket_path
from .socket_path import max_message_bytes as owner_message_limit
from .tracing import TRACE_KEYS

_HEADER = struct.Struct(">I")
_COPY_THRESHOLD_BYTES = 64 * 1024
"""Smaller frames go out as one buffer (one syscall); larger ones as header, then body
(no copy of the payload)."""
_PART_HEADER = struct.Struct(">II")
"""A raw payload part's length word (flag | bytes after it) and its call id."""
INLINE_PAYLOAD_BYTES = 64 * 1024
"""A larger payload travels in raw parts after its frame (the owner uses the same): a
1 MiB echo took 19 ms inline (protobuf copies a message passed to a constructor at
~6 ms per MiB) against 6 ms in parts (ADR 0012)."""
PART_BYTES = 256 * 1024
"""Payload bytes per raw part: other calls' frames wait at most one part; 64 MiB is 256
parts, whose header and lock cost nothing next to the copy."""
ENVELOPE_BYTES = 64 * 1024
"""The owner's message limit is its payload limit plus this (``messageLimit.ts``)."""
_MAX_INLINE_MESSAGE_BYTES = 4 * 1024 * 1024 + ENVELOPE_BYTES
"""No frame is larger than this: a frame carries at most an inline payload, and a
handler's error, whatever the payload limit is."""


class _Connection:
    """One owner connection: its socket, its write lock and its calls in flight."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.calls: Dict[int, _Call] = {}
        self.calls_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.is_closed = False
        self.stream: FrameStream
        """Set once, right after it is made (it calls back into the server with this)."""
        self.assemblies: Dict[int, _Assembly] = {}
        """Requests whose payload parts are arriving, by call id (only the reading
        thread touches them)."""

    def send_parts(self, call_id: int, payload: Data, is_active: Callable[[], bool]) -> bool:
        """Write ``payload`` as raw parts of ``call_id``, each under the write lock, so
        that other threads' frames go out between them; stop early once the call is
        given up. False when not all of it was sent."""
        view = memoryview(payload)
        for start in range(0, len(view), PART_BYTES):
            if not is_active():
                return False
            part = view[start : start + PART_BYTES]
            header = _PART_HEADER.pack(PART_FLAG | (CALL_ID_BYTES + len(part)), call_id)
            try:
                with self._write_lock:
                    self.sock.sendall(header)
                    self.sock.sendall(part)
            except OSError:
                self.close()
                return False
        return True

    def send(self, frame: snakepit_pb2.DataFrame, body: Optional[bytes] = None) -> None:
        """Write one frame; a failed write closes the connection (never raises)."""
        data: bytes = body if body is not None else frame.SerializeToString()
        header = _HEADER.pack(len(data))
        try:
            with self._write_lock:
                if len(data) < _COPY_THRESHOLD_BYTES:
                    self.sock.sendall(header + data)
                else:
                    self.sock.sendall(header)
                    self.sock.sendall(data)
        except OSError:
            self.close()

    def close(self) -> None:
        """Close the socket and cancel every call of this connection."""
        with self.calls_lock:
            self.is_closed = True
            calls = list(self.calls.values())
        for call in calls:
            call.cancel()
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class _Call:
    """One call in flight: cancelled by a ``Cancel`` frame or the connection's end.

    Cheap to make: a unary call is a few attributes and no lock (a ``threading.Event``
    and a ``Condition`` per call were 8 µs of its CPU); a stream under flow control gets
    its condition from ``grant_window``, before any other thread can see it.
    """

    __slots__ = (
        "call_id",
        "connection",
        "_is_cancelled",
        "_credit",
        "_credit_changed",
        "request_payload",
        "detach_over_bytes",
        "result_payload",
    )

    def __init__(
        self, call_id: int, connection: _Connection, payload: Optional[Data] = None
    ) -> None:
        self.call_id = call_id
        self.connection = connection
        self._is_cancelled = False
        self._credit: Optional[int] = None
        """Items a stream may still send (``stream_window``); None: no flow control."""
        self._credit_changed: Optional[threading.Condition] = None
        """Set with flow control: a stream waiting for credit waits on it."""
        # The invoker's ``Payloads``: a large request payload read outside its frame,
        # and each large result it leaves out of its message for ``_answer`` to send.
        self.request_payload = payload
        self.detach_over_bytes = INLINE_PAYLOAD_BYTES
        self.result_payload: Optional[Data] = None

    def cancel(self) -> None:
        changed = self._credit_changed
        if changed is None:
            self._is_cancelled = True
            return
        with changed:
            self._is_cancelled = True
            changed.notify_all()

    def grant_window(self, items: int) -> None:
        """Turns flow control on: ``items`` may go out before the first credit. Called
        before the call is registered or run."""
        self._credit_changed = threading.Condition()
        self._credit = items

    def grant(self, items: int) -> None:
        """The owner's consumer took ``items`` more items of this stream."""
        changed = self._credit_changed
        if changed is None:
            return
        with changed:
            assert self._credit is not None
            self._credit += items
            changed.notify_all()

    def take_credit(self) -> bool:
        """Wait until one more item may be sent; False once the call is given up."""
        changed = self._credit_changed
        if changed is None:
            return self.is_active()
        with changed:
            assert self._credit is not None
            while self._credit <= 0:
                if not self.is_active():
                    return False
                # The timeout only re-checks a closed connection, whose close wakes nobody.
                changed.wait(1.0)
            self._credit -= 1
            return self.is_active()

    def is_active(self) -> bool:
        return not self._is_cancelled and not self.connection.is_closed


class _Assembly:
    """A request whose payload is arriving in raw parts: its frame, its buffer."""

    def __init__(self, frame: snakepit_pb2.DataFrame, size: int) -> None:
        self.frame = frame
        self.buffer = bytearray(size)  # calloc'd: pages are touched only as parts arrive
        self.view = memoryview(self.buffer)
        self.received = 0


class FramedServer:
    """Serves ``DataFrame`` calls on a Unix socket with an ``Invoker``.

    Create it, then ``start()``; ``stop(grace_s)`` refuses new calls and waits up to
    ``grace_s`` for those in flight.
    """

    def __init__(
        self,
        socket_path: str,
        invoker: Invoker,
        max_concurrency: int,
        max_message_bytes: Optional[int] = None,
    ) -> None:
        """``max_message_bytes``: largest message of a call, payload included (the
        owner's ``SNAKEPIT_MAX_MESSAGE_BYTES``, read when absent)."""
        self._socket_path = socket_path
        self._invoker = invoker
        self._max_message_bytes = max_message_bytes or owner_message_limit()
        self._max_frame_bytes = min(self._max_message_bytes, _MAX_INLINE_MESSAGE_BYTES)
        self._threads = DataPlaneThreads(max_concurrency)
        self._listener: Optional[socket.socket] = None
        self._connections: Set[_Connection] = set()
        self._state_lock = threading.Lock()
        self._state = threading.Condition(self._state_lock)
        """Signalled when the last call in flight ends while stopping."""
        self._pending = 0
        self._is_stopping = False

    def start(self) -> None:
        """Listen on the socket and accept connections on a daemon thread.

        Raises:
            BindError: with the reason (path too long, missing directory, a non-socket
                file in the way, or the kernel's refusal).
        """
        check_socket_path(self._socket_path)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            if os.path.lexists(self._socket_path):
                os.unlink(self._socket_path)
            listener.bind(self._socket_path)
            listener.listen(16)
        except OSError as exc:
            listener.close()
            raise BindError(f"cannot listen on {self._socket_path!r}: {exc}") from exc
        self._listener = listener
        threading.Thread(target=self._accept_loop, name="snakepit-accept", daemon=True).start()

    def stop(self, grace_s: Optional[float]) -> None:
        """Stop accepting; refuse new calls; wait up to ``grace_s`` for calls in flight.

        ``None`` or 0 returns at once. The socket file is removed; then the connections
        are closed, which cancels the calls still running, and idle handler threads end.
        """
        with self._state:
            self._is_stopping = True
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                os.unlink(self._socket_path)
            except OSError:
                pass
            try:
                listener.shutdown(socket.SHUT_RDWR)  # wakes accept(); close() alone does not
            except OSError:
                pass
            listener.close()
        if grace_s:
            with self._state:
                self._state.wait_for(lambda: self._pending == 0, timeout=grace_s)
        for connection in list(self._connections):
            connection.close()
        self._threads.close()

    def _accept_loop(self) -> None:
        while True:
            listener = self._listener
            if listener is None:
                return
            try:
                sock, _ = listener.accept()
            except OSError:
                return  # closed by stop()
            connection = _Connection(sock)
            connection.stream = FrameStream(
                sock,
                self._max_frame_bytes,
                functools.partial(self._on_frame, connection),
                functools.partial(self._part_target, connection),
                functools.partial(self._part_done, connection),
                self._threads.recv_flags,
            )
            self._connections.add(connection)
            self._threads.add(
                sock,
                functools.partial(self._pump, connection),
                functools.partial(self._ended, connection),
            )

    def _pump(self, connection: _Connection) -> bool:
        """Read what the connection has (see ``DataPlaneThreads``); False at its end."""
        try:
            return connection.stream.pump()
        except StreamError as exc:
            self._refuse(connection, str(exc))
            return False

    def _on_frame(self, connection: _Connection, body: memoryview, length: int) -> None:
        frame = snakepit_pb2.DataFrame()
        try:
            frame.ParseFromString(body)
        except Exception as exc:  # DecodeError, or another backend's error
            raise StreamError(f"undecodable frame of {length} bytes: {exc}") from exc
        if frame.payload_bytes:
            self._assemble(connection, frame, length)
            return
        if frame.WhichOneof("body") == "cancel":
            connection.assemblies.pop(frame.call_id, None)  # the owner sends no more parts
        self._dispatch(connection, frame)

    def _assemble(
        self, connection: _Connection, frame: snakepit_pb2.DataFrame, frame_bytes: int
    ) -> None:
        """A request whose payload follows in parts: allocate its buffer once, or refuse
        it when over the limit (its parts are then skipped) and read on."""
        size = frame.payload_bytes
        if frame.WhichOneof("body") not in ("execute", "stream"):
            return  # a newer owner may speak a richer protocol; its parts are skipped
        if frame_bytes + size > self._max_message_bytes:
            message = (
                f"the request is {frame_bytes + size} bytes, over the limit of "
                f"{self._max_message_bytes} bytes"
            )
            error = snakepit_pb2.TransportError(code="PAYLOAD_TOO_LARGE", message=message)
            connection.send(snakepit_pb2.DataFrame(call_id=frame.call_id, error=error))
            return
        connection.assemblies[frame.call_id] = _Assembly(frame, size)

    def _part_target(
        self, connection: _Connection, call_id: int, size: int
    ) -> Optional[memoryview]:
        """Where a payload part of ``call_id`` goes: its request's buffer, or nowhere
        (refused, or cancelled while it arrived)."""
        assembly = connection.assemblies.get(call_id)
        if assembly is None:
            return None
        end = assembly.received + size
        if end > len(assembly.buffer):
            raise StreamError(f"payload parts of call {call_id} exceed its declared size")
        return assembly.view[assembly.received : end]

    def _part_done(self, connection: _Connection, call_id: int, size: int) -> None:
        """A part is in: dispatch its request once the whole payload is."""
        assembly = connection.assemblies[call_id]
        assembly.received += size
        if assembly.received == len(assembly.buffer):
            del connection.assemblies[call_id]
            assembly.view.release()  # a bytearray with a view on it cannot be resized
            self._dispatch(connection, assembly.frame, assembly.buffer)

    def _ended(self, connection: _Connection) -> None:
        self._connections.discard(connection)
        connection.close()

    def _refuse(self, connection: _Connection, message: str) -> None:
        """After garbage the stream cannot be re-synchronised: say why, then close."""
        error = snakepit_pb2.TransportError(code="PROTOCOL_ERROR", message=message)
        connection.send(snakepit_pb2.DataFrame(call_id=0, error=error))

    def _dispatch(
        self,
        connection: _Connection,
        frame: snakepit_pb2.DataFrame,
        payload: Optional[bytearray] = None,  # the request's, when it came in parts
    ) -> None:
        kind = frame.WhichOneof("body")
        call_id = frame.call_id
        if kind in ("cancel", "credit"):
            with connection.calls_lock:
                call = connection.calls.get(call_id)
            if call is not None and kind == "cancel":
                call.cancel()
            elif call is not None:
                call.grant(frame.credit.items)
            return
        if kind not in ("execute", "stream"):
            return  # a newer owner may speak a richer protocol
        with self._state_lock:
            if self._is_stopping:
                error = snakepit_pb2.TransportError(
                    code="WORKER_STOPPING", message="the worker is shutting down"
                )
                connection.send(snakepit_pb2.DataFrame(call_id=call_id, error=error))
                return
            self._pending += 1
        call = _Call(call_id, connection, payload)
        if kind == "stream" and frame.stream_window:
            call.grant_window(frame.stream_window)
        with connection.calls_lock:
            connection.calls[call_id] = call
        request = frame.execute if kind == "execute" else frame.stream
        run = self._run_execute if kind == "execute" else self._run_stream
        self._threads.submit(functools.partial(run, call, request))

    def _run_execute(self, call: _Call, request: snakepit_pb2.ExecuteRequest) -> None:
        try:
            frame = snakepit_pb2.DataFrame(call_id=call.call_id)
            self._invoker.execute(request, call.is_active, _trace(request), call, frame.response)
            if call.is_active():
                self._answer(call, frame)
        finally:
            self._finished(call)

    def _run_stream(self, call: _Call, request: snakepit_pb2.ExecuteRequest) -> None:
        chunks = self._invoker.stream(request, call.is_active, _trace(request), call)
        try:
            for chunk in chunks:
                if not call.take_credit():  # waits while the consumer is behind
                    return
                frame = snakepit_pb2.DataFrame(call_id=call.call_id, chunk=chunk)
                if not self._answer(call, frame) or chunk.HasField("error"):
                    return
            if call.is_active():
                end = snakepit_pb2.DataFrame(call_id=call.call_id, end=snakepit_pb2.StreamEnd())
                self._answer(call, end)
        finally:
            chunks.close()  # runs the handler's cleanup now, on this thread
            self._finished(call)

    def _answer(self, call: _Call, frame: snakepit_pb2.DataFrame) -> bool:
        """Send ``frame`` (and the payload the invoker left out of it, in parts), or a
        ``PAYLOAD_TOO_LARGE`` error instead; False when it ends the call."""
        payload, call.result_payload = call.result_payload, None
        payload_bytes = 0
        if payload is not None:
            payload_bytes = frame.payload_bytes = len(payload)
        body: bytes = frame.SerializeToString()
        if len(body) <= self._max_frame_bytes and len(body) + payload_bytes <= (
            self._max_message_bytes
        ):
            call.connection.send(frame, body)
            if payload is None:
                return True
            return call.connection.send_parts(call.call_id, payload, call.is_active)
        error = snakepit_pb2.TransportError(
            code="PAYLOAD_TOO_LARGE",
            message=f"the answer is {len(body) + payload_bytes} bytes, over the limit of "
            f"{self._max_message_bytes} bytes",
        )
        call.connection.send(snakepit_pb2.DataFrame(call_id=call.call_id, error=error))
        return False

    def _finished(self, call: _Call) -> None:
        connection = call.connection
        with connection.calls_lock:
            if connection.calls.get(call.call_id) is call:
                del connection.calls[call.call_id]
        with self._state_lock:  # the lock alone, and a notify only while stopping
            self._pending -= 1
            if self._pending == 0 and self._is_stopping:
                self._state.notify_all()


def _trace(request: snakepit_pb2.ExecuteRequest) -> Dict[str, str]:
    """The trace context the owner put in the request's metadata."""
    if not request.metadata:
        return {}
    return {key: request.metadata[key] for key in TRACE_KEYS if key in request.metadata}
