"""The control channel's wire format: length-prefixed ``ControlFrame`` messages.

Each frame is a 4-byte big-endian unsigned length followed by that many bytes of one
encoded ``snakepit.v1.ControlFrame``. Kept free of I/O so that the decoder can be
tested with any split of the byte stream.
"""

from __future__ import annotations

import struct
from typing import List

from ._proto import snakepit_pb2

MAX_FRAME_BYTES = 1 << 20
"""Largest frame body either side may send (1 MiB); larger is a protocol error."""

_HEADER = struct.Struct(">I")


class FrameError(Exception):
    """The byte stream violates the framing protocol; the channel is unusable."""


class FrameTooLargeError(FrameError):
    """A frame header announced a body larger than ``MAX_FRAME_BYTES``."""


class FrameParseError(FrameError):
    """A frame body is not a valid ``ControlFrame``."""


def encode_frame(frame: snakepit_pb2.ControlFrame) -> bytes:
    """Serialise one frame with its length prefix.

    Raises:
        FrameTooLargeError: if the encoded frame exceeds ``MAX_FRAME_BYTES``.
    """
    body: bytes = frame.SerializeToString()
    if len(body) > MAX_FRAME_BYTES:
        raise FrameTooLargeError(
            f"control frame of {len(body)} bytes exceeds the limit of {MAX_FRAME_BYTES} bytes"
        )
    return _HEADER.pack(len(body)) + body


class FrameDecoder:
    """Turns an arbitrarily split byte stream back into frames.

    After it raises a ``FrameError`` the stream has lost its framing: discard the
    decoder and the channel.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> List[snakepit_pb2.ControlFrame]:
        """Add received bytes; return the frames they complete, in order.

        Raises:
            FrameTooLargeError: as soon as a header announces an oversized body.
            FrameParseError: when a complete body fails to parse.
        """
        self._buffer += data
        frames: List[snakepit_pb2.ControlFrame] = []
        offset = 0
        while len(self._buffer) - offset >= _HEADER.size:
            (length,) = _HEADER.unpack_from(self._buffer, offset)
            if length > MAX_FRAME_BYTES:
                raise FrameTooLargeError(
                    f"control frame header announces {length} bytes, "
                    f"more than the limit of {MAX_FRAME_BYTES} bytes"
                )
            end = offset + _HEADER.size + length
            if len(self._buffer) < end:
                break
            frames.append(_parse(bytes(self._buffer[offset + _HEADER.size : end])))
            offset = end
        del self._buffer[:offset]
        return frames

    @property
    def pending_bytes(self) -> int:
        """Bytes received that do not yet form a complete frame."""
        return len(self._buffer)


def _parse(body: bytes) -> snakepit_pb2.ControlFrame:
    frame = snakepit_pb2.ControlFrame()
    try:
        frame.ParseFromString(body)
    except Exception as exc:  # DecodeError, or another error from the C++/upb backends
        raise FrameParseError(
            f"control frame of {len(body)} bytes is not a valid ControlFrame: {exc}"
        ) from exc
    return frame
