"""The Python side of bench/framed_floor.bench.mjs: what one framed call costs the
worker's interpreter, against the least any framed server can spend on it.

Three servers answer the same sequential ``execute('echo', ~110 B JSON)`` frames
from a client in another process, interleaved round by round:

- ``worker``: the worker's ``FramedServer`` and ``Invoker`` (what a pool runs);
- ``floor``: one thread that does only what the protocol needs (``recv``, parse the
  frame, ``json.loads``, ``json.dumps``, serialise the answer, ``sendall``);
- ``floor, no socket``: the floor's parse, JSON and serialise, in a loop.

Prints one JSON line per server: wall µs per call, server user and system CPU µs
per call (``/proc/<pid>/stat``).
"""

from __future__ import annotations

import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
from typing import Callable, Tuple

from snakepit_worker._proto import snakepit_pb2 as pb

_HEADER = struct.Struct(">I")
_ARGS = json.dumps(
    [{"id": 42, "name": "snakepit", "tags": ["a", "b", "c"], "values": [1.5, 2.5, 3.5]}]
).encode()


def _request(call_id: int) -> bytes:
    frame = pb.DataFrame(
        call_id=call_id,
        execute=pb.ExecuteRequest(
            command="echo", payload=_ARGS, content_type="application/json", timeout_ms=30000
        ),
    )
    body = frame.SerializeToString()
    return _HEADER.pack(len(body)) + body


def _answer(request: bytes) -> bytes:
    """The floor's work for one request frame body: parse, JSON both ways, serialise."""
    frame = pb.DataFrame()
    frame.ParseFromString(request)
    value = json.loads(frame.execute.payload)
    out = pb.DataFrame(call_id=frame.call_id)
    out.response.result.data = json.dumps(value, separators=(",", ":")).encode()
    out.response.result.content_type = "application/json"
    body = out.SerializeToString()
    return _HEADER.pack(len(body)) + body


def serve_worker(path: str) -> None:
    from snakepit_worker.adapter import CommandRegistry
    from snakepit_worker.execution import Invoker
    from snakepit_worker.framed_server import FramedServer
    from snakepit_worker.stats import CallCounter

    registry = CommandRegistry()
    registry.register("echo", lambda value=None: value)
    FramedServer(path, Invoker(registry, CallCounter()), 4, 64 << 20).start()
    print("ready", flush=True)
    sys.stdin.readline()


def serve_floor(path: str) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)
    print("ready", flush=True)
    sock, _ = listener.accept()
    buffer = bytearray(1 << 16)
    while True:
        received = sock.recv_into(buffer)
        if not received:
            return
        (length,) = _HEADER.unpack_from(buffer, 0)
        sock.sendall(_answer(bytes(buffer[4 : 4 + length])))


def _cpu_us(pid: int) -> Tuple[float, float]:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(") ", 1)[1].split()
    tick_us = 1_000_000 / os.sysconf("SC_CLK_TCK")
    return int(fields[11]) * tick_us, int(fields[12]) * tick_us


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the server closed the connection")
        data += chunk
    return data


def measure_server(kind: str, calls: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="spw-floor-") as directory:
        path = os.path.join(directory, "s.sock")
        server = subprocess.Popen(
            [sys.executable, __file__, "serve", kind, path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None and server.stdout.readline().strip() == "ready"
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(path)
            requests = [_request(i + 1) for i in range(calls)]

            def call(request: bytes) -> None:
                sock.sendall(request)
                (length,) = _HEADER.unpack(_recv_exactly(sock, 4))
                _recv_exactly(sock, length)

            for request in requests[: calls // 5]:  # warm-up
                call(request)
            user0, sys0 = _cpu_us(server.pid)
            started = time.perf_counter()
            for request in requests:
                call(request)
            wall = time.perf_counter() - started
            user1, sys1 = _cpu_us(server.pid)
            sock.close()
        finally:
            server.kill()
            server.wait()
    return {
        "kind": kind,
        "wall_us": wall * 1e6 / calls,
        "user_us": (user1 - user0) / calls,
        "sys_us": (sys1 - sys0) / calls,
    }


def measure_no_socket(calls: int) -> dict:
    request = _request(1)[4:]
    started_cpu = time.process_time()
    started = time.perf_counter()
    for _ in range(calls):
        _answer(request)
    return {
        "kind": "floor, no socket",
        "wall_us": (time.perf_counter() - started) * 1e6 / calls,
        "user_us": (time.process_time() - started_cpu) * 1e6 / calls,
        "sys_us": 0.0,
    }


def main() -> None:
    if sys.argv[1] == "serve":
        (serve_worker if sys.argv[2] == "worker" else serve_floor)(sys.argv[3])
        return
    calls, rounds = int(sys.argv[1]), int(sys.argv[2])
    measures: dict = {}
    runs: Tuple[Tuple[str, Callable[[], dict]], ...] = (
        ("worker", lambda: measure_server("worker", calls)),
        ("floor", lambda: measure_server("floor", calls)),
        ("floor, no socket", lambda: measure_no_socket(calls)),
    )
    for _ in range(rounds):
        for kind, run in runs:
            measures.setdefault(kind, []).append(run())
    for kind, results in measures.items():
        total = {key: sum(r[key] for r in results) / len(results) for key in results[0] if key != "kind"}
        print(json.dumps({"kind": kind, **total}), flush=True)


if __name__ == "__main__":
    main()
