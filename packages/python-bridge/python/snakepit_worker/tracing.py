"""W3C trace context of a call: read from gRPC metadata, continued when OpenTelemetry is here.

The owner sends ``traceparent`` (and ``tracestate``) as gRPC metadata. The worker
puts them in the call context (``current_call().metadata``) and reports its handler
time and exception back in the response, from which the owner records the
handler's span: no OpenTelemetry package is needed in Python. When the
OpenTelemetry API is importable, the handler also runs inside a real span that
continues the caller's trace, so spans made by user code nest under it.
"""

from __future__ import annotations

import contextlib
from typing import Any, ContextManager, Dict, Iterable, Tuple

TRACE_KEYS = ("traceparent", "tracestate")

_otel: Any = None
_otel_checked = False


def trace_metadata(invocation_metadata: Iterable[Tuple[str, Any]]) -> Dict[str, str]:
    """The trace-context entries of a call's gRPC metadata."""
    return {key: str(value) for key, value in invocation_metadata if key in TRACE_KEYS}


def handler_span(command: str, trace: Dict[str, str]) -> ContextManager[Any]:
    """A span around the handler when OpenTelemetry is installed, else nothing."""
    otel = _load_otel()
    if otel is None or "traceparent" not in trace:
        return contextlib.nullcontext()
    propagate, trace_api = otel
    parent = propagate.extract(trace)
    tracer = trace_api.get_tracer("snakepit_worker")
    span: ContextManager[Any] = tracer.start_as_current_span(
        f"snakepit.python {command}", context=parent
    )
    return span


def _load_otel() -> Any:
    global _otel, _otel_checked
    if not _otel_checked:
        _otel_checked = True
        try:
            from opentelemetry import propagate, trace  # type: ignore[import-not-found]

            _otel = (propagate, trace)
        except ImportError:
            _otel = None
    return _otel
