"""``python -m snakepit_worker.forkserver``: the zygote of a ``start: 'forkserver'`` pool.

Starting a worker costs ~190 ms of CPU before it serves anything, most of it importing
grpc and the adapter. The zygote pays that once: it arms the same guards as a worker,
imports the worker's own modules (with grpc, unless its workers serve the framed
transport: ``--transport framed``) and the preload list (default: the adapter),
then forks a worker per request. Each forked worker starts exactly like a spawned one
from there on: its own session and process group, its own cgroup, guards, guardian,
gRPC server and control channel.

Nothing here starts a thread or creates a gRPC object before forking: a fork copies
only the calling thread, and grpc's core is not fork-safe once it runs. Preloaded
modules that start threads at import (or initialise CUDA) make the zygote refuse to
serve, with a message naming them.

Protocol. The owner holds the zygote's fd 3 and reads one JSON line from it:
``{"ready": {...}}`` or ``{"fault": {"code", "message", "traceback"}}``; end-of-file on
fd 3 means the owner is gone (the zygote exits; its workers follow through their death
signal). Worker actors connect to the zygote's Unix socket and send one JSON line:
``{"argv": [...worker options...], "env": {...}, "exitFile": path}``. The zygote forks,
answers ``<pid>\\n`` on that connection, and lets the child go on: the child makes the
connection its fd 3 (its control channel) and runs the worker. When the zygote reaps a
child it writes ``{"exitCode": n}`` or ``{"signal": n}`` to its ``exitFile``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import select
import signal
import socket
import sys
import threading
import traceback
from typing import Any, Dict, List, NoReturn, Optional, Union

from .cgroup import join_cgroup
from .guards import arm_owner_guards, guards_enabled

CONTROL_FD = 3
PROCESS_NAME = "snakepit-zygote"
"""The fork server's ``comm`` (``pgrep snakepit-zygote``): its workers share its command
line, so this is what tells it from them; they take back the interpreter's name."""
PARENT_PID_ENV = "SNAKEPIT_PARENT_PID"
"""The pid a forked worker's guards expect as parent (the zygote, not the owner)."""
RELAY_OUTPUT_ENV = "SNAKEPIT_RELAY_OUTPUT"
"""Set in forked workers: their stdout and stderr travel as Log frames on fd 3."""
_REQUEST_LIMIT = 1 << 20
_REQUEST_TIMEOUT_S = 5.0
EXIT_PRELOAD_FAILED = 3
EXIT_FORK_UNSAFE = 5


def main(argv: Optional[List[str]] = None) -> NoReturn:
    join_cgroup(os.environ)
    arm_owner_guards(os.environ)
    args = _parse(sys.argv[1:] if argv is None else argv)
    worker_name = _set_process_name(PROCESS_NAME)
    try:
        preloaded = _preload(args.preload, args.transport)
    except (Exception, SystemExit) as exc:
        _report({"fault": _fault("PRELOAD_FAILED", f"cannot preload: {exc}", exc)})
        os._exit(EXIT_PRELOAD_FAILED)
    problems = fork_safety_problems()
    if problems:
        message = (
            "preloaded modules made the fork server unsafe to fork: "
            + "; ".join(problems)
            + ". Remove them from `forkServer.preload` (they are then imported by each"
            " worker after the fork), or use start: 'spawn'."
        )
        _report({"fault": {"code": "FORK_UNSAFE", "message": message, "traceback": ""}})
        os._exit(EXIT_FORK_UNSAFE)
    # Every page a forked worker writes is copied (~14 µs a fault on the 2-core VM,
    # 2026-12-06). Frozen objects are never scanned by a worker's collector, so a
    # collection there does not write to every page the zygote's objects sit on.
    gc.freeze()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(args.listen)
    except FileNotFoundError:
        pass
    listener.bind(args.listen)
    listener.listen(128)
    _report({"ready": {"pid": os.getpid(), "preloaded": preloaded, "listen": args.listen}})
    _serve(listener, args.listen, worker_name)


def _set_process_name(name: str) -> str:
    """Set our ``comm`` (Linux); return the previous one.

    Raw descriptors, not ``open()``: each forked worker calls this, and a text file
    object's machinery writes to pages shared with the zygote (copy-on-write faults).
    """
    try:
        fd = os.open("/proc/self/comm", os.O_RDWR)
    except OSError:
        return name
    try:
        previous = os.read(fd, 64).decode(errors="replace").strip()
        os.write(fd, name.encode())
        return previous
    except OSError:
        return name
    finally:
        os.close(fd)


