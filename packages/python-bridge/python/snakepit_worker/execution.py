"""Running commands: decode, call (sync or async), encode, and capture every failure.

Errors travel inside the response, never as a gRPC status: the owner then tells a
failed command (the worker is fine and keeps serving) from a failed worker (the
call itself broke), and gets the Python type and traceback either way.

Every ``BaseException`` a handler raises is answered, not only ``Exception``:
``KeyboardInterrupt``, ``GeneratorExit`` or ``asyncio.CancelledError`` left to
grpcio's thread pool would leave the call open for ever, its worker busy and yet
alive to the heartbeat (issue 20). Nothing needs one to propagate from a handler
thread: the worker's own exits are ``os._exit`` and its signal handlers run on the
main thread. The one exception not caught is a ``GeneratorExit`` thrown in at the
stream's own ``yield``: that is grpcio closing a stream whose caller went away.

A call whose owner asks for Python's spans (``forward_spans``) gets them in its
response, on success and on error alike (``tracing.py``). Streamed calls forward no
spans, whatever they ask: their handler runs in steps between yields, outside any
handler span.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Mapping
from typing import Any, Callable, Generator, Optional, Protocol

from ._proto import snakepit_pb2
from .adapter import CommandRegistry
from .codec import Data, decode_arguments, encode_data, python_error
from .context import CallContext, call_scope
from .errors import StreamError
from .stats import CallCounter
from .tracing import HandlerSpan, handler_span

IsActive = Callable[[], bool]

_END = object()


class Payloads(Protocol):
    """A call's payloads that travel outside its messages (the framed transport's
    large ones), so that they are never copied into or out of a protobuf message."""

    request_payload: Optional[Data]
    """The request's payload, used instead of ``request.payload`` when set."""
    detach_over_bytes: int
    """A result payload larger than this is left out of the message, into ``result_payload``."""
    result_payload: Optional[Data]
    """Set by the invoker with each result or stream item it left out of its message."""


class Invoker:
    """Runs ``ExecuteRequest`` messages against a registry, counting calls."""

    def __init__(self, registry: CommandRegistry, counter: CallCounter) -> None:
        self._registry = registry
        self._counter = counter

    def execute(
        self,
        request: snakepit_pb2.ExecuteRequest,
        is_active: IsActive,
        trace: Optional[Mapping[str, str]] = None,
        payloads: Optional[Payloads] = None,
        into: Optional[snakepit_pb2.ExecuteResponse] = None,
    ) -> snakepit_pb2.ExecuteResponse:
        """Run one command; its result or its exception becomes the response.

        ``into``: an empty response to fill in place and return (the framed transport
        passes its frame's own: a response given to a message's constructor is copied).
        """
        response = snakepit_pb2.ExecuteResponse() if into is None else into
        response.SetInParent()
        with self._counter.track():
            span: Optional[HandlerSpan] = None
            try:
                handler = self._registry.get(request.command)
                args, kwargs = decode_arguments(
                    _request_data(request, payloads), request.content_type
                )
                started = time.perf_counter()
                try:
                    call = _call_context(request, is_active, trace)
                    traced = handler_span(request.command, trace or {}, request.forward_spans)
                    with call_scope(call), traced as span:
                        response.handler_span_recorded = span.is_recorded
                        result = _resolve(handler(*args, **kwargs))
                finally:
                    response.handler_time_us = int((time.perf_counter() - started) * 1_000_000)
                    if span is not None and span.forwarded:
                        # Ended with the handler span, whether the handler returned or raised.
                        response.spans.extend(span.forwarded)
                _encode_into(response.result, result, payloads)
            except BaseException as exc:  # see the module docstring
                response.error.CopyFrom(python_error(exc))  # replaces a result (a oneof)
            return response

    def stream(
        self,
        request: snakepit_pb2.ExecuteRequest,
        is_active: IsActive,
        trace: Optional[Mapping[str, str]] = None,
        payloads: Optional[Payloads] = None,
    ) -> Generator[snakepit_pb2.StreamChunk, None, None]:
        """Run a streaming command: one chunk per item, or a final error chunk.

        Iteration stops early, closing the handler's generator, once the caller is gone.
        """
        with self._counter.track():
            items: Optional[_Items] = None
            try:
                try:
                    handler = self._registry.get(request.command)
                    data = _request_data(request, payloads)
                    args, kwargs = decode_arguments(data, request.content_type)
                    call = _call_context(request, is_active, trace)
                    with call_scope(call):
                        items = _Items(_resolve(handler(*args, **kwargs)), request.command)
                except BaseException as exc:  # see the module docstring
                    yield snakepit_pb2.StreamChunk(error=python_error(exc), index=0)
                    return
                index = 0
                while not call.cancelled:
                    chunk = _next_chunk(items, call, index, payloads)
                    if chunk is None:
                        return
                    yield chunk
                    if chunk.HasField("error"):
                        return
                    index += 1
            finally:
                if items is not None:
                    items.close()


