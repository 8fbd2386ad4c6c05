"""The framed data plane's byte stream, read a ``recv`` at a time: frames and payload parts.

The stream (``proto/snakepit.proto``) is length-prefixed ``DataFrame``s and raw payload
parts: a part's length word has its top bit set, and is followed by its call id and its
bytes. ``FrameStream.pump`` does one ``recv`` and hands on everything that completes:
a whole frame's body to ``on_frame``; a part's bytes straight into the buffer that
``part_target`` names for its call (``recv_into`` that buffer once the part's header is
in: the payload is never copied through a staging buffer, beyond what arrived with the
header). Nothing blocks inside ``pump`` but its one ``recv``: with a non-blocking socket
it returns at once when nothing is there, which is what lets any thread of the data
plane read a connection whenever the kernel says it is readable (``DataPlaneThreads``).

Only one thread may pump a stream at a time.
"""

from __future__ import annotations

import socket
import struct
from typing import Callable, Optional

_WORD = struct.Struct(">I")
PART_FLAG = 0x8000_0000
"""Set in the length word of a raw payload part; never in a frame's length."""
CALL_ID_BYTES = 4
_SCRATCH_BYTES = 256 * 1024


class StreamError(Exception):
    """The stream broke the protocol; the connection cannot be trusted any more."""


OnFrame = Callable[[memoryview, int], None]
"""Called with a frame's body (valid only during the call) and its length."""

PartTarget = Callable[[int, int], Optional[memoryview]]
"""Called with a part's call id and size: where its bytes go, or None to skip them."""

PartDone = Callable[[int, int], None]
"""Called with a part's call id and size once its bytes are in the target."""


class FrameStream:
    """Splits one connection's byte stream into frames and payload parts."""

    def __init__(
        self,
        sock: socket.socket,
        max_frame_bytes: int,
        on_frame: OnFrame,
        part_target: PartTarget,
        part_done: PartDone,
        recv_flags: int = 0,
    ) -> None:
        """``recv_flags``: e.g. ``MSG_DONTWAIT``, so that a blocking socket's read does not
        block (the data plane's threads write answers to it with ``sendall``)."""
        self._sock = sock
        self._recv_flags = recv_flags
        self._max_frame_bytes = max_frame_bytes
        self._on_frame = on_frame
        self._part_target = part_target
        self._part_done = part_done
        self._scratch = bytearray(_SCRATCH_BYTES)
        self._view = memoryview(self._scratch)
        self._start = 0
        """First byte in the scratch buffer not handed on yet."""
        self._end = 0
        """End of the bytes received into the scratch buffer."""
        self._part_call_id = 0
        self._part_size = 0
        self._part_view: Optional[memoryview] = None
        """Where the rest of the current part goes (None: skip it); empty slice: none."""
        self._part_left = 0

    def pump(self) -> bool:
        """One ``recv`` and everything it completes; False at end of stream.

        Raises:
            StreamError: the stream broke the protocol (an oversized frame or part).
            BlockingIOError: a non-blocking socket had nothing to read.
            OSError: the connection failed.
        """
        if self._part_left > 0 and self._start == self._end:
            return self._receive_part()
        if self._end == len(self._scratch):
            self._compact()
        received = self._sock.recv_into(self._view[self._end :], 0, self._recv_flags)
        if received == 0:
            return False
        self._end += received
        self._drain()
        return True

    def _receive_part(self) -> bool:
        """Receive the rest of the current part: straight into its target when it has one."""
        if self._part_view is None:
            size = min(self._part_left, len(self._scratch))
            received = self._sock.recv_into(self._view[:size], 0, self._recv_flags)  # skipped
        else:
            done = self._part_size - self._part_left
            received = self._sock.recv_into(self._part_view[done:], 0, self._recv_flags)
        if received == 0:
            return False
        self._part_left -= received
        if self._part_left == 0:
            self._end_part()
        return True

    def _drain(self) -> None:
        """Hand on every complete frame and part byte in the scratch buffer."""
        while True:
            if self._part_left > 0:
                self._copy_part_bytes()
                if self._part_left > 0:
                    return  # the rest of the part is read straight into its target
                continue
            available = self._end - self._start
            if available < _WORD.size:
                break
            (word,) = _WORD.unpack_from(self._scratch, self._start)
            if word & PART_FLAG:
                if available < _WORD.size + CALL_ID_BYTES:
                    break
                self._begin_part(word & ~PART_FLAG)
                continue
            if word > self._max_frame_bytes:
                raise StreamError(
                    f"frame of {word} bytes is over the limit of {self._max_frame_bytes} bytes"
                )
            if available < _WORD.size + word:
                if _WORD.size + word > len(self._scratch):
                    self._grow(_WORD.size + word)
                break
            body_start = self._start + _WORD.size
            self._start = body_start + word
            self._on_frame(self._view[body_start : self._start], word)
        if self._start == self._end:
            self._start = self._end = 0

    def _begin_part(self, length: int) -> None:
        if length < CALL_ID_BYTES or length > self._max_frame_bytes:
            raise StreamError(f"payload part of {length} bytes is out of bounds")
        (call_id,) = _WORD.unpack_from(self._scratch, self._start + _WORD.size)
        self._start += _WORD.size + CALL_ID_BYTES
        self._part_call_id = call_id
        self._part_size = self._part_left = length - CALL_ID_BYTES
        self._part_view = self._part_target(call_id, self._part_size)
        if self._part_view is not None and len(self._part_view) != self._part_size:
            raise StreamError(f"payload part of call {call_id} exceeds its declared size")
        if self._part_size == 0:
            self._end_part()

    def _copy_part_bytes(self) -> None:
        """The part's bytes that arrived with its header: copied (or skipped) from scratch."""
        count = min(self._part_left, self._end - self._start)
        if count == 0:
            return
        if self._part_view is not None:
            done = self._part_size - self._part_left
            self._part_view[done : done + count] = self._view[self._start : self._start + count]
        self._start += count
        self._part_left -= count
        if self._part_left == 0:
            self._end_part()
        elif self._start == self._end:
            self._start = self._end = 0

    def _end_part(self) -> None:
        call_id, size, target = self._part_call_id, self._part_size, self._part_view
        self._part_view = None
        if target is not None:
            target.release()
            self._part_done(call_id, size)

    def _compact(self) -> None:
        """Move the unread bytes to the front of the scratch buffer."""
        unread = self._end - self._start
        self._view[:unread] = self._view[self._start : self._end]
        self._start, self._end = 0, unread

    def _grow(self, size: int) -> None:
        """A frame larger than the scratch buffer: a buffer that holds it (frames are bounded)."""
        self._compact()
        self._view.release()
        grown = bytearray(size)
        grown[: self._end] = self._scratch[: self._end]
        self._scratch = grown
        self._view = memoryview(self._scratch)
