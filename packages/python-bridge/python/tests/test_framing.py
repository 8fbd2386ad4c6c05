"""The control channel's wire format, split and merged in every way a socket may."""

from __future__ import annotations

import struct
import unittest

from snakepit_worker._proto import snakepit_pb2
from snakepit_worker.framing import (
    MAX_FRAME_BYTES,
    FrameDecoder,
    FrameParseError,
    FrameTooLargeError,
    encode_frame,
)


def ping(seq: int) -> snakepit_pb2.ControlFrame:
    return snakepit_pb2.ControlFrame(ping=snakepit_pb2.Ping(seq=seq, sent_unix_ms=1_700_000_000))


class EncodeTest(unittest.TestCase):
    def test_prefixes_the_body_with_its_big_endian_length(self) -> None:
        frame = ping(1)
        data = encode_frame(frame)
        self.assertEqual(struct.unpack(">I", data[:4])[0], len(data) - 4)
        self.assertEqual(snakepit_pb2.ControlFrame.FromString(data[4:]), frame)

    def test_round_trips_every_frame_kind(self) -> None:
        frames = [
            ping(2**63),
            snakepit_pb2.ControlFrame(busy=snakepit_pb2.Busy(until_unix_ms=5, reason="é")),
            snakepit_pb2.ControlFrame(shutdown=snakepit_pb2.Shutdown(deadline_ms=5000)),
            snakepit_pb2.ControlFrame(ready=snakepit_pb2.Ready(pid=4, commands=["a", "b"])),
            snakepit_pb2.ControlFrame(),
        ]
        decoded = FrameDecoder().feed(b"".join(encode_frame(frame) for frame in frames))
        self.assertEqual(decoded, frames)

    def test_refuses_to_encode_an_oversized_frame(self) -> None:
        log = snakepit_pb2.Log(message="x" * MAX_FRAME_BYTES)
        with self.assertRaisesRegex(FrameTooLargeError, "exceeds the limit"):
            encode_frame(snakepit_pb2.ControlFrame(log=log))


class DecoderTest(unittest.TestCase):
    def test_assembles_a_frame_fed_byte_by_byte(self) -> None:
        decoder = FrameDecoder()
        data = encode_frame(ping(42))
        for i, byte in enumerate(data[:-1]):
            self.assertEqual(decoder.feed(bytes([byte])), [])
            self.assertEqual(decoder.pending_bytes, i + 1)
        self.assertEqual(decoder.feed(data[-1:]), [ping(42)])
        self.assertEqual(decoder.pending_bytes, 0)

    def test_returns_several_frames_from_one_read_and_keeps_the_tail(self) -> None:
        decoder = FrameDecoder()
        third = encode_frame(ping(3))
        data = encode_frame(ping(1)) + encode_frame(ping(2)) + third[:5]
        self.assertEqual(decoder.feed(data), [ping(1), ping(2)])
        self.assertEqual(decoder.pending_bytes, 5)
        self.assertEqual(decoder.feed(third[5:]), [ping(3)])

    def test_decodes_an_empty_frame(self) -> None:
        self.assertEqual(FrameDecoder().feed(b"\x00\x00\x00\x00"), [snakepit_pb2.ControlFrame()])

    def test_rejects_an_oversized_header_before_its_body_arrives(self) -> None:
        decoder = FrameDecoder()
        with self.assertRaisesRegex(FrameTooLargeError, r"announces 1048577 bytes.*1048576"):
            decoder.feed(struct.pack(">I", MAX_FRAME_BYTES + 1))

    def test_accepts_a_frame_of_exactly_the_limit(self) -> None:
        body_size = MAX_FRAME_BYTES - 8
        frame = snakepit_pb2.ControlFrame(log=snakepit_pb2.Log(message="y" * body_size))
        size = frame.ByteSize()
        frame.log.message = "y" * (body_size + MAX_FRAME_BYTES - size)
        self.assertEqual(frame.ByteSize(), MAX_FRAME_BYTES)
        self.assertEqual(FrameDecoder().feed(encode_frame(frame)), [frame])

    def test_rejects_garbage_as_a_parse_error(self) -> None:
        garbage = b"\xff\xff\xff garbage"
        with self.assertRaisesRegex(FrameParseError, "not a valid ControlFrame"):
            FrameDecoder().feed(struct.pack(">I", len(garbage)) + garbage)


if __name__ == "__main__":
    unittest.main()
