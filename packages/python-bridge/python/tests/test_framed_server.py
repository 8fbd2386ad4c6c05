"""The framed data plane: ``FramedServer`` in this process, and a framed worker process."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
import time
import unittest
from typing import Any, Dict, Iterator, List

import google.protobuf

from snakepit_worker import current_call
from snakepit_worker._proto import snakepit_pb2
from snakepit_worker.adapter import CommandRegistry
from snakepit_worker.execution import Invoker
from snakepit_worker.framed_server import INLINE_PAYLOAD_BYTES, PART_BYTES, FramedServer
from snakepit_worker.stats import CallCounter

from .helpers import TEST_ADAPTERS_DIR, FramedClient, WorkerProcess, make_module, wait_until

events: List[str] = []
release = threading.Event()


def echo(*args: Any, **kwargs: Any) -> Dict[str, Any]:
    return {"args": list(args), "kwargs": kwargs}


def context() -> Dict[str, Any]:
    call = current_call()
    return {"metadata": dict(call.metadata), "timeout_ms": call.timeout_ms}


def fail(message: str) -> None:
    raise ValueError(message)


def wait_for_cancel(limit_s: float) -> bool:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if current_call().cancelled:
            events.append("saw cancel")
            return True
        time.sleep(0.005)
    return False


def gate(name: str) -> str:
    events.append(f"start {name}")
    release.wait(5)
    return name


def endless() -> Iterator[int]:
    index = 0
    try:
        while True:
            yield index
            index += 1
            time.sleep(0.01)
    finally:
        events.append("stream closed")


def count(n: int) -> Iterator[int]:
    yield from range(n)


produced: List[int] = []


def counted(n: int) -> Iterator[int]:
    for index in range(n):
        produced.append(index)
        yield index


def big(size: int) -> str:
    return "x" * size


received: List[Any] = []


def describe(data: Any) -> Dict[str, Any]:
    received.append(data)
    return {
        "type": type(data).__name__,
        "bytes": len(data),
        "sha": hashlib.sha256(data).hexdigest(),
    }


def pattern(size: int) -> bytes:
    return bytes(range(256)) * (size // 256) + bytes(range(size % 256))


def blob_bytes(size: int) -> memoryview:
    return memoryview(bytearray(pattern(size)))


def blob_items(size: int, n: int) -> Iterator[bytes]:
    for index in range(n):
        yield bytes([index]) * size


HANDLERS = {
    "echo": echo,
    "context": context,
    "fail": fail,
    "wait_for_cancel": wait_for_cancel,
    "gate": gate,
    "endless": endless,
    "count": count,
    "counted": counted,
    "big": big,
    "describe": describe,
    "blob_bytes": blob_bytes,
    "blob_items": blob_items,
}


def large_execute(call_id: int, command: str, size: int) -> snakepit_pb2.DataFrame:
    """The frame of a call whose octet-stream payload of ``size`` bytes follows in parts."""
    request = snakepit_pb2.ExecuteRequest(command=command, content_type="application/octet-stream")
    return snakepit_pb2.DataFrame(call_id=call_id, execute=request, payload_bytes=size)


def execute(call_id: int, command: str, payload: Any = None, **fields: Any) -> Any:
    data = b"" if payload is None else json.dumps(payload).encode()
    request = snakepit_pb2.ExecuteRequest(command=command, payload=data, **fields)
    return snakepit_pb2.DataFrame(call_id=call_id, execute=request)


def stream(
    call_id: int, command: str, payload: Any = None, window: int = 0
) -> snakepit_pb2.DataFrame:
    data = b"" if payload is None else json.dumps(payload).encode()
    request = snakepit_pb2.ExecuteRequest(command=command, payload=data)
    return snakepit_pb2.DataFrame(call_id=call_id, stream=request, stream_window=window)


def credit(call_id: int, items: int) -> snakepit_pb2.DataFrame:
    return snakepit_pb2.DataFrame(call_id=call_id, credit=snakepit_pb2.StreamCredit(items=items))


def cancel(call_id: int) -> snakepit_pb2.DataFrame:
    return snakepit_pb2.DataFrame(call_id=call_id, cancel=snakepit_pb2.Cancel())


def value(frame: snakepit_pb2.DataFrame) -> Any:
    if frame.WhichOneof("body") == "response":
        return json.loads(frame.response.result.data)
    return json.loads(frame.chunk.data.data)


class FramedServerTest(unittest.TestCase):
    def setUp(self) -> None:
        events.clear()
        received.clear()
        produced.clear()
        release.clear()
        self.addCleanup(release.set)
        directory = tempfile.mkdtemp(prefix="spf-")
        self.addCleanup(shutil.rmtree, directory, True)
        self.socket_path = os.path.join(directory, "w1.sock")
        self.counter = CallCounter()
        self.server = self.start(max_concurrency=4)

    def start(self, max_concurrency: int, max_message_bytes: int = 1 << 20) -> FramedServer:
        registry = CommandRegistry.from_module(make_module("handlers", COMMANDS=HANDLERS))
        server = FramedServer(
            self.socket_path, Invoker(registry, self.counter), max_concurrency, max_message_bytes
        )
        server.start()
        self.addCleanup(server.stop, 0)
        return server

    def client(self) -> FramedClient:
        client = FramedClient(self.socket_path)
        self.addCleanup(client.close)
        return client

    def test_answers_calls_errors_and_streams_by_call_id(self) -> None:
        client = self.client()
        client.send(execute(1, "echo", {"a": 1}))
        answer = client.read()
        self.assertEqual((answer.call_id, value(answer)), (1, {"args": [], "kwargs": {"a": 1}}))
        client.send(execute(2, "fail", ["boom"]))
        failed = client.read().response.error
        self.assertEqual((failed.type, failed.message), ("builtins.ValueError", "boom"))
        client.send(execute(3, "no_such_command"))
        self.assertEqual(client.read().response.error.type, "snakepit.UnknownCommand")
        client.send(stream(4, "count", [3]))
        frames = [client.read() for _ in range(4)]
        self.assertEqual([f.call_id for f in frames], [4, 4, 4, 4])
        self.assertEqual([value(f) for f in frames[:3]], [0, 1, 2])
        self.assertEqual([f.chunk.index for f in frames[:3]], [0, 1, 2])
        self.assertEqual(frames[3].WhichOneof("body"), "end")
        self.assertEqual(self.counter.snapshot(), (0, 4))

    def test_concurrent_calls_answer_out_of_order_by_their_ids(self) -> None:
        client = self.client()
        client.send(execute(7, "gate", ["slow"]))
        self.assertTrue(wait_until(lambda: events == ["start slow"], 5))
        client.send(execute(8, "echo", [1]))
        first = client.read()
        self.assertEqual((first.call_id, value(first)), (8, {"args": [1], "kwargs": {}}))
        release.set()
        second = client.read()
        self.assertEqual((second.call_id, value(second)), (7, "slow"))

    def test_calls_beyond_max_concurrency_wait_in_the_queue(self) -> None:
        self.server.stop(0)
        self.start(max_concurrency=1)
        client = self.client()
        client.send(execute(1, "gate", ["a"]))
        client.send(execute(2, "gate", ["b"]))
        self.assertTrue(wait_until(lambda: events == ["start a"], 5))
        time.sleep(0.1)
        self.assertEqual(events, ["start a"])
        self.assertEqual(self.counter.snapshot()[0], 1)
        release.set()
        self.assertEqual(sorted(value(client.read()) for _ in range(2)), ["a", "b"])

    def test_trace_context_and_deadline_reach_the_handler(self) -> None:
        client = self.client()
        metadata = {"traceparent": "00-" + "a" * 32 + "-" + "b" * 16 + "-01", "k": "v"}
        client.send(execute(1, "context", metadata=metadata, timeout_ms=1500))
        self.assertEqual(value(client.read()), {"metadata": metadata, "timeout_ms": 1500})
        client.send(execute(2, "wait_for_cancel", [5], timeout_ms=100))
        self.assertEqual(value(client.read(timeout_s=3)), True)

    def test_cancel_tells_the_handler_and_drops_its_answer(self) -> None:
        client = self.client()
        client.send(execute(5, "wait_for_cancel", [5]))
        time.sleep(0.05)
        client.send(cancel(5))
        self.assertTrue(wait_until(lambda: events == ["saw cancel"], 5))
        client.send(execute(6, "echo"))
        self.assertEqual(client.read().call_id, 6)  # never an answer to call 5
        self.assertTrue(wait_until(lambda: self.counter.snapshot() == (0, 2), 5))

    def test_cancel_closes_a_stream_at_its_next_item(self) -> None:
        client = self.client()
        client.send(stream(9, "endless"))
        self.assertEqual(value(client.read()), 0)
        client.send(cancel(9))
        self.assertTrue(wait_until(lambda: "stream closed" in events, 5))
        self.assertTrue(wait_until(lambda: self.counter.snapshot() == (0, 1), 5))

    def test_a_stream_sends_no_more_than_its_window_until_credited(self) -> None:
        client = self.client()
        client.send(stream(4, "counted", [100], window=3))
        self.assertEqual([value(client.read()) for _ in range(3)], [0, 1, 2])
        with self.assertRaisesRegex(AssertionError, "no data frame"):
            client.read(timeout_s=0.3)
        # The handler's generator waits too: one item made ahead at most.
        self.assertLessEqual(len(produced), 4)
        client.send(credit(4, 2))
        self.assertEqual([value(client.read()) for _ in range(2)], [3, 4])
        with self.assertRaisesRegex(AssertionError, "no data frame"):
            client.read(timeout_s=0.3)
        client.send(cancel(4))  # a stream waiting for credit is given up at once
        self.assertTrue(wait_until(lambda: self.counter.snapshot() == (0, 1), 5))

    def test_a_stream_without_a_window_is_not_flow_controlled(self) -> None:
        client = self.client()
        client.send(stream(5, "counted", [50]))
        self.assertEqual([value(client.read()) for _ in range(50)], list(range(50)))
        self.assertEqual(client.read().WhichOneof("body"), "end")

    def test_a_lost_connection_cancels_its_calls(self) -> None:
        client = self.client()
        client.send(execute(1, "wait_for_cancel", [5]))
        client.send(stream(2, "endless"))
        client.read()
        client.close()
        self.assertTrue(wait_until(lambda: "saw cancel" in events, 5))
        self.assertTrue(wait_until(lambda: "stream closed" in events, 5))

    def test_an_answer_over_the_limit_is_a_payload_error_and_the_connection_lives(self) -> None:
        self.server.stop(0)
        self.start(max_concurrency=2, max_message_bytes=64 * 1024)
        client = self.client()
        client.send(execute(1, "big", [100_000]))
        error = client.read().error
        self.assertEqual(error.code, "PAYLOAD_TOO_LARGE")
        client.send(execute(2, "big", [10]))
        self.assertEqual(value(client.read()), "x" * 10)

    def test_garbage_closes_that_connection_only(self) -> None:
        bad = self.client()
        bad.send_raw(b"\xff\xff\xff not a frame")
        self.assertEqual(bad.read().error.code, "PROTOCOL_ERROR")
        self.assertTrue(bad.is_closed_by_peer())
        oversized = self.client()
        oversized.sock.sendall((2 << 20).to_bytes(4, "big"))
        self.assertEqual(oversized.read().error.code, "PROTOCOL_ERROR")
        good = self.client()
        good.send(execute(1, "echo"))
        self.assertEqual(good.read().call_id, 1)

    def test_a_payload_in_parts_reaches_the_handler_in_its_receive_buffer(self) -> None:
        self.server.stop(0)
        self.start(max_concurrency=2, max_message_bytes=8 << 20)
        client = self.client()
        data = pattern(3 * 1024 * 1024 + 5)
        client.send(large_execute(1, "describe", len(data)))
        client.send_part(1, data[:1000])
        client.send(execute(2, "echo", [1]))  # between parts: served at once
        self.assertEqual(value(client.read()), {"args": [1], "kwargs": {}})
        client.send_part(1, data[1000 : 1 << 20])
        client.send_part(1, data[1 << 20 :])
        answer = client.read()
        self.assertEqual(answer.call_id, 1)
        expected = {"type": "bytearray", "bytes": len(data)}
        self.assertEqual(value(answer), {**expected, "sha": hashlib.sha256(data).hexdigest()})
        self.assertEqual(received[0], data)

    def test_a_large_result_goes_out_in_bounded_parts_after_its_frame(self) -> None:
        self.server.stop(0)
        self.start(max_concurrency=2, max_message_bytes=8 << 20)
        client = self.client()
        size = 2 * 1024 * 1024 + 7
        client.send(execute(1, "blob_bytes", [size]))
        head = client.read()
        self.assertEqual((head.call_id, head.payload_bytes), (1, size))
        self.assertEqual(head.response.result.content_type, "application/octet-stream")
        self.assertEqual(head.response.result.data, b"")
        parts = [client.read_any() for _ in range(-(-size // PART_BYTES))]
        self.assertTrue(all(call_id == 1 and len(part) <= PART_BYTES for call_id, part in parts))
        self.assertEqual(b"".join(part for _, part in parts), pattern(size))
        client.send(stream(2, "blob_items", [INLINE_PAYLOAD_BYTES + 1, 2]))
        for index in range(2):
            chunk = client.read()
            self.assertEqual(
                (chunk.chunk.index, chunk.payload_bytes), (index, INLINE_PAYLOAD_BYTES + 1)
            )
            data = b""
            while len(data) < chunk.payload_bytes:
                data += client.read_any()[1]
            self.assertEqual(data, bytes([index]) * (INLINE_PAYLOAD_BYTES + 1))
        self.assertEqual(client.read().WhichOneof("body"), "end")

    def test_a_request_over_the_limit_is_refused_and_its_parts_skipped(self) -> None:
        client = self.client()  # the limit is 1 MiB here
        client.send(large_execute(1, "describe", 2 << 20))
        refused = client.read()
        self.assertEqual((refused.call_id, refused.error.code), (1, "PAYLOAD_TOO_LARGE"))
        client.send_part(1, bytes(PART_BYTES))
        client.send(execute(2, "echo", [2]))
        self.assertEqual(value(client.read()), {"args": [2], "kwargs": {}})
        self.assertEqual(received, [])

    def test_a_cancel_while_the_payload_arrives_drops_the_call(self) -> None:
        self.server.stop(0)
        self.start(max_concurrency=2, max_message_bytes=8 << 20)
        client = self.client()
        client.send(large_execute(1, "describe", 2 << 20))
        client.send_part(1, bytes(1000))
        client.send(cancel(1))
        client.send_part(1, bytes(2 << 20))  # late: skipped, not an overflow
        client.send(execute(2, "echo", [3]))
        self.assertEqual(value(client.read()), {"args": [3], "kwargs": {}})
        self.assertEqual(received, [])

    def test_parts_beyond_the_declared_size_close_the_connection(self) -> None:
        self.server.stop(0)
        self.start(max_concurrency=2, max_message_bytes=8 << 20)
        client = self.client()
        client.send(large_execute(1, "describe", 2 << 20))
        client.send_part(1, bytes((2 << 20) - 1))
        client.send_part(1, bytes(2))
        self.assertEqual(client.read().error.code, "PROTOCOL_ERROR")
        self.assertTrue(client.is_closed_by_peer())
        self.assertEqual(received, [])

    def test_stop_drains_calls_in_flight_and_refuses_new_ones(self) -> None:
        client = self.client()
        client.send(execute(1, "gate", ["last"]))
        self.assertTrue(wait_until(lambda: events == ["start last"], 5))
        threading.Timer(0.2, release.set).start()
        started = time.monotonic()
        stopping = threading.Thread(target=self.server.stop, args=(5,))
        stopping.start()
        self.assertTrue(wait_until(lambda: not os.path.exists(self.socket_path), 5))
        client.send(execute(2, "echo"))
        refused = client.read()
        self.assertEqual((refused.call_id, refused.error.code), (2, "WORKER_STOPPING"))
        stopping.join(5)
        self.assertLess(time.monotonic() - started, 3)
        self.assertEqual(value(client.read()), "last")


class FramedWorkerProcessTest(unittest.TestCase):
    def test_serves_without_importing_grpc_and_shuts_down_cleanly(self) -> None:
        worker = WorkerProcess(
            self, adapter="module_probe_adapter", extra_path=TEST_ADAPTERS_DIR, transport="framed"
        )
        ready = worker.read_ready()
        self.assertEqual(ready.data_address, worker.socket_path)
        self.assertEqual((ready.grpc_address, ready.grpc_version), ("", ""))
        self.assertEqual(ready.protobuf_version, google.protobuf.__version__)
        client = worker.framed()
        self.addCleanup(client.close)
        client.send(execute(1, "is_loaded", ["grpc"]))
        self.assertIs(value(client.read()), False)
        client.send(execute(2, "is_loaded", ["snakepit_worker.framed_server"]))
        self.assertIs(value(client.read()), True)
        worker.send(snakepit_pb2.ControlFrame(shutdown=snakepit_pb2.Shutdown(deadline_ms=5000)))
        self.assertEqual(worker.wait(5), 0)
        self.assertFalse(os.path.exists(worker.socket_path))

    def test_drains_on_shutdown_and_answers_pings_while_busy(self) -> None:
        worker = WorkerProcess(self, transport="framed", max_concurrency=1)
        worker.read_ready()
        client = worker.framed()
        self.addCleanup(client.close)
        client.send(execute(1, "cpu", [800]))
        self.assertTrue(wait_until(lambda: self.in_flight(worker) == 1, 5))
        for seq in range(1, 3):
            worker.send(snakepit_pb2.ControlFrame(ping=snakepit_pb2.Ping(seq=seq)))
            pong = worker.read_frame(timeout_s=1.0).pong
            self.assertEqual(pong.seq, seq)
            self.assertEqual(pong.stats.in_flight, 1)
        worker.send(snakepit_pb2.ControlFrame(shutdown=snakepit_pb2.Shutdown(deadline_ms=5000)))
        self.assertEqual(value(client.read()), 800)
        self.assertEqual(worker.wait(5), 0)

    def in_flight(self, worker: WorkerProcess) -> int:
        worker.send(snakepit_pb2.ControlFrame(ping=snakepit_pb2.Ping(seq=0)))
        in_flight: int = worker.read_frame().pong.stats.in_flight
        return in_flight

    def test_sigterm_exits_zero_promptly_without_waiting_for_handlers(self) -> None:
        worker = WorkerProcess(self, transport="framed")
        worker.read_ready()
        client = worker.framed()
        self.addCleanup(client.close)
        client.send(execute(1, "sleep", [30]))
        time.sleep(0.2)
        os.kill(worker.pid, signal.SIGTERM)
        self.assertEqual(worker.wait(3), 0)
        self.assertTrue(client.is_closed_by_peer())


if __name__ == "__main__":
    unittest.main()
