"""The control channel over a real socketpair: frames, loss detection, ping, busy."""

from __future__ import annotations

import socket
import struct
import threading
import time
import unittest
from typing import List
from unittest import mock

from snakepit_worker import busy
from snakepit_worker._proto import snakepit_pb2
from snakepit_worker.context import set_busy_sink
from snakepit_worker.control import ControlChannel
from snakepit_worker.framing import encode_frame
from snakepit_worker.lifecycle import Lifecycle
from snakepit_worker.stats import CallCounter

from .helpers import FrameReader


def ping(seq: int) -> snakepit_pb2.ControlFrame:
    return snakepit_pb2.ControlFrame(ping=snakepit_pb2.Ping(seq=seq))


class ChannelTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.owner, worker_end = socket.socketpair()
        # Cleanups run last-in first-out: the owner's end closes first, so that a
        # reader thread sees EOF and ends before its descriptor is closed.
        self.addCleanup(worker_end.close)
        self.addCleanup(self.owner.close)
        self.losses: List[str] = []
        self.lost = threading.Event()
        self.channel = ControlChannel(worker_end.fileno(), self.on_lost)
        self.frames = FrameReader(self.owner)

    def on_lost(self, reason: str) -> None:
        self.losses.append(reason)
        self.lost.set()


class ControlChannelTest(ChannelTestCase):
    def test_delivers_frames_in_order_however_they_are_split(self) -> None:
        received: List[snakepit_pb2.ControlFrame] = []
        done = threading.Event()

        def on_frame(frame: snakepit_pb2.ControlFrame) -> None:
            received.append(frame)
            if len(received) == 3:
                done.set()

        self.channel.start_reader(on_frame)
        data = b"".join(encode_frame(ping(seq)) for seq in (1, 2, 3))
        self.owner.sendall(data[:3])
        time.sleep(0.01)
        self.owner.sendall(data[3:])
        self.assertTrue(done.wait(2))
        self.assertEqual([frame.ping.seq for frame in received], [1, 2, 3])

    def test_sends_frames_from_many_threads_without_interleaving(self) -> None:
        def send_many(base: int) -> None:
            for i in range(50):
                self.channel.send(ping(base + i))

        threads = [threading.Thread(target=send_many, args=(base,)) for base in (0, 1000)]
        for thread in threads:
            thread.start()
        seqs = [self.frames.read().ping.seq for _ in range(100)]
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(seqs), list(range(50)) + list(range(1000, 1050)))

    def test_end_of_file_means_the_owner_is_gone(self) -> None:
        reader = self.channel.start_reader(lambda frame: None)
        self.owner.close()
        self.assertTrue(self.lost.wait(2))
        reader.join(2)
        self.assertEqual(self.losses, ["control channel closed by the owner"])

    def test_an_oversized_frame_is_a_protocol_error(self) -> None:
        self.channel.start_reader(lambda frame: None)
        self.owner.sendall(struct.pack(">I", 1 << 30))
        self.assertTrue(self.lost.wait(2))
        self.assertIn("protocol error", self.losses[0])
        self.assertIn("1073741824", self.losses[0])

    def test_an_unparsable_frame_is_a_protocol_error(self) -> None:
        self.channel.start_reader(lambda frame: None)
        self.owner.sendall(struct.pack(">I", 4) + b"\xff\xff\xff\xff")
        self.assertTrue(self.lost.wait(2))
        self.assertIn("not a valid ControlFrame", self.losses[0])

    def test_a_failed_write_is_reported_once_and_never_raises(self) -> None:
        self.owner.close()
        self.channel.send(ping(1))
        self.channel.send(ping(2))
        self.assertEqual(len(self.losses), 1)
        self.assertIn("write failed", self.losses[0])


class LifecycleTest(ChannelTestCase):
    def test_answers_a_ping_with_a_pong_carrying_stats(self) -> None:
        counter = CallCounter()
        lifecycle = Lifecycle(self.channel.send, counter, watchdog=None)
        self.channel.start_reader(lifecycle.handle_frame)
        with counter.track():
            self.owner.sendall(encode_frame(ping(7)))
            frame = self.frames.read()
        self.assertEqual(frame.WhichOneof("body"), "pong")
        self.assertEqual(frame.pong.seq, 7)
        self.assertGreater(frame.pong.stats.rss_bytes, 1024 * 1024)
        self.assertGreater(frame.pong.stats.cpu_time_us, 0)
        self.assertEqual(frame.pong.stats.in_flight, 1)

    def test_a_ping_feeds_the_watchdog(self) -> None:
        class Watchdog:
            fed = 0

            def feed(self) -> None:
                self.fed += 1

        watchdog = Watchdog()
        lifecycle = Lifecycle(lambda frame: None, CallCounter(), watchdog)  # type: ignore[arg-type]
        lifecycle.handle_frame(ping(1))
        lifecycle.handle_frame(ping(2))
        self.assertEqual(watchdog.fed, 2)

    def test_shutdown_wakes_the_main_thread_with_the_drain_time(self) -> None:
        lifecycle = Lifecycle(lambda frame: None, CallCounter(), watchdog=None)
        shutdown = snakepit_pb2.Shutdown(deadline_ms=2500)
        lifecycle.handle_frame(snakepit_pb2.ControlFrame(shutdown=shutdown))
        self.assertEqual(lifecycle.wait_for_shutdown(), 2.5)

    def test_a_shutdown_from_the_reader_thread_wakes_a_waiting_main_thread(self) -> None:
        lifecycle = Lifecycle(lambda frame: None, CallCounter(), watchdog=None)
        shutdown = snakepit_pb2.ControlFrame(shutdown=snakepit_pb2.Shutdown(deadline_ms=10))
        timer = threading.Timer(0.05, lifecycle.handle_frame, args=(shutdown,))
        timer.start()
        self.addCleanup(timer.cancel)
        self.assertEqual(lifecycle.wait_for_shutdown(), 0.01)

    def test_ignores_frames_only_a_worker_sends(self) -> None:
        sent: List[snakepit_pb2.ControlFrame] = []
        lifecycle = Lifecycle(sent.append, CallCounter(), watchdog=None)
        lifecycle.handle_frame(snakepit_pb2.ControlFrame(busy=snakepit_pb2.Busy(until_unix_ms=1)))
        lifecycle.handle_frame(snakepit_pb2.ControlFrame())
        self.assertEqual(sent, [])


