"""Baseline peers for the benchmarks: the simplest Python workers there are.

``python3 echo_peer.py jsonl``
    The usual python-shell approach: read one JSON line per request from stdin
    (``{"id": 1, "command": "echo", "args": {...}}``), run the command, write one
    JSON line per reply to stdout (``{"id": 1, "result": ...}``), flush.
``python3 echo_peer.py fd3``
    Echo raw bytes on file descriptor 3 (a socketpair made by Node's spawn):
    whatever is read is written back, as it comes.

Both end at end-of-file. Standard library only, and no threads: nothing here
costs more than the transport itself.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable, Dict


def echo(**kwargs: Any) -> Dict[str, Any]:
    """The demo adapter's ``echo``: return the keyword arguments unchanged."""
    return kwargs


COMMANDS: Dict[str, Callable[..., Any]] = {"echo": echo}


def serve_json_lines() -> None:
    stdin = sys.stdin.buffer
    stdout = sys.stdout.buffer
    while True:
        line = stdin.readline()
        if not line:
            return
        request = json.loads(line)
        try:
            reply = {"id": request["id"], "result": COMMANDS[request["command"]](**request["args"])}
        except Exception as exc:  # noqa: BLE001 - a failed command is a reply, as in a real worker
            reply = {"id": request.get("id"), "error": f"{type(exc).__name__}: {exc}"}
        stdout.write(json.dumps(reply).encode() + b"\n")
        stdout.flush()


def serve_fd3() -> None:
    os.set_blocking(3, True)
    while True:
        data = os.read(3, 65536)
        if not data:
            return
        while data:
            data = data[os.write(3, data) :]


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "jsonl":
        serve_json_lines()
    elif mode == "fd3":
        serve_fd3()
    else:
        sys.exit(f"usage: {sys.argv[0]} jsonl|fd3")
