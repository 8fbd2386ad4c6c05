"""Shared test helpers: synthetic adapter modules and a real worker process."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import types
import unittest
import uuid
from collections import deque
from typing import Any, Deque, Dict, List, Optional, Sequence

import grpc

import snakepit_worker
from snakepit_worker._proto import snakepit_pb2, snakepit_pb2_grpc
from snakepit_worker.framing import FrameDecoder, encode_frame

PYTHON_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(snakepit_worker.__file__)))
DEMO_ADAPTER = "snakepit_worker.demo_adapter"
TEST_ADAPTERS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "adapters")
WORKER_ENTRY = ("-m", "snakepit_worker")
GUARDIAN_NAME = "snakepit-guard"


def make_module(name: str, **attributes: Any) -> types.ModuleType:
    """A module object with the given attributes, never entered in sys.modules."""
    module = types.ModuleType(name)
    for key, value in attributes.items():
        setattr(module, key, value)
    return module


class FrameReader:
    """Reads whole control frames from a socket, with a timeout."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._decoder = FrameDecoder()
        self._frames: Deque[snakepit_pb2.ControlFrame] = deque()

    def read(self, timeout_s: float = 5.0) -> snakepit_pb2.ControlFrame:
        deadline = time.monotonic() + timeout_s
        while not self._frames:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no control frame within {timeout_s} s")
            self._sock.settimeout(remaining)
            try:
                data = self._sock.recv(65536)
            except socket.timeout:
                continue
            if not data:
                raise EOFError("control channel closed by the worker")
            self._frames.extend(self._decoder.feed(data))
        return self._frames.popleft()


def process_gone(pid: int) -> bool:
    """True once ``pid`` no longer runs (absent, or a zombie waiting to be reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def proc_stat(pid: int) -> Optional[List[str]]:
    """``/proc/PID/stat`` split after the command name: [state, ppid, pgrp, ...]."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def is_guardian(pid: int) -> bool:
    """Whether ``pid`` is a guardian: a shell naming itself in its arguments, or a
    Python one named by ``comm``."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            argv = cmdline.read().split(b"\0")
        with open(f"/proc/{pid}/comm", "rb") as comm:
            name = comm.read().strip()
    except OSError:
        return False
    return name == GUARDIAN_NAME.encode() or GUARDIAN_NAME.encode() in argv


def live_processes(ppid: Optional[int] = None, pgid: Optional[int] = None) -> List[int]:
    """Pids that are not zombies, with this parent and/or in this process group."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        fields = proc_stat(int(name))
        if fields is None or fields[0] == "Z":
            continue
        if (ppid is None or int(fields[1]) == ppid) and (pgid is None or int(fields[2]) == pgid):
            found.append(int(name))
    return found


def guardians_of(worker_pid: int) -> List[int]:
    """The guardian processes the worker forked (at most one is expected)."""
    return [pid for pid in live_processes(ppid=worker_pid) if is_guardian(pid)]


def kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except OSError:
        pass


def wait_until(predicate: Any, timeout_s: float, interval_s: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval_s)
    return bool(predicate())


