"""``FrameStream``: frames and payload parts out of a byte stream split anywhere."""

from __future__ import annotations

import random
import socket
import struct
import threading
import unittest
from typing import Dict, List, Optional, Tuple

from snakepit_worker.frame_stream import PART_FLAG, FrameStream, StreamError

_WORD = struct.Struct(">I")


def frame(body: bytes) -> bytes:
    return _WORD.pack(len(body)) + body


def part(call_id: int, data: bytes) -> bytes:
    return _WORD.pack(PART_FLAG | (4 + len(data))) + _WORD.pack(call_id) + data


class Recorder:
    """Collects what a stream hands on; parts land in one buffer per call id."""

    def __init__(self, sizes: Dict[int, int]) -> None:
        self.frames: List[bytes] = []
        self.buffers = {call_id: bytearray(size) for call_id, size in sizes.items()}
        self.received = {call_id: 0 for call_id in sizes}
        self.parts: List[Tuple[int, int]] = []

    def on_frame(self, body: memoryview, length: int) -> None:
        assert len(body) == length
        self.frames.append(bytes(body))

    def part_target(self, call_id: int, size: int) -> Optional[memoryview]:
        if call_id not in self.buffers:
            return None
        start = self.received[call_id]
        return memoryview(self.buffers[call_id])[start : start + size]

    def part_done(self, call_id: int, size: int) -> None:
        self.received[call_id] += size
        self.parts.append((call_id, size))


class FrameStreamTest(unittest.TestCase):
    def setUp(self) -> None:
        self.ours, self.theirs = socket.socketpair()
        self.addCleanup(self.ours.close)
        self.addCleanup(self.theirs.close)

    def stream(self, recorder: Recorder, max_frame_bytes: int = 1 << 20) -> FrameStream:
        return FrameStream(
            self.ours, max_frame_bytes, recorder.on_frame, recorder.part_target, recorder.part_done
        )

    def feed(self, stream: FrameStream, data: bytes, rng: random.Random) -> None:
        """Send ``data`` in random pieces from another thread, then end; pump it all in."""

        def send() -> None:
            offset = 0
            while offset < len(data):
                size = rng.choice([1, 2, 3, 7, 64, 4096, 300_000])
                self.theirs.sendall(data[offset : offset + size])
                offset += size
            self.theirs.shutdown(socket.SHUT_WR)

        sender = threading.Thread(target=send)
        sender.start()
        while stream.pump():
            pass
        sender.join()

    def test_frames_and_parts_split_anywhere_arrive_whole_and_in_order(self) -> None:
        big = random.Random(1).randbytes(700_000)
        data = (
            frame(b"first")
            + part(7, big[:300_000])
            + frame(b"")
            + part(9, b"skipped")
            + part(7, big[300_000:])
            + frame(b"x" * 5000)
        )
        for seed in range(6):
            self.setUp()
            recorder = Recorder({7: len(big)})
            self.feed(self.stream(recorder), data, random.Random(seed))
            self.assertEqual(recorder.frames, [b"first", b"", b"x" * 5000], seed)
            self.assertEqual(bytes(recorder.buffers[7]), big, seed)
            self.assertEqual(recorder.parts, [(7, 300_000), (7, 400_000)], seed)

    def test_a_frame_larger_than_the_scratch_buffer_arrives_whole(self) -> None:
        body = b"y" * 600_000
        recorder = Recorder({})
        self.feed(self.stream(recorder), frame(body) + frame(b"after"), random.Random(3))
        self.assertEqual(recorder.frames, [body, b"after"])

    def test_end_of_stream_is_false_and_garbage_is_an_error(self) -> None:
        recorder = Recorder({})
        stream = self.stream(recorder, max_frame_bytes=100)
        self.theirs.sendall(frame(b"ok"))
        self.assertTrue(stream.pump())
        self.theirs.sendall(_WORD.pack(101))
        with self.assertRaisesRegex(StreamError, "101 bytes is over the limit of 100"):
            stream.pump()
        self.theirs.close()
        self.assertFalse(self.stream(Recorder({})).pump())

    def test_parts_beyond_the_declared_size_are_an_error(self) -> None:
        recorder = Recorder({5: 3})
        self.theirs.sendall(part(5, b"abcd"))
        with self.assertRaisesRegex(StreamError, "exceeds its declared size"):
            self.stream(recorder).pump()


if __name__ == "__main__":
    unittest.main()
