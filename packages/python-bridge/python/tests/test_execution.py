"""Running commands: results, errors in the response, async handlers, streams."""

from __future__ import annotations

import asyncio
import json
import time
import unittest
from typing import Any, AsyncIterator, Dict, Iterator, List, Optional, Type

from snakepit_worker import CallContext, current_call
from snakepit_worker._proto import snakepit_pb2
from snakepit_worker.adapter import CommandRegistry
from snakepit_worker.errors import qualified_type_name
from snakepit_worker.execution import Invoker
from snakepit_worker.stats import CallCounter

from .helpers import make_module

closed: List[str] = []


def echo(*args: Any, **kwargs: Any) -> Dict[str, Any]:
    return {"args": list(args), "kwargs": kwargs}


def fail(message: str) -> None:
    raise ValueError(message)


def leave() -> None:
    raise SystemExit(3)


def make_set() -> Any:
    return {1}


def blob(data: bytes) -> bytes:
    return data[::-1]


async def async_add(a: int, b: int) -> int:
    await asyncio.sleep(0)
    return a + b


def napping(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def whoami() -> Dict[str, Any]:
    call = current_call()
    return {"command": call.command, "metadata": dict(call.metadata), "timeout": call.timeout_ms}


def cancelled_after(seconds: float) -> bool:
    time.sleep(seconds)
    return current_call().cancelled


def count(n: int) -> Iterator[int]:
    try:
        yield from range(n)
    finally:
        closed.append("count")


async def acount(n: int) -> AsyncIterator[int]:
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        closed.append("acount")


def listing() -> List[str]:
    return ["a", "b"]


def broken_stream(n: int) -> Iterator[int]:
    yield from range(n)
    raise RuntimeError("stream broke")


def odd_items() -> Iterator[Any]:
    yield 1
    yield object()


def not_a_stream() -> int:
    return 5


def mapping() -> Dict[str, int]:
    return {"a": 1}


# Exceptions that are not ``Exception``s: before issue 20 they escaped the invoker and
# the call was never answered.
BASE_EXCEPTIONS: Dict[str, Type[BaseException]] = {
    "KeyboardInterrupt": KeyboardInterrupt,
    "GeneratorExit": GeneratorExit,
    "BaseException": BaseException,
    "CancelledError": asyncio.CancelledError,
}


def raise_base(kind: str) -> None:
    raise BASE_EXCEPTIONS[kind](f"{kind} from a handler")


async def async_raise_base(kind: str) -> None:
    await asyncio.sleep(0)
    raise BASE_EXCEPTIONS[kind](f"{kind} from a handler")


def stream_raise_base(kind: str) -> Iterator[int]:
    yield 0
    raise BASE_EXCEPTIONS[kind](f"{kind} from a handler")


async def async_stream_raise_base(kind: str) -> AsyncIterator[int]:
    await asyncio.sleep(0)
    yield 0
    raise BASE_EXCEPTIONS[kind](f"{kind} from a handler")


def cleanup_raises_base() -> Iterator[int]:
    try:
        yield 0
    finally:
        raise KeyboardInterrupt("from the generator's cleanup")


HANDLERS = {
    name: handler
    for name, handler in dict(globals()).items()
    if callable(handler) and getattr(handler, "__module__", None) == __name__
}


def request(command: str, payload: Any = None, **fields: Any) -> snakepit_pb2.ExecuteRequest:
    data = b"" if payload is None else json.dumps(payload).encode()
    return snakepit_pb2.ExecuteRequest(command=command, payload=data, **fields)


class InvokerTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.counter = CallCounter()
        registry = CommandRegistry.from_module(make_module("handlers", COMMANDS=HANDLERS))
        self.invoker = Invoker(registry, self.counter)
        closed.clear()

    def execute(
        self, req: snakepit_pb2.ExecuteRequest, active: bool = True
    ) -> snakepit_pb2.ExecuteResponse:
        return self.invoker.execute(req, lambda: active)

    def result(self, req: snakepit_pb2.ExecuteRequest) -> Any:
        response = self.execute(req)
        self.assertEqual(response.WhichOneof("outcome"), "result", response.error.traceback)
        return json.loads(response.result.data)


class ExecuteTest(InvokerTestCase):
    def test_applies_the_calling_convention(self) -> None:
        self.assertEqual(self.result(request("echo", {"a": 1})), {"args": [], "kwargs": {"a": 1}})
        self.assertEqual(self.result(request("echo", [1, 2])), {"args": [1, 2], "kwargs": {}})
        self.assertEqual(self.result(request("echo", "x")), {"args": ["x"], "kwargs": {}})
        self.assertEqual(self.result(request("echo")), {"args": [], "kwargs": {}})

    def test_returns_handler_exceptions_in_the_response_and_keeps_serving(self) -> None:
        response = self.execute(request("fail", ["went wrong"]))
        self.assertEqual(response.WhichOneof("outcome"), "error")
        self.assertEqual(response.error.type, "builtins.ValueError")
        self.assertEqual(response.error.message, "went wrong")
        self.assertIn("in fail", response.error.traceback)
        self.assertIn("ValueError: went wrong", response.error.traceback)
        self.assertEqual(self.result(request("echo", [1]))["args"], [1])

    def test_a_handler_calling_sys_exit_does_not_stop_the_worker(self) -> None:
        self.assertEqual(self.execute(request("leave")).error.type, "builtins.SystemExit")

    def test_answers_every_base_exception_a_handler_raises_and_keeps_serving(self) -> None:
        for command in ("raise_base", "async_raise_base"):
            for kind, cls in BASE_EXCEPTIONS.items():
                with self.subTest(command=command, kind=kind):
                    try:
                        response = self.execute(request(command, [kind]))
                    except BaseException as exc:  # before issue 20 the call went unanswered
                        self.fail(f"{exc!r} escaped the invoker")
                    self.assertEqual(response.WhichOneof("outcome"), "error")
                    self.assertEqual(response.error.type, qualified_type_name(cls()))
                    self.assertEqual(response.error.message, f"{kind} from a handler")
                    self.assertIn(f"{kind} from a handler", response.error.traceback)
                    self.assertIn(command, response.error.traceback)
                    self.assertEqual(self.result(request("async_add", [1, 2])), 3)
        self.assertEqual(self.counter.snapshot(), (0, 16))

    def test_wrong_arguments_are_reported_as_the_type_error_python_raises(self) -> None:
        response = self.execute(request("fail", {"nope": 1}))
        self.assertEqual(response.error.type, "builtins.TypeError")
        self.assertIn("nope", response.error.message)

    def test_an_unknown_command_lists_the_available_ones(self) -> None:
        response = self.execute(request("nothing"))
        self.assertEqual(response.error.type, "snakepit.UnknownCommand")
        self.assertIn("unknown command 'nothing'", response.error.message)
        self.assertIn("echo, fail", response.error.message)

    def test_an_undecodable_payload_is_a_serialization_error(self) -> None:
        response = self.execute(snakepit_pb2.ExecuteRequest(command="echo", payload=b"{oops"))
        self.assertEqual(response.error.type, "snakepit.SerializationError")

    def test_an_unserialisable_result_is_a_serialization_error_naming_the_type(self) -> None:
        response = self.execute(request("make_set"))
        self.assertEqual(response.error.type, "snakepit.SerializationError")
        self.assertIn("builtins.set", response.error.message)

    def test_binary_in_binary_out(self) -> None:
        req = snakepit_pb2.ExecuteRequest(
            command="blob", payload=b"\x01\x02", content_type="application/octet-stream"
        )
        response = self.execute(req)
        self.assertEqual(response.result.data, b"\x02\x01")
        self.assertEqual(response.result.content_type, "application/octet-stream")

    def test_runs_async_handlers(self) -> None:
        self.assertEqual(self.result(request("async_add", [2, 3])), 5)

    def test_measures_handler_time(self) -> None:
        response = self.execute(request("napping", [0.02]))
        self.assertGreaterEqual(response.handler_time_us, 20_000)

    def test_counts_calls(self) -> None:
        self.execute(request("echo"))
        self.execute(request("fail", ["x"]))
        self.execute(request("nothing"))
        self.assertEqual(self.counter.snapshot(), (0, 3))


class CallContextTest(InvokerTestCase):
    def test_exposes_the_call_to_the_handler(self) -> None:
        req = request("whoami", timeout_ms=250, metadata={"k": "v"})
        self.assertEqual(
            self.result(req), {"command": "whoami", "metadata": {"k": "v"}, "timeout": 250}
        )

    def test_reports_cancellation_by_the_caller(self) -> None:
        self.assertFalse(json.loads(self.execute(request("cancelled_after", [0])).result.data))
        response = self.execute(request("cancelled_after", [0]), active=False)
        self.assertTrue(json.loads(response.result.data))

    def test_reports_cancellation_when_the_timeout_passes(self) -> None:
        response = self.execute(request("cancelled_after", [0.05], timeout_ms=10))
        self.assertTrue(json.loads(response.result.data))

    def test_outside_a_call_the_context_is_idle(self) -> None:
        call = current_call()
        self.assertEqual(call.command, "")
        self.assertFalse(call.cancelled)
        self.assertIsNone(call.time_remaining())

    def test_time_remaining_counts_down(self) -> None:
        remaining: Optional[float] = CallContext("x", {}, timeout_ms=5000).time_remaining()
        assert remaining is not None
        self.assertTrue(4.0 < remaining <= 5.0)


class StreamTest(InvokerTestCase):
    def stream(
        self, req: snakepit_pb2.ExecuteRequest, active: Any = lambda: True
    ) -> List[snakepit_pb2.StreamChunk]:
        return list(self.invoker.stream(req, active))

    def values(self, chunks: List[snakepit_pb2.StreamChunk]) -> List[Any]:
        return [json.loads(chunk.data.data) for chunk in chunks if chunk.HasField("data")]

    def test_streams_a_generator_with_indices(self) -> None:
        chunks = self.stream(request("count", [3]))
        self.assertEqual(self.values(chunks), [0, 1, 2])
        self.assertEqual([chunk.index for chunk in chunks], [0, 1, 2])
        self.assertEqual(closed, ["count"])
        self.assertEqual(self.counter.snapshot(), (0, 1))

    def test_streams_an_async_generator(self) -> None:
        self.assertEqual(self.values(self.stream(request("acount", [3]))), [0, 1, 2])
        self.assertEqual(closed, ["acount"])

    def test_streams_a_returned_iterable(self) -> None:
        self.assertEqual(self.values(self.stream(request("listing"))), ["a", "b"])

    def test_ends_with_an_error_chunk_when_the_handler_raises(self) -> None:
        chunks = self.stream(request("broken_stream", [2]))
        self.assertEqual(self.values(chunks), [0, 1])
        self.assertEqual(chunks[-1].WhichOneof("body"), "error")
        self.assertEqual(chunks[-1].index, 2)
        self.assertEqual(chunks[-1].error.type, "builtins.RuntimeError")

    def test_an_unserialisable_item_ends_the_stream(self) -> None:
        chunks = self.stream(request("odd_items"))
        self.assertEqual(self.values(chunks), [1])
        self.assertEqual(chunks[-1].error.type, "snakepit.SerializationError")

    def test_rejects_results_that_are_not_streams(self) -> None:
        for command in ("not_a_stream", "mapping"):
            with self.subTest(command=command):
                (chunk,) = self.stream(request(command))
                self.assertEqual(chunk.error.type, "snakepit.StreamError")
                self.assertIn("must be a generator", chunk.error.message)

    def test_unknown_command_is_an_error_chunk(self) -> None:
        (chunk,) = self.stream(request("nothing"))
        self.assertEqual(chunk.error.type, "snakepit.UnknownCommand")

    def test_stops_and_closes_the_generator_once_the_caller_is_gone(self) -> None:
        for command in ("count", "acount"):
            with self.subTest(command=command):
                closed.clear()
                received: List[snakepit_pb2.StreamChunk] = []
                stream = self.invoker.stream(request(command, [100]), lambda: len(received) < 2)
                for chunk in stream:
                    received.append(chunk)
                self.assertEqual(self.values(received), [0, 1])
                self.assertEqual(closed, [command])

    def test_ends_with_an_error_chunk_for_every_base_exception(self) -> None:
        for command in ("stream_raise_base", "async_stream_raise_base"):
            for kind, cls in BASE_EXCEPTIONS.items():
                with self.subTest(command=command, kind=kind):
                    try:
                        chunks = self.stream(request(command, [kind]))
                    except BaseException as exc:  # before issue 20 the call went unanswered
                        self.fail(f"{exc!r} escaped the invoker")
                    self.assertEqual(self.values(chunks), [0])
                    self.assertEqual([chunk.index for chunk in chunks], [0, 1])
                    self.assertEqual(chunks[-1].error.type, qualified_type_name(cls()))
                    self.assertIn(f"{kind} from a handler", chunks[-1].error.traceback)
                    self.assertEqual(self.values(self.stream(request("count", [2]))), [0, 1])

    def test_a_base_exception_from_the_generators_cleanup_is_an_error_chunk(self) -> None:
        try:
            chunks = self.stream(request("cleanup_raises_base"))
        except BaseException as exc:  # before issue 20 the call went unanswered
            self.fail(f"{exc!r} escaped the invoker")
        self.assertEqual(self.values(chunks), [0])
        self.assertEqual(chunks[-1].error.type, "builtins.KeyboardInterrupt")
        self.assertEqual(chunks[-1].index, 1)

    def test_an_abandoned_async_stream_closes_the_generator(self) -> None:
        # The caller going away throws GeneratorExit in at the invoker's own yield:
        # that one must close the stream, not become an error chunk.
        stream = self.invoker.stream(request("acount", [100]), lambda: True)
        self.assertEqual(json.loads(next(stream).data.data), 0)
        stream.close()
        self.assertEqual(closed, ["acount"])

    def test_an_abandoned_stream_closes_the_generator(self) -> None:
        stream = self.invoker.stream(request("count", [100]), lambda: True)
        self.assertEqual(json.loads(next(stream).data.data), 0)
        stream.close()
        self.assertEqual(closed, ["count"])
        self.assertEqual(self.counter.snapshot(), (0, 1))


if __name__ == "__main__":
    unittest.main()