class WorkerProcess:
    """``python -m snakepit_worker`` on a control socketpair, killed when the test ends.

    The worker leads its own process group, as when the owner spawns it detached; the
    cleanup kills the whole group, grandchildren included. ``entry`` replaces
    ``-m snakepit_worker`` (e.g. ``-c`` code that patches the package, then runs it).
    """

    def __init__(
        self,
        test: unittest.TestCase,
        adapter: str = DEMO_ADAPTER,
        env: Optional[Dict[str, str]] = None,
        extra_path: Optional[str] = None,
        socket_path: Optional[str] = None,
        max_concurrency: int = 2,
        entry: Sequence[str] = WORKER_ENTRY,
        transport: str = "grpc",
    ) -> None:
        self.run_id = f"test-{uuid.uuid4().hex[:8]}"
        self.socket_dir = tempfile.mkdtemp(prefix="spw-")
        os.chmod(self.socket_dir, 0o700)
        test.addCleanup(shutil.rmtree, self.socket_dir, True)
        self.socket_path = socket_path or os.path.join(self.socket_dir, "w1.sock")
        self.control, child_end = socket.socketpair()
        self.frames = FrameReader(self.control)
        self.output = tempfile.TemporaryFile()
        pythonpath = [PYTHON_ROOT] + ([extra_path] if extra_path else [])
        full_env = dict(
            os.environ,
            PYTHONPATH=os.pathsep.join(pythonpath),
            SNAKEPIT_RUN_ID=self.run_id,
            SNAKEPIT_OWNER_PID=str(os.getpid()),
            SNAKEPIT_WORKER_TOKEN=uuid.uuid4().hex,
            SNAKEPIT_WORKER_ID="w1",
        )
        full_env.update(env or {})
        argv = [
            sys.executable,
            *entry,
            "--snakepit-run-id",
            self.run_id,
            "--socket",
            self.socket_path,
            "--adapter",
            adapter,
            "--max-concurrency",
            str(max_concurrency),
            "--control-fd",
            str(child_end.fileno()),
            *(["--transport", transport] if transport != "grpc" else []),
        ]
        try:
            self.process = subprocess.Popen(
                argv,
                env=full_env,
                pass_fds=[child_end.fileno()],
                start_new_session=True,
                stdin=subprocess.DEVNULL,
                stdout=self.output,
                stderr=subprocess.STDOUT,
            )
        finally:
            child_end.close()
        self._channel: Optional[grpc.Channel] = None
        test.addCleanup(self.kill)

    @property
    def pid(self) -> int:
        return self.process.pid

    def send(self, frame: snakepit_pb2.ControlFrame) -> None:
        self.control.sendall(encode_frame(frame))

    def read_frame(self, timeout_s: float = 5.0) -> snakepit_pb2.ControlFrame:
        return self.frames.read(timeout_s)

    def read_ready(self) -> snakepit_pb2.Ready:
        frame = self.read_frame(10.0)
        if frame.WhichOneof("body") != "ready":
            raise AssertionError(f"expected Ready, got {frame}; output:\n{self.read_output()}")
        return frame.ready

    def stub(self) -> snakepit_pb2_grpc.WorkerStub:
        if self._channel is None:
            self._channel = grpc.insecure_channel("unix://" + self.socket_path)
        return snakepit_pb2_grpc.WorkerStub(self._channel)

    def framed(self) -> "FramedClient":
        """A new connection to the worker's framed data plane (``transport="framed"``)."""
        return FramedClient(self.socket_path)

    def wait(self, timeout_s: float) -> int:
        return self.process.wait(timeout_s)

    def read_output(self) -> str:
        self.output.seek(0)
        return self.output.read().decode("utf-8", "replace")

    def kill(self) -> None:
        if self._channel is not None:
            self._channel.close()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            pass
        self.process.wait(5)
        self.control.close()
        self.output.close()


class FramedClient:
    """A blocking client of the framed data plane: send ``DataFrame``s, read them back."""

    def __init__(self, socket_path: str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(socket_path)
        self._buffer = b""

    def send(self, frame: snakepit_pb2.DataFrame) -> None:
        self.send_raw(frame.SerializeToString())

    def send_raw(self, body: bytes) -> None:
        self.sock.sendall(struct.pack(">I", len(body)) + body)

    def send_part(self, call_id: int, data: bytes) -> None:
        """Send a raw payload part of ``call_id`` (top bit of the length word set)."""
        self.sock.sendall(struct.pack(">II", 0x8000_0000 | (4 + len(data)), call_id) + data)

    def read(self, timeout_s: float = 5.0) -> snakepit_pb2.DataFrame:
        item = self.read_any(timeout_s)
        if not isinstance(item, snakepit_pb2.DataFrame):
            raise AssertionError(f"expected a frame, got a payload part of call {item[0]}")
        return item

    def read_any(self, timeout_s: float = 5.0) -> Any:
        """The next frame, or a raw payload part as ``(call_id, data)``."""
        (word,) = struct.unpack(">I", self._read_exactly(4, timeout_s))
        if word & 0x8000_0000:
            (call_id,) = struct.unpack(">I", self._read_exactly(4, timeout_s))
            return call_id, self._read_exactly((word & 0x7FFF_FFFF) - 4, timeout_s)
        frame = snakepit_pb2.DataFrame()
        frame.ParseFromString(self._read_exactly(word, timeout_s))
        return frame

    def is_closed_by_peer(self, timeout_s: float = 5.0) -> bool:
        """True when the worker closed the connection (end-of-file) within ``timeout_s``."""
        self.sock.settimeout(timeout_s)
        try:
            return self.sock.recv(65536) == b""
        except ConnectionResetError:
            return True

    def _read_exactly(self, size: int, timeout_s: float) -> bytes:
        deadline = time.monotonic() + timeout_s
        while len(self._buffer) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no data frame within {timeout_s} s")
            self.sock.settimeout(remaining)
            try:
                data = self.sock.recv(1 << 20)
            except socket.timeout:
                continue
            if not data:
                raise EOFError("data connection closed by the worker")
            self._buffer += data
        result, self._buffer = self._buffer[:size], self._buffer[size:]
        return result

    def close(self) -> None:
        self.sock.close()
