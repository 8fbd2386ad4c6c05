"""Python's spans of a call, recorded without an OpenTelemetry SDK and sent to the owner.

A user whose Python has only the OpenTelemetry API (no SDK, no exporter) still wants
the spans their handlers start: the owner's tracer can export them. When a call asks
for it (``ExecuteRequest.forward_spans``), the worker records the call's spans itself
and returns them in the response (``ExecuteResponse.spans``); the owner exports them
with its own spans. Three rules keep this out of the way:

- It never overrides the user's set-up: :func:`install` makes
  :class:`ForwardingTracerProvider` the global tracer provider only while none is
  set (the API's ``ProxyTracerProvider`` is still in place). A user's provider,
  recording or not, is left alone and keeps the behaviour ``tracing.py`` describes.
- Its tracers record only inside a forwarded call: :func:`collect` opens a
  :class:`CallSpans` for the duration of the handler (found through a context
  variable, so ``asyncio`` tasks of the handler see it too, or through the parent
  span for a thread the handler started and handed a context). Anywhere else, and
  under an invalid or unsampled parent, a span is a ``NonRecordingSpan`` of its
  parent: the context still propagates, nothing is kept. A span ended after its
  call's response was built is dropped: the response is gone.
- It is bounded: a call keeps at most :data:`MAX_SPANS` spans, a span at most
  :data:`MAX_ATTRIBUTES` attributes and :data:`MAX_EVENTS` events (the dropped ones
  are counted in the message), a string value at most :data:`MAX_ATTRIBUTE_CHARS`
  characters; links are ignored. The spans of a call are sent only
  as far as they fit in :data:`MAX_SPANS_BYTES`, the handler span first: spans must
  never push a response over the owner's message limit and fail the call.

Span ids come from ``random.SystemRandom`` (the OS's generator): workers are forked
from one forkserver, and a seeded generator would repeat its ids in every child.

This module imports OpenTelemetry at its top: ``tracing.py`` imports it only when a
call asks for forwarding and the API is importable, never on the worker's start-up.
Streamed calls forward no spans (``execution.py``).
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import math
import random
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Any, Iterator, List, Optional, Tuple, Union

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.trace import Span, SpanContext, SpanKind, Status, StatusCode
from opentelemetry.util import types

from ._proto import snakepit_pb2
from .errors import format_traceback, qualified_type_name

MAX_SPANS = 256
"""Spans one call records at most; further spans do not record."""
MAX_ATTRIBUTES = 128
"""Attributes a span (or one of its events) keeps at most."""
MAX_EVENTS = 128
"""Events a span keeps at most."""
MAX_ATTRIBUTE_CHARS = 8 * 1024
"""A longer string attribute value (a stack trace) is cut to its start, as the SDK's
attribute value length limit does: the handler span with an exception must fit below."""
MAX_SPANS_BYTES = 32 * 1024
"""The encoded size of a call's spans at most: they ride in the response's envelope
(the owner allows 64 KiB over the payload limit), beside an error's traceback."""

_ids = random.SystemRandom()
_current_call_spans: contextvars.ContextVar[Optional[CallSpans]] = contextvars.ContextVar(
    "snakepit_call_spans", default=None
)