def _parse(argv: List[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m snakepit_worker.forkserver")
    parser.add_argument("--snakepit-run-id", required=True)
    parser.add_argument("--listen", required=True, help="Unix socket for fork requests")
    parser.add_argument(
        "--preload", action="append", default=[], help="module to import before forking"
    )
    parser.add_argument(
        "--transport",
        choices=("grpc", "framed"),
        default="grpc",
        help="the data plane of the workers it forks: grpc (default) or framed",
    )
    return parser.parse_args(argv)


def _preload(modules: List[str], transport: str = "grpc") -> List[str]:
    # What every worker imports: protobuf and the worker, then its data plane (the
    # gRPC service pulls in grpc; the framed server, the standard library only).
    from . import worker  # noqa: F401
    from .cli import worker_parser

    worker_parser()  # built once here, not in every worker (cli.worker_parser)

    if transport == "framed":
        from . import framed_server  # noqa: F401

        data_plane = ["snakepit_worker.framed_server"]
    else:
        from . import server  # noqa: F401

        data_plane = ["grpc", "snakepit_worker.server"]
    for name in modules:
        importlib.import_module(name)
    return [*data_plane, "snakepit_worker.worker", *modules]


def fork_safety_problems() -> List[str]:
    """What makes forking this process unsafe: other threads, an initialised CUDA."""
    problems = []
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if others:
        problems.append(f"threads started at import ({', '.join(sorted(others))})")
    torch = sys.modules.get("torch")
    cuda = getattr(torch, "cuda", None)
    try:
        if cuda is not None and cuda.is_initialized():
            problems.append("CUDA was initialised (torch.cuda)")
    except Exception:  # a broken torch is not our concern here
        pass
    return problems


def _serve(listener: socket.socket, listen_path: str, worker_name: str) -> NoReturn:
    exit_files: Dict[int, str] = {}
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    os.set_blocking(wake_read, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    watched: List[Union[int, socket.socket]] = [CONTROL_FD, listener, wake_read]
    while True:
        try:
            readable, _, _ = select.select(watched, [], [])
        except InterruptedError:
            continue
        if CONTROL_FD in readable:
            try:
                data = os.read(CONTROL_FD, 4096)
            except OSError:
                data = b""
            if not data and guards_enabled(os.environ):
                # The owner is gone, or stops the pool: the workers follow (death signal).
                _cleanup(listen_path)
                os._exit(0)
            if not data:  # SNAKEPIT_GUARDS=off: outlive the owner, as its workers do
                watched.remove(CONTROL_FD)
        if wake_read in readable:
            try:
                while os.read(wake_read, 512):
                    pass
            except BlockingIOError:
                pass
        _reap(exit_files)
        if listener in readable:
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            _fork_worker(connection, listener, (wake_read, wake_write), exit_files, worker_name)


def _reap(exit_files: Dict[int, str]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        path = exit_files.pop(pid, None)
        if path is None:
            continue  # the zygote's own guardian
        if os.WIFSIGNALED(status):
            record = {"signal": os.WTERMSIG(status)}
        else:
            record = {"exitCode": os.WEXITSTATUS(status)}
        try:
            with open(path + ".tmp", "w") as handle:
                json.dump(record, handle)
            os.replace(path + ".tmp", path)
        except OSError:
            pass  # the owner then reports an unknown status


def _fork_worker(
    connection: socket.socket,
    listener: socket.socket,
    wake: "tuple[int, int]",
    exit_files: Dict[int, str],
    worker_name: str,
) -> None:
    try:
        request = _read_request(connection)
    except (OSError, ValueError) as exc:
        _send(connection, f"error {exc}\n")
        connection.close()
        return
    go_read, go_write = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:
        os.close(go_read)
        os.close(go_write)
        _send(connection, f"error cannot fork: {exc}\n")
        connection.close()
        return
    if pid == 0:
        try:
            os.close(go_write)
            _set_process_name(worker_name)
            _become_worker(connection, listener, wake, go_read, request)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    os.close(go_read)
    exit_files[pid] = str(request.get("exitFile", ""))
    # The pid first, then the child may write: the owner reads one line, then frames.
    _send(connection, f"{pid}\n")
    os.close(go_write)  # end-of-file: go
    connection.close()


def _read_request(connection: socket.socket) -> Dict[str, Any]:
    connection.settimeout(_REQUEST_TIMEOUT_S)
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            raise ValueError("connection closed before a request")
        data += chunk
        if len(data) > _REQUEST_LIMIT:
            raise ValueError("request too large")
    connection.settimeout(None)
    request = json.loads(data)
    if not isinstance(request, dict) or not isinstance(request.get("argv"), list):
        raise ValueError("expected a JSON object with `argv`")
    return request


def _send(connection: socket.socket, text: str) -> None:
    try:
        connection.sendall(text.encode())
    except OSError:
        pass


def _become_worker(
    connection: socket.socket,
    listener: socket.socket,
    wake: "tuple[int, int]",
    go_read: int,
    request: Dict[str, Any],
) -> NoReturn:
    """In the forked child: wait for the go, take the connection as fd 3, run."""
    zygote_pid = os.getppid()
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    listener.close()
    for fd in wake:
        os.close(fd)
    os.setsid()  # its own session and group, like a spawned worker
    os.read(go_read, 1)
    os.close(go_read)
    os.dup2(connection.fileno(), CONTROL_FD)  # replaces the zygote's control channel
    connection.close()
    env = {str(k): str(v) for k, v in dict(request.get("env") or {}).items()}
    os.environ.update(env)
    os.environ[PARENT_PID_ENV] = str(zygote_pid)
    os.environ[RELAY_OUTPUT_ENV] = "1"
    join_cgroup(os.environ)
    arm_owner_guards(os.environ)

    from .cli import parse_options
    from .worker import run

    run(parse_options([str(a) for a in request["argv"]], os.environ))


def _report(message: Dict[str, Any]) -> None:
    data = (json.dumps(message) + "\n").encode()
    while data:
        data = data[os.write(CONTROL_FD, data) :]


def _fault(code: str, message: str, exc: BaseException) -> Dict[str, Any]:
    return {"code": code, "message": message, "traceback": traceback.format_exc()}


def _cleanup(listen_path: str) -> None:
    try:
        os.unlink(listen_path)
    except OSError:
        pass


if __name__ == "__main__":
    main()
