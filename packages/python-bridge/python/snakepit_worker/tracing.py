"""W3C trace context of a call: read from gRPC metadata, continued when OpenTelemetry is here.

The owner sends ``traceparent`` (and ``tracestate``) as gRPC metadata. The worker
puts them in the call context (``current_call().metadata``). Who records the
handler's span (``snakepit.python.handler``) depends on what the worker's Python has:

- No OpenTelemetry (or no ``traceparent``): the worker reports its handler time and
  exception in the response, from which the owner records the handler span. No
  OpenTelemetry package is needed in Python. With the API but no tracer provider,
  the same, except that the handler runs inside the caller's context.
- The user's SDK (a recording tracer provider set up in the worker): Python opens
  ``snakepit.python.handler`` itself, as a child of the caller's span, runs the
  handler inside it, and says so in the response (``handler_span_recorded``): the
  owner then records no handler span of its own, so the trace has one handler span
  and a user's spans are its children. Python's SDK exports them; the owner's
  exporter never sees them.
- Forwarding: the owner asks for it per call (``ExecuteRequest.forward_spans``) when
  its tracer takes Python's spans. With the API and no tracer provider of the user's,
  the worker makes ``span_forwarding``'s provider the global one (once, on the first
  such call), records the handler span and the user's spans of the call in memory and
  returns them in the response (``ExecuteResponse.spans``, ``handler_span_recorded``
  true); the owner exports them. A user's provider, recording or not, is never
  replaced: the cases above apply. ``span_forwarding`` is imported only then, so the
  worker's start-up never pays for it.

Inside a recorded handler span, :func:`current_traceparent` (hence the trace of the
log records, ``logs.py``) names the innermost Python span, whoever exports it.
"""

from __future__ import annotations

import contextlib
import os
from typing import (
    TYPE_CHECKING,
    Any,
    ContextManager,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Tuple,
)

from .context import current_call
from .errors import qualified_type_name

if TYPE_CHECKING:
    from ._proto import snakepit_pb2

TRACE_KEYS = ("traceparent", "tracestate")

HANDLER_SPAN_NAME = "snakepit.python.handler"
"""The handler's span: the same name whether Python or the owner records it."""

_TRACER_NAME = "snakepit_worker"
"""The instrumentation scope of the handler span."""

_otel: Any = None
_otel_checked = False


class HandlerSpan:
    """What :func:`handler_span` did: ``is_recorded`` when Python recorded the span.

    ``forwarded``: the spans a forwarded call recorded, for the response; set when the
    block has exited (the handler span has ended then), empty otherwise.
    """

    def __init__(self, is_recorded: bool) -> None:
        self.is_recorded = is_recorded
        self.forwarded: List[snakepit_pb2.PythonSpan] = []


def trace_metadata(invocation_metadata: Iterable[Tuple[str, Any]]) -> Dict[str, str]:
    """The trace-context entries of a call's gRPC metadata."""
    return {key: str(value) for key, value in invocation_metadata if key in TRACE_KEYS}


def handler_span(
    command: str, trace: Mapping[str, str], forward: bool = False
) -> ContextManager[HandlerSpan]:
    """Runs the block inside the call's trace context, in a handler span when one records.

    Without OpenTelemetry, or without a ``traceparent``, it does nothing. An
    exception of the block is recorded on the span (type, message, stack) and
    raised again. With ``forward`` (the owner asks for the call's spans), the spans
    are recorded in memory when the user set no tracer provider, and are on the
    yielded :class:`HandlerSpan` once the block has exited.
    """
    otel = _load_otel()
    if otel is None or "traceparent" not in trace:
        return _Untraced()  # most calls: no generator, no OpenTelemetry
    return _traced(otel, command, trace, forward)


class _Untraced:
    """:func:`handler_span` for a call without trace context, or without OpenTelemetry."""

    __slots__ = ()

    def __enter__(self) -> HandlerSpan:
        return HandlerSpan(False)

    def __exit__(self, *exc_info: object) -> None:
        return None


@contextlib.contextmanager
def _traced(
    otel: Any, command: str, trace: Mapping[str, str], forward: bool
) -> Iterator[HandlerSpan]:
    propagate, trace_api = otel
    parent = propagate.extract(trace)
    if forward:
        from . import span_forwarding

        if span_forwarding.install():
            with span_forwarding.collect() as spans:
                span = span_forwarding.PROVIDER.get_tracer(_TRACER_NAME).start_span(
                    HANDLER_SPAN_NAME,
                    context=parent,
                    kind=trace_api.SpanKind.SERVER,
                    attributes=_attributes(command),
                )
                if span.is_recording():
                    handler = HandlerSpan(True)
                    try:
                        with _in_span(trace_api, span):
                            yield handler
                    finally:
                        handler.forwarded = spans.close()
                    return
            # Not sampled: nothing records, as without forwarding.
    span = trace_api.get_tracer(_TRACER_NAME).start_span(
        HANDLER_SPAN_NAME,
        context=parent,
        kind=trace_api.SpanKind.SERVER,
        attributes=_attributes(command),
    )
    if not span.is_recording():
        # No SDK (or a sampler said no): the owner records the handler span, as
        # without OpenTelemetry; the handler still runs in the caller's context.
        span.end()
        span = trace_api.get_current_span(parent)
    with _in_span(trace_api, span):
        yield HandlerSpan(span.is_recording())


@contextlib.contextmanager
def _in_span(trace_api: Any, span: Any) -> Iterator[None]:
    """Make ``span`` current for the block and end it; an exception is recorded on it."""
    with trace_api.use_span(
        span, end_on_exit=True, record_exception=False, set_status_on_exception=False
    ):
        try:
            yield
        except BaseException as exc:  # see execution.py: every handler exception is answered
            _record_failure(trace_api, span, exc)
            raise


def current_traceparent() -> str:
    """The W3C ``traceparent`` of what this thread runs now, or ``""``.

    The current OpenTelemetry span when the API is here and one is valid (the handler
    span, or a user's span inside it), else the ``traceparent`` the owner sent with
    the call being served (its ``snakepit.execute`` span), else nothing.
    """
    otel = _load_otel()
    if otel is not None:
        span_context = otel[1].get_current_span().get_span_context()
        if span_context.is_valid:
            return (
                f"00-{span_context.trace_id:032x}-{span_context.span_id:016x}"
                f"-{int(span_context.trace_flags):02x}"
            )
    return current_call().metadata.get("traceparent", "")


def _attributes(command: str) -> Dict[str, str]:
    attributes = {"snakepit.command": command}
    worker_id = os.environ.get("SNAKEPIT_WORKER_ID")
    if worker_id:
        attributes["snakepit.worker.id"] = worker_id
    return attributes


def _record_failure(trace_api: Any, span: Any, exc: BaseException) -> None:
    if not span.is_recording():
        return
    span.set_attribute("snakepit.python.exception.type", qualified_type_name(exc))
    span.record_exception(exc)
    span.set_status(trace_api.Status(trace_api.StatusCode.ERROR, str(exc)))


def _load_otel() -> Any:
    global _otel, _otel_checked
    if not _otel_checked:
        _otel_checked = True
        try:
            # The ignore is unused where .venv has the API (./dev installs it), needed elsewhere.
            from opentelemetry import propagate, trace  # type: ignore[import-not-found,unused-ignore]

            _otel = (propagate, trace)
        except ImportError:
            _otel = None
    return _otel
