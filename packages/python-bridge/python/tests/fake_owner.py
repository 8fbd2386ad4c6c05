"""Stands in for Node in tests: spawns a worker the way Node does and owns it.

    python fake_owner.py [--same-group] WORKER_ARG...

Runs ``sys.executable WORKER_ARG...`` with the control channel on fd 3 and
``SNAKEPIT_OWNER_PID`` set to this process, as the leader of a new session (Node's
detached spawn) unless ``--same-group``. Prints the worker's pid once it is Ready,
then holds the control channel open until stdin closes or this process is killed.
Exits 1 (after printing why) if the worker does not become Ready.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from typing import List

from snakepit_worker.framing import FrameDecoder

_CONTROL_FD = 3
_READY_TIMEOUT_S = 10.0


def main(argv: List[str]) -> int:
    same_group = argv[:1] == ["--same-group"]
    worker_args = argv[1:] if same_group else argv
    owner_end, worker_end = socket.socketpair()
    if owner_end.fileno() <= _CONTROL_FD:  # free fd 3 for the worker's end
        moved = owner_end.dup()
        owner_end.close()
        owner_end = moved
    if worker_end.fileno() != _CONTROL_FD:
        os.dup2(worker_end.fileno(), _CONTROL_FD)
        worker_end.close()
    worker = subprocess.Popen(
        [sys.executable, *worker_args],
        env=dict(os.environ, SNAKEPIT_OWNER_PID=str(os.getpid())),
        pass_fds=[_CONTROL_FD],
        start_new_session=not same_group,
    )
    os.close(_CONTROL_FD)
    decoder = FrameDecoder()
    deadline = time.monotonic() + _READY_TIMEOUT_S
    while True:
        owner_end.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            data = owner_end.recv(65536)
        except socket.timeout:
            print(f"no Ready within {_READY_TIMEOUT_S} s", flush=True)
            return 1
        if not data:
            print(f"the worker exited before Ready: {worker.wait()}", flush=True)
            return 1
        kinds = [frame.WhichOneof("body") for frame in decoder.feed(data)]
        if "ready" in kinds:
            break
        if kinds:
            print(f"expected Ready, got {kinds}", flush=True)
            return 1
    print(worker.pid, flush=True)
    sys.stdin.read()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