def _next_chunk(
    items: _Items, call: CallContext, index: int, payloads: Optional[Payloads] = None
) -> Optional[snakepit_pb2.StreamChunk]:
    """The handler's next item as a chunk, an error chunk if it raised, None at its end.

    The call scope is entered per step, never held across a yield: a generator closed
    by the garbage collector runs on another thread. Only the handler's steps are
    guarded here, never the invoker's ``yield`` (see the module docstring).
    """
    try:
        with call_scope(call):
            item = items.next()
            if item is _END:
                items.close()  # now, so that an error in the handler's cleanup is reported
                return None
        chunk = snakepit_pb2.StreamChunk(index=index)
        _encode_into(chunk.data, item, payloads)
        return chunk
    except BaseException as exc:  # see the module docstring
        return snakepit_pb2.StreamChunk(error=python_error(exc), index=index)


def _request_data(request: snakepit_pb2.ExecuteRequest, payloads: Optional[Payloads]) -> Data:
    if payloads is not None and payloads.request_payload is not None:
        return payloads.request_payload
    data: bytes = request.payload
    return data


def _encode_into(target: snakepit_pb2.Payload, value: Any, payloads: Optional[Payloads]) -> None:
    """Encode a result into ``target``, in place: protobuf (upb, 7.x) copies a message
    passed to a constructor field by field, ~6 ms per MiB of payload, where setting
    the field costs one copy. A large payload is left out, into ``payloads``."""
    data, target.content_type = encode_data(value)
    if payloads is not None and len(data) > payloads.detach_over_bytes:
        payloads.result_payload = data
    else:
        target.data = bytes(data)


def _call_context(
    request: snakepit_pb2.ExecuteRequest,
    is_active: IsActive,
    trace: Optional[Mapping[str, str]] = None,
) -> CallContext:
    metadata = dict(request.metadata)
    if trace:
        metadata.update(trace)
    return CallContext(request.command, metadata, request.timeout_ms, is_active)


def _resolve(result: Any) -> Any:
    """Run an awaitable result (from an ``async def`` handler) to completion."""
    if inspect.isawaitable(result):
        return asyncio.run(_wait_for(result))
    return result


async def _wait_for(awaitable: Any) -> Any:
    return await awaitable


class _Items:
    """Steps through what a streaming handler returned: sync or async, uniformly."""

    def __init__(self, source: Any, command: str) -> None:
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._is_closed = False
        if hasattr(source, "__anext__"):
            self._loop = asyncio.new_event_loop()
            self._iterator: Any = source
        elif isinstance(source, (str, bytes, bytearray, memoryview, Mapping)) or not hasattr(
            source, "__iter__"
        ):
            cls = type(source)
            raise StreamError(
                f"command {command!r} returned {cls.__module__}.{cls.__qualname__}; a streamed "
                "command must be a generator, an async generator, or return an iterable"
            )
        else:
            self._iterator = iter(source)

    def next(self) -> Any:
        """The next item, or ``_END``."""
        if self._loop is not None:
            return self._loop.run_until_complete(_anext(self._iterator))
        return next(self._iterator, _END)

    def close(self) -> None:
        """Close the source so that its ``finally`` blocks run now; later calls do nothing."""
        if self._is_closed:
            return
        self._is_closed = True
        if self._loop is None:
            close = getattr(self._iterator, "close", None)
            if close is not None:
                close()
            return
        try:
            aclose = getattr(self._iterator, "aclose", None)
            if aclose is not None:
                self._loop.run_until_complete(aclose())
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        finally:
            self._loop.close()


async def _anext(iterator: Any) -> Any:
    try:
        return await iterator.__anext__()
    except StopAsyncIteration:
        return _END