class BusyTest(ChannelTestCase):
    def setUp(self) -> None:
        super().setUp()
        set_busy_sink(self.channel.send_busy)
        self.addCleanup(set_busy_sink, None)

    def read_busy(self) -> snakepit_pb2.Busy:
        frame = self.frames.read()
        self.assertEqual(frame.WhichOneof("body"), "busy")
        return frame.busy

    def assert_cleared(self, frame: snakepit_pb2.Busy) -> None:
        self.assertEqual((frame.duration_ms, frame.until_unix_ms, frame.reason), (0, 0, ""))

    def assert_duration(self, frame: snakepit_pb2.Busy, expected_ms: int) -> None:
        # Never more than announced, and not much less: the test runs in milliseconds.
        self.assertLessEqual(frame.duration_ms, expected_ms)
        self.assertGreater(frame.duration_ms, expected_ms - 2_000)

    def test_announces_a_duration_and_clears_it_on_exit(self) -> None:
        before_ms = time.time() * 1000
        with busy(seconds=60, reason="training"):
            announced = self.read_busy()
        self.assertEqual(announced.reason, "training")
        self.assert_duration(announced, 60_000)
        # For display only: the worker's wall clock plus the duration.
        self.assertAlmostEqual(announced.until_unix_ms, before_ms + 60_000, delta=2_000)
        self.assert_cleared(self.read_busy())

    def test_clears_even_when_the_block_raises(self) -> None:
        with self.assertRaises(KeyError), busy(seconds=5):
            self.read_busy()
            raise KeyError("x")
        self.assert_cleared(self.read_busy())

    def test_an_inner_block_ending_keeps_the_outer_announcement(self) -> None:
        with busy(seconds=60, reason="outer"):
            outer = self.read_busy()
            self.assert_duration(outer, 60_000)
            with busy(seconds=1, reason="inner"):
                inner = self.read_busy()
                self.assertEqual(inner.reason, "outer")
                self.assert_duration(inner, outer.duration_ms)
            after = self.read_busy()
            self.assertEqual(after.reason, "outer")
            self.assert_duration(after, inner.duration_ms)
        self.assert_cleared(self.read_busy())

    def test_a_wall_clock_step_in_the_worker_does_not_change_the_announcement(self) -> None:
        # Issue 20: the owner used to compare `until_unix_ms` with its own wall clock,
        # so a worker whose clock was an hour off announced an hour too much or too
        # little. The duration is measured on the monotonic clock.
        real_time = time.time
        for step_s in (3600.0, -3600.0):
            with self.subTest(step_s=step_s):
                with mock.patch("time.time", lambda: real_time() + step_s):
                    with busy(seconds=60, reason="stepped"):
                        self.assert_duration(self.read_busy(), 60_000)
                self.assert_cleared(self.read_busy())

    def test_a_wall_clock_step_during_the_block_does_not_change_the_re_announcement(
        self,
    ) -> None:
        real_time = time.time
        with busy(seconds=60, reason="outer"):
            outer = self.read_busy()
            self.assert_duration(outer, 60_000)
            with mock.patch("time.time", lambda: real_time() - 3600):
                with busy(seconds=1, reason="inner"):
                    self.assert_duration(self.read_busy(), outer.duration_ms)
                self.assert_duration(self.read_busy(), outer.duration_ms)
        self.assert_cleared(self.read_busy())

    def test_rejects_a_non_positive_duration(self) -> None:
        with self.assertRaises(ValueError), busy(seconds=0):
            pass

    def test_does_nothing_without_a_worker(self) -> None:
        set_busy_sink(None)
        with busy(seconds=1):
            pass
        self.owner.setblocking(False)
        with self.assertRaises(BlockingIOError):
            self.owner.recv(1)


if __name__ == "__main__":
    unittest.main()
