"""Baseline peers for the benchmarks: the simplest Python workers there are.

``python3 echo_peer.py jsonl``
    The usual python-shell approach: read one JSON line per request from stdin
    (``{"id": 1, "command": "echo", "args": {...}}``), run the command, write one
    JSON line per reply to stdout (``{"id": 1, "result": ...}``), flush.
``python3 echo_peer.py fd3``
    Echo raw bytes on file descriptor 3 (a socketpair made by Node's spawn):
    whatever is read is written back, as it comes.
``python3 echo_peer.py sock PATH``
    A plain server as people write one behind ``child_process.spawn``: JSON
    lines over a Unix socket at PATH, one thread per connection, and nothing
    tying its life to its parent's.
``python3 echo_peer.py grpc PATH``
    A bare grpcio server on ``unix:PATH`` implementing ``snakepit.v1.Worker``'s
    ``Execute`` (JSON echo) and ``Health``: the code generated from the proto,
    none of ``snakepit_worker``'s guards. Exits on SIGTERM.

``jsonl`` and ``fd3`` end at end-of-file; ``sock`` and ``grpc`` only when
signalled. Standard library only (and grpcio for ``grpc``): nothing here costs
more than the transport itself.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from typing import Any, Callable, Dict, List


def echo(**kwargs: Any) -> Dict[str, Any]:
    """The demo adapter's ``echo``: return the keyword arguments unchanged."""
    return kwargs


_held: List["subprocess.Popen[bytes]"] = []


def spawn_children(n: int = 1) -> List[int]:
    """The demo adapter's ``spawn_children``: ``n`` grandchildren sleeping for an hour."""
    children = [
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"]) for _ in range(n)
    ]
    _held.extend(children)
    return [child.pid for child in children]


COMMANDS: Dict[str, Callable[..., Any]] = {"echo": echo, "spawn_children": spawn_children}


def run_command(request: Dict[str, Any]) -> Dict[str, Any]:
    try:
        return {"id": request["id"], "result": COMMANDS[request["command"]](**request["args"])}
    except Exception as exc:  # noqa: BLE001 - a failed command is a reply, as in a real worker
        return {"id": request.get("id"), "error": f"{type(exc).__name__}: {exc}"}


def serve_json_lines() -> None:
    stdin = sys.stdin.buffer
    stdout = sys.stdout.buffer
    while True:
        line = stdin.readline()
        if not line:
            return
        stdout.write(json.dumps(run_command(json.loads(line))).encode() + b"\n")
        stdout.flush()


def serve_fd3() -> None:
    os.set_blocking(3, True)
    while True:
        data = os.read(3, 65536)
        if not data:
            return
        while data:
            data = data[os.write(3, data) :]


def _serve_connection(conn: socket.socket) -> None:
    with conn, conn.makefile("rwb") as stream:
        for line in stream:
            stream.write(json.dumps(run_command(json.loads(line))).encode() + b"\n")
            stream.flush()


def serve_socket(path: str) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=_serve_connection, args=(conn,), daemon=True).start()


def serve_grpc(path: str) -> None:
    from concurrent import futures

    import grpc

    # The generated modules import each other relatively: load them as the
    # package `_proto`, without the rest of snakepit_worker.
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(
        0, os.path.join(here, "..", "packages", "python-bridge", "python", "snakepit_worker")
    )
    from _proto import snakepit_pb2, snakepit_pb2_grpc  # type: ignore[import-not-found]

    class Service(snakepit_pb2_grpc.WorkerServicer):  # type: ignore[misc]
        def Execute(self, request: Any, context: Any) -> Any:
            reply = run_command(
                {"id": 0, "command": request.command, "args": json.loads(request.payload or b"{}")}
            )
            if "error" in reply:
                error = snakepit_pb2.PythonError(type="Error", message=reply["error"])
                return snakepit_pb2.ExecuteResponse(error=error)
            data = json.dumps(reply["result"]).encode()
            payload = snakepit_pb2.Payload(data=data, content_type="application/json")
            return snakepit_pb2.ExecuteResponse(result=payload)

        def Health(self, request: Any, context: Any) -> Any:
            return snakepit_pb2.HealthResponse(status=snakepit_pb2.HealthResponse.SERVING)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    snakepit_pb2_grpc.add_WorkerServicer_to_server(Service(), server)
    server.add_insecure_port("unix:" + path)
    server.start()
    # The socket file appears at bind, before the server listens: say when it does.
    open(path + ".ready", "w").close()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    stopped.wait()
    server.stop(0)
    os._exit(0)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "jsonl":
        serve_json_lines()
    elif mode == "fd3":
        serve_fd3()
    elif mode == "sock" and len(sys.argv) > 2:
        serve_socket(sys.argv[2])
    elif mode == "grpc" and len(sys.argv) > 2:
        serve_grpc(sys.argv[2])
    else:
        sys.exit(f"usage: {sys.argv[0]} jsonl|fd3|sock PATH|grpc PATH")
