"""Python's spans of a call, forwarded to the owner in the response (``span_forwarding.py``).

The forwarding provider becomes the process's global tracer provider, which the
OpenTelemetry API lets a process set only once: each test starts with none set and
puts back what was there, so that other tests (``test_tracing.py``) see the process
as they left it. The tests need the OpenTelemetry API: in the project's ``.venv``
they fail without it, elsewhere they skip (``tests/otel.py``); the start-up test
runs everywhere.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import threading
import unittest
from typing import Any, Dict, List, Optional
from unittest import mock

from snakepit_worker._proto import snakepit_pb2
from snakepit_worker.adapter import CommandRegistry
from snakepit_worker.execution import Invoker
from snakepit_worker.logs import LogFrameHandler
from snakepit_worker.stats import CallCounter
from snakepit_worker.tracing import HANDLER_SPAN_NAME

from .helpers import PYTHON_ROOT, make_module
from .otel import make_recording_provider, require_otel

TRACE_ID = 0x0AF7651916CD43DD8448EB211C80319C
CALLER_SPAN_ID = 0xB7AD6B7169203331
TRACEPARENT = f"00-{TRACE_ID:032x}-{CALLER_SPAN_ID:016x}-01"
UNSAMPLED = f"00-{TRACE_ID:032x}-{CALLER_SPAN_ID:016x}-00"

kept_spans: List[Any] = []
"""Spans a handler leaves open, for the test to end after the call."""
log_frames: List[snakepit_pb2.ControlFrame] = []


def user_span() -> str:
    from opentelemetry import trace

    tracer = trace.get_tracer("user-code", "1.2.3")
    with tracer.start_as_current_span("user.work", attributes={"rows": 3}) as span:
        span.set_attribute("tags", ["a", "b"])
        span.set_attributes({"ratio": 0.5, "ok": True, "nan": float("nan")})
        span.add_event("loaded", {"bytes": 10}, timestamp=1_700_000_000_123_456_789)
        span.update_name("user.renamed")
        return "done"


def fail() -> None:
    from opentelemetry import trace

    with trace.get_tracer("user-code").start_as_current_span("user.failing"):
        raise ValueError("handler broke")


def quiet_failure() -> None:
    from opentelemetry import trace

    with trace.get_tracer("user-code").start_as_current_span(
        "user.quiet", record_exception=False, set_status_on_exception=False
    ):
        raise ValueError("not on the span")


def keep_open() -> str:
    from opentelemetry import trace

    kept_spans.append(trace.get_tracer("user-code").start_span("user.late"))
    return "kept"


def many_spans() -> List[bool]:
    from opentelemetry import trace

    tracer = trace.get_tracer("user-code")
    recording = []
    for index in range(300):
        span = tracer.start_span(f"user.{index}")
        recording.append(span.is_recording())
        span.end()
    return recording


def many_attributes_and_events() -> None:
    from opentelemetry import trace

    with trace.get_tracer("user-code").start_as_current_span("user.big") as span:
        span.set_attributes({f"key.{index}": index for index in range(130)})
        span.set_attribute("key.0", "updated, not dropped")
        for index in range(131):
            span.add_event(f"event.{index}")


def oversized_span() -> None:
    from opentelemetry import trace

    tracer = trace.get_tracer("user-code")
    blobs = {f"blob.{index}": "x" * 8000 for index in range(5)}
    with tracer.start_as_current_span("user.huge", attributes=blobs):
        tracer.start_span("user.small").end()


def long_value() -> None:
    from opentelemetry import trace

    trace.get_tracer("user-code").start_span("user.long", attributes={"text": "y" * 9000}).end()


def log_in_span() -> str:
    from opentelemetry import trace

    logger = logging.getLogger("snakepit.test.span_forwarding")
    handler = LogFrameHandler(log_frames.append)
    logger.addHandler(handler)
    try:
        with trace.get_tracer("user-code").start_as_current_span("user.logging"):
            logger.warning("inside the user's span")
    finally:
        logger.removeHandler(handler)
    return "logged"


async def async_span() -> str:
    from opentelemetry import trace

    async def step() -> None:
        with trace.get_tracer("user-code").start_as_current_span("user.task"):
            await asyncio.sleep(0)

    await asyncio.gather(step(), step())
    return "awaited"


def span_in_thread() -> None:
    from opentelemetry import context, trace

    parent = context.get_current()

    def work() -> None:
        trace.get_tracer("user-code").start_span("user.thread", context=parent).end()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


HANDLERS = {
    "user_span": user_span,
    "fail": fail,
    "quiet_failure": quiet_failure,
    "keep_open": keep_open,
    "many_spans": many_spans,
    "many_attributes_and_events": many_attributes_and_events,
    "oversized_span": oversized_span,
    "long_value": long_value,
    "log_in_span": log_in_span,
    "async_span": async_span,
    "span_in_thread": span_in_thread,
}


def span_id(value: bytes) -> int:
    return int.from_bytes(value, "big")


class SpanForwardingTest(unittest.TestCase):
    def setUp(self) -> None:
        require_otel(self)
        from opentelemetry import trace

        # The API sets its global provider once per process: start with none, put back.
        saved = (trace._TRACER_PROVIDER, trace._TRACER_PROVIDER_SET_ONCE)

        def restore() -> None:
            trace._TRACER_PROVIDER, trace._TRACER_PROVIDER_SET_ONCE = saved

        self.addCleanup(restore)
        trace._TRACER_PROVIDER = None
        trace._TRACER_PROVIDER_SET_ONCE = type(saved[1])()
        environ = mock.patch.dict(os.environ, {"SNAKEPIT_WORKER_ID": "w3"})
        environ.start()
        self.addCleanup(environ.stop)
        os.environ.pop("OTEL_PYTHON_TRACER_PROVIDER", None)
        kept_spans.clear()
        log_frames.clear()
        registry = CommandRegistry.from_module(make_module("forwarded", COMMANDS=HANDLERS))
        self.invoker = Invoker(registry, CallCounter())

    def execute(
        self, command: str, traceparent: Optional[str] = TRACEPARENT, forward: bool = True
    ) -> Any:
        trace = {"traceparent": traceparent} if traceparent else {}
        request = snakepit_pb2.ExecuteRequest(command=command, forward_spans=forward)
        return self.invoker.execute(request, lambda: True, trace)

    def spans(self, response: Any) -> Dict[str, Any]:
        return {span.name: span for span in response.spans}

    def test_forwards_the_handler_span_and_a_users_span(self) -> None:
        response = self.execute("user_span")
        self.assertEqual(response.WhichOneof("outcome"), "result", response.error.traceback)
        self.assertEqual(json.loads(response.result.data), "done")
        self.assertTrue(response.handler_span_recorded)
        spans = self.spans(response)
        self.assertEqual(set(spans), {HANDLER_SPAN_NAME, "user.renamed"})
        handler, user = spans[HANDLER_SPAN_NAME], spans["user.renamed"]

        self.assertEqual(handler.trace_id, TRACE_ID.to_bytes(16, "big"))
        self.assertEqual(span_id(handler.parent_span_id), CALLER_SPAN_ID)
        self.assertEqual(len(handler.span_id), 8)
        self.assertNotIn(span_id(handler.span_id), (0, CALLER_SPAN_ID))
        self.assertEqual(handler.kind, 1)
        self.assertEqual(
            json.loads(handler.attributes_json),
            {"snakepit.command": "user_span", "snakepit.worker.id": "w3"},
        )
        self.assertEqual((handler.status_code, handler.scope_name), (0, "snakepit_worker"))

        self.assertEqual(user.trace_id, handler.trace_id)
        self.assertEqual(user.parent_span_id, handler.span_id)
        self.assertEqual(
            (user.kind, user.scope_name, user.scope_version), (0, "user-code", "1.2.3")
        )
        self.assertEqual(
            json.loads(user.attributes_json),
            {"rows": 3, "tags": ["a", "b"], "ratio": 0.5, "ok": True, "nan": "nan"},
        )
        self.assertEqual([event.name for event in user.events], ["loaded"])
        self.assertEqual(user.events[0].time_unix_us, 1_700_000_000_123_456)
        self.assertEqual(json.loads(user.events[0].attributes_json), {"bytes": 10})

        self.assertLessEqual(handler.start_time_unix_us, user.start_time_unix_us)
        self.assertLessEqual(user.start_time_unix_us, user.end_time_unix_us)
        self.assertLessEqual(user.end_time_unix_us, handler.end_time_unix_us)

    def test_a_raising_handler_forwards_its_spans_with_the_error(self) -> None:
        response = self.execute("fail")
        self.assertEqual(response.error.type, "builtins.ValueError")
        self.assertTrue(response.handler_span_recorded)
        spans = self.spans(response)
        handler, user = spans[HANDLER_SPAN_NAME], spans["user.failing"]
        for span in (handler, user):
            self.assertEqual(span.status_code, 2, span.name)
            self.assertEqual([event.name for event in span.events], ["exception"], span.name)
            exception = json.loads(span.events[0].attributes_json)
            self.assertEqual(exception["exception.type"], "builtins.ValueError")
            self.assertEqual(exception["exception.message"], "handler broke")
            self.assertIn("ValueError: handler broke", exception["exception.stacktrace"])
        self.assertEqual(handler.status_message, "handler broke")
        self.assertEqual(user.status_message, "ValueError: handler broke")
        self.assertEqual(
            json.loads(handler.attributes_json)["snakepit.python.exception.type"],
            "builtins.ValueError",
        )

    def test_a_span_can_decline_the_exception(self) -> None:
        response = self.execute("quiet_failure")
        self.assertEqual(response.error.type, "builtins.ValueError")
        quiet = self.spans(response)["user.quiet"]
        self.assertEqual((quiet.status_code, list(quiet.events)), (0, []))
        self.assertEqual(self.spans(response)[HANDLER_SPAN_NAME].status_code, 2)

    def test_without_forwarding_nothing_is_recorded_nor_installed(self) -> None:
        from opentelemetry import trace

        response = self.execute("user_span", forward=False)
        self.assertEqual(json.loads(response.result.data), "done")
        self.assertFalse(response.handler_span_recorded)
        self.assertEqual(list(response.spans), [])
        self.assertIsInstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)

    def test_once_installed_a_call_without_forwarding_records_nothing(self) -> None:
        self.execute("user_span")
        response = self.execute("user_span", forward=False)
        self.assertFalse(response.handler_span_recorded)
        self.assertEqual(list(response.spans), [])

    def test_an_unsampled_or_untraced_call_records_nothing(self) -> None:
        for traceparent in (UNSAMPLED, None):
            response = self.execute("user_span", traceparent=traceparent)
            self.assertEqual(json.loads(response.result.data), "done")
            self.assertFalse(response.handler_span_recorded)
            self.assertEqual(list(response.spans), [])

    def test_a_span_ended_after_its_call_is_dropped(self) -> None:
        response = self.execute("keep_open")
        self.assertEqual(json.loads(response.result.data), "kept")
        self.assertEqual(set(self.spans(response)), {HANDLER_SPAN_NAME})
        late = kept_spans[0]
        self.assertTrue(late.is_recording())
        late.end()
        late.end()
        self.assertFalse(late.is_recording())
        self.assertEqual(
            set(self.spans(self.execute("user_span"))), {HANDLER_SPAN_NAME, "user.renamed"}
        )

    def test_a_call_records_at_most_256_spans(self) -> None:
        response = self.execute("many_spans")
        recording = json.loads(response.result.data)
        self.assertEqual(recording, [True] * 255 + [False] * 45)  # the handler span is one
        self.assertEqual(len(response.spans), 256)

    def test_a_span_keeps_at_most_128_attributes_and_events(self) -> None:
        big = self.spans(self.execute("many_attributes_and_events"))["user.big"]
        attributes = json.loads(big.attributes_json)
        self.assertEqual(len(attributes), 128)
        self.assertEqual(attributes["key.0"], "updated, not dropped")
        self.assertEqual(big.dropped_attributes, 2)
        self.assertEqual((len(big.events), big.dropped_events), (128, 3))

    def test_spans_that_do_not_fit_are_left_out_the_handler_span_first_kept(self) -> None:
        response = self.execute("oversized_span")
        self.assertEqual(response.WhichOneof("outcome"), "result", response.error.traceback)
        self.assertEqual(set(self.spans(response)), {HANDLER_SPAN_NAME, "user.small"})

    def test_a_long_string_value_is_cut(self) -> None:
        response = self.execute("long_value")
        value = json.loads(self.spans(response)["user.long"].attributes_json)["text"]
        self.assertEqual(value, "y" * 8192)

    def test_a_users_recording_provider_wins(self) -> None:
        from opentelemetry import trace

        provider, finished = make_recording_provider()
        trace.set_tracer_provider(provider)
        response = self.execute("user_span")
        self.assertTrue(response.handler_span_recorded)
        self.assertEqual(list(response.spans), [])
        self.assertEqual({span.name for span in finished}, {HANDLER_SPAN_NAME, "user.renamed"})
        self.assertIs(trace.get_tracer_provider(), provider)

    def test_a_users_non_recording_provider_is_kept(self) -> None:
        from opentelemetry import trace

        provider = trace.NoOpTracerProvider()
        trace.set_tracer_provider(provider)
        response = self.execute("user_span")
        self.assertFalse(response.handler_span_recorded)
        self.assertEqual(list(response.spans), [])
        self.assertIs(trace.get_tracer_provider(), provider)

    def test_a_log_record_in_a_users_span_carries_its_trace(self) -> None:
        response = self.execute("log_in_span")
        user = self.spans(response)["user.logging"]
        self.assertEqual(
            [frame.log.traceparent for frame in log_frames],
            [f"00-{TRACE_ID:032x}-{user.span_id.hex()}-01"],
        )

    def test_spans_of_an_async_handlers_tasks_are_forwarded(self) -> None:
        response = self.execute("async_span")
        self.assertEqual(json.loads(response.result.data), "awaited")
        handler_id = self.spans(response)[HANDLER_SPAN_NAME].span_id
        tasks = [span for span in response.spans if span.name == "user.task"]
        self.assertEqual([span.parent_span_id for span in tasks], [handler_id, handler_id])

    def test_a_span_in_a_thread_handed_the_context_is_forwarded(self) -> None:
        spans = self.spans(self.execute("span_in_thread"))
        self.assertEqual(spans["user.thread"].parent_span_id, spans[HANDLER_SPAN_NAME].span_id)

    def test_outside_a_call_spans_only_propagate_the_context(self) -> None:
        from opentelemetry import trace
        from opentelemetry.trace.propagation.tracecontext import (
            TraceContextTextMapPropagator,
        )

        from snakepit_worker import span_forwarding

        self.assertTrue(span_forwarding.install())
        parent = TraceContextTextMapPropagator().extract({"traceparent": TRACEPARENT})
        span = trace.get_tracer("user-code").start_span("outside", context=parent)
        self.assertFalse(span.is_recording())
        self.assertEqual(span.get_span_context().span_id, CALLER_SPAN_ID)

    def test_span_status_follows_opentelemetrys_rules(self) -> None:
        from opentelemetry import trace
        from opentelemetry.trace import Status, StatusCode
        from opentelemetry.trace.propagation.tracecontext import (
            TraceContextTextMapPropagator,
        )

        from snakepit_worker import span_forwarding

        parent = TraceContextTextMapPropagator().extract({"traceparent": TRACEPARENT})
        tracer = span_forwarding.PROVIDER.get_tracer("user-code")
        with span_forwarding.collect() as collected:
            error = tracer.start_span("error", context=parent, start_time=5_000_000)
            error.set_status(StatusCode.ERROR, "bad")
            error.set_status(StatusCode.UNSET)
            error.end(end_time=9_000_000)
            ok = tracer.start_span("ok", context=parent, kind=trace.SpanKind.CLIENT)
            ok.set_status(Status(StatusCode.OK))
            ok.set_status(StatusCode.ERROR, "too late")
            ok.set_attribute("before.end", 1)
            ok.end()
            ok.set_attribute("after.end", 1)
            ok.update_name("renamed too late")
        by_name = {span.name: span for span in collected.close()}
        self.assertEqual(
            (by_name["error"].status_code, by_name["error"].status_message), (2, "bad")
        )
        self.assertEqual(
            (by_name["error"].start_time_unix_us, by_name["error"].end_time_unix_us),
            (5_000, 9_000),
        )
        self.assertEqual((by_name["ok"].status_code, by_name["ok"].status_message), (1, ""))
        self.assertEqual(
            (by_name["ok"].kind, by_name["ok"].attributes_json), (2, '{"before.end":1}')
        )


class StartUpTest(unittest.TestCase):
    def test_the_worker_does_not_import_forwarding_on_start_up(self) -> None:
        code = (
            "import sys, snakepit_worker.worker, snakepit_worker.execution; "
            "print('snakepit_worker.span_forwarding' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=PYTHON_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        self.assertEqual(out.strip(), "False")


if __name__ == "__main__":
    unittest.main()
