"""The handler span: recorded by Python when an OpenTelemetry SDK is set up, else by the owner.

The recording tests need the OpenTelemetry API: in the project's ``.venv`` they
fail without it, elsewhere (Debian's ``/usr/bin/python3``) they skip; see
``tests/otel.py``. The test of the unchanged behaviour runs everywhere.
"""

from __future__ import annotations

import json
import os
import unittest
from typing import Any, Dict, Optional
from unittest import mock

from snakepit_worker._proto import snakepit_pb2
from snakepit_worker.adapter import CommandRegistry
from snakepit_worker.execution import Invoker
from snakepit_worker.stats import CallCounter
from snakepit_worker.tracing import HANDLER_SPAN_NAME

from .helpers import make_module
from .otel import FinishedSpan, recording_provider, require_otel

TRACE_ID = 0x0AF7651916CD43DD8448EB211C80319C
CALLER_SPAN_ID = 0xB7AD6B7169203331
TRACEPARENT = f"00-{TRACE_ID:032x}-{CALLER_SPAN_ID:016x}-01"


def current_span_ids() -> Optional[Dict[str, str]]:
    """The handler's view: the span current while it runs (None without OpenTelemetry)."""
    try:
        from opentelemetry import trace
    except ImportError:
        return None
    context = trace.get_current_span().get_span_context()
    return ids(context.trace_id, context.span_id)


def ids(trace_id: int, span_id: int) -> Dict[str, str]:
    """Hex, as in a traceparent: a trace id is beyond what JSON carries exactly."""
    return {"trace_id": f"{trace_id:032x}", "span_id": f"{span_id:016x}"}


def with_user_span() -> str:
    from opentelemetry import trace

    with trace.get_tracer("user-code").start_as_current_span("user.work"):
        return "done"


def fail() -> None:
    raise ValueError("handler broke")


HANDLERS = {"current": current_span_ids, "user_span": with_user_span, "fail": fail}


class HandlerSpanTest(unittest.TestCase):
    def setUp(self) -> None:
        registry = CommandRegistry.from_module(make_module("handlers", COMMANDS=HANDLERS))
        self.invoker = Invoker(registry, CallCounter())

    def execute(self, command: str, traceparent: Optional[str] = TRACEPARENT) -> Any:
        trace = {"traceparent": traceparent} if traceparent else {}
        request = snakepit_pb2.ExecuteRequest(command=command)
        return self.invoker.execute(request, lambda: True, trace)

    def spans(self, finished: list[FinishedSpan]) -> Dict[str, FinishedSpan]:
        return {span.name: span for span in finished}

    def test_without_a_recording_provider_the_owner_records_the_span(self) -> None:
        # Runs on every interpreter: no OpenTelemetry, or the API with no SDK set up.
        response = self.execute("current")
        self.assertEqual(response.WhichOneof("outcome"), "result", response.error.traceback)
        self.assertFalse(response.handler_span_recorded)
        seen = json.loads(response.result.data)
        if seen is not None:  # the API is here: the handler runs in the caller's context
            self.assertEqual(seen, ids(TRACE_ID, CALLER_SPAN_ID))

    def test_records_the_handler_span_as_a_child_of_the_caller(self) -> None:
        require_otel(self)
        with (
            recording_provider() as finished,
            mock.patch.dict(os.environ, {"SNAKEPIT_WORKER_ID": "w7"}),
        ):
            response = self.execute("current")
        self.assertTrue(response.handler_span_recorded)
        handler = self.spans(finished)[HANDLER_SPAN_NAME]
        self.assertEqual(handler.trace_id, TRACE_ID)
        self.assertEqual(handler.parent_span_id, CALLER_SPAN_ID)
        self.assertEqual(handler.kind, "SERVER")
        self.assertEqual(
            handler.attributes,
            {"snakepit.command": "current", "snakepit.worker.id": "w7"},
        )
        self.assertFalse(handler.is_error)
        seen = json.loads(response.result.data)
        self.assertEqual(seen, ids(TRACE_ID, handler.span_id))

    def test_a_user_span_in_the_handler_is_its_child(self) -> None:
        require_otel(self)
        with recording_provider() as finished:
            response = self.execute("user_span")
        self.assertEqual(json.loads(response.result.data), "done")
        self.assertTrue(response.handler_span_recorded)
        spans = self.spans(finished)
        self.assertEqual(set(spans), {HANDLER_SPAN_NAME, "user.work"})
        self.assertEqual(spans["user.work"].trace_id, TRACE_ID)
        self.assertEqual(spans["user.work"].parent_span_id, spans[HANDLER_SPAN_NAME].span_id)

    def test_a_handler_exception_is_on_the_span_and_in_the_response(self) -> None:
        require_otel(self)
        with recording_provider() as finished:
            response = self.execute("fail")
        self.assertEqual(response.error.type, "builtins.ValueError")
        self.assertTrue(response.handler_span_recorded)
        handler = self.spans(finished)[HANDLER_SPAN_NAME]
        self.assertTrue(handler.is_error)
        self.assertEqual(
            handler.attributes["snakepit.python.exception.type"], "builtins.ValueError"
        )
        self.assertEqual(handler.events, ["exception"])

    def test_an_untraced_call_records_no_span(self) -> None:
        require_otel(self)
        with recording_provider() as finished:
            response = self.execute("current", traceparent=None)
        self.assertFalse(response.handler_span_recorded)
        self.assertEqual(finished, [])


if __name__ == "__main__":
    unittest.main()