class CallSpans:
    """The spans one forwarded call recorded: open while its handler runs, then closed.

    Spans may end on another thread than the handler's (a thread it started), hence
    the lock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ended: List[_ForwardedSpan] = []
        self._started = 0
        self._is_open = True
        self._messages: List[snakepit_pb2.PythonSpan] = []

    def admit(self) -> bool:
        """Whether one more span may record: the call is open and under the bound."""
        with self._lock:
            if not self._is_open or self._started >= MAX_SPANS:
                return False
            self._started += 1
            return True

    def end(self, span: _ForwardedSpan, end_time_us: int) -> None:
        """End ``span`` (once: later calls do nothing), kept if the call is still open."""
        with self._lock:
            if span.end_time_us is not None:
                return
            span.end_time_us = end_time_us
            if self._is_open:
                self._ended.append(span)

    def close(self) -> List[snakepit_pb2.PythonSpan]:
        """Close the call: the spans ended so far, as messages; later ends are dropped."""
        with self._lock:
            if self._is_open:
                self._is_open = False
                self._messages = _within_budget(self._ended)
                self._ended = []
            return self._messages


def _within_budget(ended: List[_ForwardedSpan]) -> List[snakepit_pb2.PythonSpan]:
    """The messages of the ``ended`` spans that fit in :data:`MAX_SPANS_BYTES`.

    The last to end first: the handler span ends last, and a span kept without its
    parent would hang loose in the owner's trace.
    """
    kept: List[snakepit_pb2.PythonSpan] = []
    size = 0
    for span in reversed(ended):
        message = span.to_message()
        message_size = message.ByteSize() + 4  # its field tag and length in the response
        if size + message_size <= MAX_SPANS_BYTES:
            size += message_size
            kept.append(message)
    kept.reverse()
    return kept


@contextlib.contextmanager
def collect() -> Iterator[CallSpans]:
    """Record the spans started in the block (and its tasks) in a new :class:`CallSpans`,
    closed when the block exits."""
    spans = CallSpans()
    token = _current_call_spans.set(spans)
    try:
        yield spans
    finally:
        _current_call_spans.reset(token)
        spans.close()


class ForwardingTracerProvider(trace.TracerProvider):
    """A tracer provider whose spans record only inside a forwarded call (:func:`collect`)."""

    def get_tracer(
        self,
        instrumenting_module_name: str,
        instrumenting_library_version: Optional[str] = None,
        schema_url: Optional[str] = None,
        attributes: types.Attributes = None,
    ) -> ForwardingTracer:
        return ForwardingTracer(instrumenting_module_name, instrumenting_library_version or "")


PROVIDER = ForwardingTracerProvider()
"""The one provider :func:`install` makes global."""

_install_lock = threading.Lock()


def install() -> bool:
    """Make :data:`PROVIDER` the global tracer provider unless one is set; whether it is.

    Never overrides a provider the user set (in code or with
    ``OTEL_PYTHON_TRACER_PROVIDER``): then the call's spans are the user's business.
    """
    if trace.get_tracer_provider() is PROVIDER:
        return True
    with _install_lock:
        if isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider):
            trace.set_tracer_provider(PROVIDER)
    return trace.get_tracer_provider() is PROVIDER


class ForwardingTracer(trace.Tracer):
    """Starts :class:`_ForwardedSpan` in a forwarded call, ``NonRecordingSpan`` elsewhere."""

    def __init__(self, scope_name: str, scope_version: str) -> None:
        self._scope = (scope_name, scope_version)

    def start_span(
        self,
        name: str,
        context: Optional[Context] = None,
        kind: SpanKind = SpanKind.INTERNAL,
        attributes: types.Attributes = None,
        links: Optional[Sequence[trace.Link]] = None,
        start_time: Optional[int] = None,
        record_exception: bool = True,
        set_status_on_exception: bool = True,
    ) -> Span:
        parent_span = trace.get_current_span(context)
        parent = parent_span.get_span_context()
        spans = _current_call_spans.get()
        if spans is None and isinstance(parent_span, _ForwardedSpan):
            spans = parent_span.call_spans  # a thread the handler handed its context
        if (
            spans is None
            or not parent.is_valid
            or not parent.trace_flags.sampled
            or not spans.admit()
        ):
            return trace.NonRecordingSpan(parent)
        span_id = 0
        while span_id == 0:
            span_id = _ids.getrandbits(64)
        own = SpanContext(
            parent.trace_id,
            span_id,
            is_remote=False,
            trace_flags=parent.trace_flags,
            trace_state=parent.trace_state,
        )
        started_us = (time.time_ns() if start_time is None else start_time) // 1000
        span = _ForwardedSpan(name, own, parent.span_id, kind, started_us, self._scope, spans)
        if attributes:
            span.set_attributes(attributes)
        return span

    @contextlib.contextmanager
    def start_as_current_span(  # type: ignore[override]
        self,
        name: str,
        context: Optional[Context] = None,
        kind: SpanKind = SpanKind.INTERNAL,
        attributes: types.Attributes = None,
        links: Optional[Sequence[trace.Link]] = None,
        start_time: Optional[int] = None,
        record_exception: bool = True,
        set_status_on_exception: bool = True,
        end_on_exit: bool = True,
    ) -> Iterator[Span]:
        span = self.start_span(name, context, kind, attributes, links, start_time)
        with trace.use_span(
            span,
            end_on_exit=end_on_exit,
            record_exception=record_exception,
            set_status_on_exception=set_status_on_exception,
        ) as current:
            yield current


_Event = Tuple[str, int, dict[str, Any]]


class _ForwardedSpan(Span):
    """A span kept in memory until its call closes, then turned into a ``PythonSpan``.

    Once ended it records nothing more (``is_recording`` is then false, as the SDK's).
    """

    def __init__(
        self,
        name: str,
        context: SpanContext,
        parent_span_id: int,
        kind: SpanKind,
        start_time_us: int,
        scope: Tuple[str, str],
        call_spans: CallSpans,
    ) -> None:
        self._name = name
        self._context = context
        self._parent_span_id = parent_span_id
        self._kind = kind
        self._start_time_us = start_time_us
        self._scope = scope
        self.call_spans = call_spans
        self.end_time_us: Optional[int] = None
        self._attributes: dict[str, Any] = {}
        self._dropped_attributes = 0
        self._events: List[_Event] = []
        self._dropped_events = 0
        self._status_code = StatusCode.UNSET
        self._status_message = ""

    def end(self, end_time: Optional[int] = None) -> None:
        ended_ns = time.time_ns() if end_time is None else end_time
        self.call_spans.end(self, ended_ns // 1000)

    def get_span_context(self) -> SpanContext:
        return self._context

    def is_recording(self) -> bool:
        return self.end_time_us is None

    def set_attributes(self, attributes: Mapping[str, Any]) -> None:
        if self.is_recording():
            self._dropped_attributes += _put_attributes(self._attributes, attributes)

    def set_attribute(self, key: str, value: Any) -> None:
        self.set_attributes({key: value})

    def add_event(
        self,
        name: str,
        attributes: types.Attributes = None,
        timestamp: Optional[int] = None,
    ) -> None:
        if not self.is_recording():
            return
        if len(self._events) >= MAX_EVENTS:
            self._dropped_events += 1
            return
        kept: dict[str, Any] = {}
        _put_attributes(kept, attributes or {})
        time_ns = time.time_ns() if timestamp is None else timestamp
        self._events.append((name, time_ns // 1000, kept))

    def add_link(self, context: SpanContext, attributes: types.Attributes = None) -> None:
        """Links are not forwarded."""

    def update_name(self, name: str) -> None:
        if self.is_recording():
            self._name = name

    def set_status(
        self, status: Union[Status, StatusCode], description: Optional[str] = None
    ) -> None:
        # OpenTelemetry's rules: OK is final, UNSET changes nothing, only ERROR has a message.
        if not self.is_recording() or self._status_code is StatusCode.OK:
            return
        if isinstance(status, Status):
            code, message = status.status_code, status.description
        else:
            code, message = status, description
        if code is StatusCode.UNSET:
            return
        self._status_code = code
        self._status_message = (message or "") if code is StatusCode.ERROR else ""

    def record_exception(
        self,
        exception: BaseException,
        attributes: types.Attributes = None,
        timestamp: Optional[int] = None,
        escaped: bool = False,
    ) -> None:
        if not self.is_recording():
            return
        # The attribute names of OpenTelemetry's semantic conventions for exceptions.
        described: dict[str, Any] = {
            "exception.type": qualified_type_name(exception),
            "exception.message": str(exception),
            "exception.stacktrace": format_traceback(exception),
        }
        described.update(attributes or {})
        self.add_event("exception", described, timestamp)

    def to_message(self) -> snakepit_pb2.PythonSpan:
        """This (ended) span as the message the owner exports."""
        return snakepit_pb2.PythonSpan(
            name=self._name,
            trace_id=self._context.trace_id.to_bytes(16, "big"),
            span_id=self._context.span_id.to_bytes(8, "big"),
            parent_span_id=self._parent_span_id.to_bytes(8, "big"),
            kind=self._kind.value,
            start_time_unix_us=self._start_time_us,
            end_time_unix_us=self.end_time_us or self._start_time_us,
            attributes_json=_to_json(self._attributes),
            status_code=self._status_code.value,
            status_message=self._status_message,
            events=[
                snakepit_pb2.PythonSpanEvent(
                    name=name, time_unix_us=time_us, attributes_json=_to_json(attributes)
                )
                for name, time_us, attributes in self._events
            ],
            scope_name=self._scope[0],
            scope_version=self._scope[1],
            dropped_attributes=self._dropped_attributes,
            dropped_events=self._dropped_events,
        )

    def __repr__(self) -> str:
        return f"_ForwardedSpan({self._name!r}, span_id={self._context.span_id:016x})"


def _put_attributes(target: dict[str, Any], attributes: Mapping[str, Any]) -> int:
    """Copy ``attributes`` into ``target`` within :data:`MAX_ATTRIBUTES`; how many were dropped.

    A value of ``None`` (undefined in OpenTelemetry) is skipped; a sequence is copied,
    so that the caller changing it later does not change the span.
    """
    dropped = 0
    for key, value in attributes.items():
        if value is None:
            continue
        if key not in target and len(target) >= MAX_ATTRIBUTES:
            dropped += 1
            continue
        target[key] = _attribute_value(value)
    return dropped


def _attribute_value(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_ATTRIBUTE_CHARS:
        return value[:MAX_ATTRIBUTE_CHARS]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # JSON has no NaN nor Infinity: JSON.parse would reject them
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return [_attribute_value(item) for item in value]
    return value


_json = json.JSONEncoder(default=str, separators=(",", ":"))
"""Made once: ``json.dumps`` with arguments builds an encoder per call."""


def _to_json(attributes: Mapping[str, Any]) -> str:
    if not attributes:
        return "{}"
    return _json.encode(attributes)
