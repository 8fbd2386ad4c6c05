"""OpenTelemetry for the tests: a recording tracer provider and what it finished.

With the OpenTelemetry SDK importable, the provider is the SDK's with an in-memory
exporter. Without it, a minimal recording provider written on the OpenTelemetry
API stands in (pip's ``opentelemetry-sdk`` needs ``opentelemetry-semantic-conventions``,
which the package index these machines reach lacks; the API alone installs): it
makes real span contexts, parents from the context it is given, and keeps the
finished spans, which is all the worker's tracing relies on.

The project's ``.venv`` must have the OpenTelemetry API (``./dev test`` installs
``requirements-test.txt`` into it): run there, :func:`require_otel` fails loudly
when it is missing. Other interpreters (CI's second pass runs Debian's
``/usr/bin/python3``, which has no OpenTelemetry) skip the tests that need it.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import unittest
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Tuple

from .helpers import PYTHON_ROOT

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(PYTHON_ROOT)))
TEST_REQUIREMENTS = "packages/python-bridge/python/requirements-test.txt"


@dataclass
class FinishedSpan:
    """A finished span, whichever provider recorded it."""

    name: str
    trace_id: int
    span_id: int
    parent_span_id: Optional[int]
    kind: str
    attributes: Dict[str, Any]
    is_error: bool
    events: List[str] = field(default_factory=list)


def is_project_venv() -> bool:
    """Whether this interpreter is the project's ``.venv`` (CI's first pass)."""
    return os.path.realpath(sys.prefix) == os.path.realpath(os.path.join(REPO_ROOT, ".venv"))


def require_otel(case: unittest.TestCase) -> None:
    """Fails in the project's ``.venv`` without the OpenTelemetry API; skips elsewhere."""
    try:
        import opentelemetry.trace  # noqa: F401
    except ImportError:
        message = (
            f"the OpenTelemetry API is missing from {sys.prefix}: "
            f"{sys.executable} -m pip install -r {TEST_REQUIREMENTS} (./dev test does)"
        )
        if is_project_venv():
            case.fail(message)
        case.skipTest(f"no OpenTelemetry in {sys.executable} (only .venv must have it)")


def has_sdk() -> bool:
    try:
        import opentelemetry.sdk.trace  # noqa: F401
    except ImportError:
        return False
    return True


@contextlib.contextmanager
def recording_provider() -> Iterator[List[FinishedSpan]]:
    """Makes a recording provider the global one for the block; yields its finished spans.

    ``get_tracer_provider`` is patched rather than set: the API lets a process set
    its global provider only once.
    """
    from unittest import mock

    from opentelemetry import trace

    provider, finished = make_recording_provider()
    with mock.patch.object(trace, "get_tracer_provider", return_value=provider):
        yield finished


def make_recording_provider() -> Tuple[Any, List[FinishedSpan]]:
    """A recording tracer provider (the SDK's when importable) and its finished spans."""
    finished: List[FinishedSpan] = []
    provider = _sdk_provider(finished) if has_sdk() else _ApiProvider(finished)
    return provider, finished


def _sdk_provider(finished: List[FinishedSpan]) -> Any:
    from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
    from opentelemetry.sdk.trace.export import (
        SimpleSpanProcessor,
        SpanExporter,
        SpanExportResult,
    )
    from opentelemetry.trace import StatusCode

    class Collect(SpanExporter):  # type: ignore[misc,unused-ignore]
        def export(self, spans: Any) -> Any:
            for span in spans:
                finished.append(_from_sdk(span, StatusCode.ERROR))
            return SpanExportResult.SUCCESS

    def _from_sdk(span: ReadableSpan, error: Any) -> FinishedSpan:
        context = span.context
        assert context is not None
        return FinishedSpan(
            name=span.name,
            trace_id=context.trace_id,
            span_id=context.span_id,
            parent_span_id=span.parent.span_id if span.parent else None,
            kind=span.kind.name,
            attributes=dict(span.attributes or {}),
            is_error=span.status.status_code == error,
            events=[event.name for event in span.events],
        )

    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(Collect()))
    return provider


def _api_classes() -> Any:
    from opentelemetry import trace
    from opentelemetry.trace import SpanContext, TraceFlags

    class Span(trace.Span):
        def __init__(self, name: str, context: Any, parent: Any, kind: Any, attributes: Any):
            self._record = FinishedSpan(
                name=name,
                trace_id=context.trace_id,
                span_id=context.span_id,
                parent_span_id=parent.span_id if parent.is_valid else None,
                kind=kind.name,
                attributes=dict(attributes or {}),
                is_error=False,
            )
            self._context = context
            self._sink: Optional[List[FinishedSpan]] = None

        def end(self, end_time: Optional[int] = None) -> None:
            if self._sink is not None:
                self._sink.append(self._record)
                self._sink = None

        def get_span_context(self) -> Any:
            return self._context

        def set_attributes(self, attributes: Any) -> None:
            self._record.attributes.update(attributes)

        def set_attribute(self, key: str, value: Any) -> None:
            self._record.attributes[key] = value

        def add_event(self, name: str, attributes: Any = None, timestamp: Any = None) -> None:
            self._record.events.append(name)

        def update_name(self, name: str) -> None:
            self._record.name = name

        def is_recording(self) -> bool:
            return True

        def set_status(self, status: Any, description: Optional[str] = None) -> None:
            self._record.is_error = status.status_code == trace.StatusCode.ERROR

        def record_exception(self, exception: BaseException, *args: Any, **kwargs: Any) -> None:
            self.add_event("exception")

    class Tracer(trace.Tracer):
        def __init__(self, finished: List[FinishedSpan]) -> None:
            self._finished = finished

        def start_span(
            self,
            name: str,
            context: Any = None,
            kind: Any = trace.SpanKind.INTERNAL,
            attributes: Any = None,
            *args: Any,
            **kwargs: Any,
        ) -> Span:
            parent = trace.get_current_span(context).get_span_context()
            trace_id = parent.trace_id if parent.is_valid else random.getrandbits(128)
            own = SpanContext(trace_id, random.getrandbits(64), False, TraceFlags(1))
            span = Span(name, own, parent, kind, attributes)
            span._sink = self._finished
            return span

        @contextlib.contextmanager
        def start_as_current_span(  # type: ignore[override]
            self,
            name: str,
            context: Any = None,
            kind: Any = trace.SpanKind.INTERNAL,
            attributes: Any = None,
            *args: Any,
            **kwargs: Any,
        ) -> Iterator[Span]:
            span = self.start_span(name, context, kind, attributes)
            with trace.use_span(span, end_on_exit=True):
                yield span

    class Provider(trace.TracerProvider):
        def __init__(self, finished: List[FinishedSpan]) -> None:
            self._finished = finished

        def get_tracer(self, *args: Any, **kwargs: Any) -> Tracer:
            return Tracer(self._finished)

    return Provider


def _ApiProvider(finished: List[FinishedSpan]) -> Any:
    return _api_classes()(finished)
