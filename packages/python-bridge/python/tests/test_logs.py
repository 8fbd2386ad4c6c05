"""Log records and call output reach the owner as ``Log`` frames tagged with the trace
of the call that wrote them (``logs.py``)."""

from __future__ import annotations

import io
import logging
import threading
import unittest
from typing import List

from snakepit_worker._proto import snakepit_pb2
from snakepit_worker.context import CallContext, call_scope
from snakepit_worker.logs import CallOutput, LogFrameHandler, log_level

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def traced_call() -> CallContext:
    return CallContext("cmd", {"traceparent": TRACEPARENT})


class LogFrameHandlerTest(unittest.TestCase):
    def setUp(self) -> None:
        self.frames: List[snakepit_pb2.ControlFrame] = []
        self.logger = logging.getLogger("snakepit.test.logs")
        self.logger.propagate = False
        self.logger.setLevel(logging.DEBUG)
        self.handler = LogFrameHandler(self.frames.append)
        self.logger.addHandler(self.handler)

    def tearDown(self) -> None:
        self.logger.removeHandler(self.handler)

    def test_sends_level_logger_message_and_the_current_calls_trace(self) -> None:
        self.logger.info("outside")
        with call_scope(traced_call()):
            try:
                raise ValueError("bad")
            except ValueError:
                self.logger.exception("inside %s", "a call")
        outside, inside = (frame.log for frame in self.frames)
        self.assertEqual(
            (outside.level, outside.logger, outside.message, outside.traceparent),
            (snakepit_pb2.Log.INFO, "snakepit.test.logs", "outside", ""),
        )
        self.assertEqual(inside.level, snakepit_pb2.Log.ERROR)
        self.assertEqual(inside.traceparent, TRACEPARENT)
        self.assertTrue(inside.message.startswith("inside a call\nTraceback"))
        self.assertIn("ValueError: bad", inside.message)

    def test_maps_levels_rounding_custom_ones_down(self) -> None:
        self.assertEqual(log_level(logging.CRITICAL), snakepit_pb2.Log.CRITICAL)
        self.assertEqual(log_level(logging.WARNING + 5), snakepit_pb2.Log.WARNING)
        self.assertEqual(log_level(5), snakepit_pb2.Log.DEBUG)


class CallOutputTest(unittest.TestCase):
    def setUp(self) -> None:
        self.frames: List[snakepit_pb2.ControlFrame] = []
        self.real = io.StringIO()
        self.out = CallOutput(self.real, "stdout", self.frames.append)

    def test_sends_lines_of_a_traced_call_and_passes_other_writes_through(self) -> None:
        print("before", file=self.out)
        with call_scope(traced_call()):
            print("one", "two", file=self.out)
            self.out.write("no line end")
        with call_scope(CallContext("untraced", {})):
            print("untraced call", file=self.out)
        self.assertEqual(self.real.getvalue(), "before\nuntraced call\n")
        self.assertEqual(
            [(f.log.logger, f.log.message, f.log.traceparent) for f in self.frames],
            [("stdout", "one two", TRACEPARENT), ("stdout", "no line end", TRACEPARENT)],
        )

    def test_keeps_each_threads_lines_apart(self) -> None:
        barrier = threading.Barrier(2)

        def serve(name: str) -> None:
            with call_scope(traced_call()):
                self.out.write(f"{name}-a ")
                barrier.wait()
                self.out.write(f"{name}-b\n")

        threads = [threading.Thread(target=serve, args=(n,)) for n in ("x", "y")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(f.log.message for f in self.frames), ["x-a x-b", "y-a y-b"])

    def test_delegates_other_attributes_to_the_real_stream(self) -> None:
        self.out.write("x")
        self.assertEqual(self.out.getvalue(), "x")


if __name__ == "__main__":
    unittest.main()
