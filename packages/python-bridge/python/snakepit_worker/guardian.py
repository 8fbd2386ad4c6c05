"""The guardian: a tiny child that kills the worker's process group when the worker dies.

A worker that is SIGKILLed (by its own death signal when the owner is SIGKILLed, by the
OOM killer, or by the owner's kill ladder while stuck in C code) runs no code, so its
own guards cannot take its grandchildren with it. The guardian can: it is forked right
after the guards are armed, before grpc, the adapter or any thread exists, stays in the
worker's process group and waits for the worker's death, then SIGKILLs the whole group
(itself included), and the worker's cgroup where it has one. A worker's normal exit
is its death too: everything a worker forks dies with it.

Two wake-ups, one verdict. On Linux ``PR_SET_PDEATHSIG`` delivers SIGURG when the worker
ends, whatever it forked; everywhere, end-of-file on a pipe whose write end only the
worker holds (close-on-exec, so exec'd grandchildren do not keep it; forked ones do,
which is why the death signal comes first, and why other systems also poll
``getppid()``). Either only wakes the guardian: it acts once its parent is no longer the
worker, so a stray signal or a pipe closed by user code never kills a live worker. The
kernel reparents the guardian before it sends the death signal, so that check cannot
miss; the end-of-file can come a moment before the reparenting.

On Linux the forked child execs ``/bin/sh`` with a few lines of script: a forked
Python keeps ~5.6 MB of the worker's heap (PSS) for life, ``sh`` 0.1–0.35 MB.
SIGURG, whose default action is to be ignored, is the death signal because it may
arrive before the script sets its trap: it is then lost, not fatal, and the script
checks its parent after setting the trap. Where there is no ``/bin/sh`` (a distroless
image) and on other systems, the child guards in Python instead.

The guardian writes nothing: its stdin is the pipe, its stdout and stderr
``/dev/null``, and it holds no other descriptor (in particular not the control
channel, whose end-of-file tells the owner that the worker is gone).
"""

from __future__ import annotations

import gc
import os
import select
import signal
import sys
from typing import Dict, List, NoReturn, Optional, Tuple, Union

from .cgroup import kill_cgroup

PROCESS_NAME = "snakepit-guard"
"""The guardian's ``$0`` (``ps -ef``, ``pgrep -f snakepit-guard``); its ``comm`` when it
guards from Python."""

SHELL_PATH = "/bin/sh"

PARENT_POLL_INTERVAL_S = 0.25
"""How often a Python guardian checks ``getppid()`` where no death signal wakes it."""

_EOF_POLL_INTERVAL_S = 0.01
_EOF_POLL_COUNT = 100
"""After the end-of-file, a Python guardian polls ``getppid()`` this often, this long."""

_DEATH_SIGNAL = signal.SIGURG
_PR_SET_PDEATHSIG = 1
_PR_SET_NAME = 15
_FAILED_EXIT_CODE = 71

# $1 is the worker's pid. `end` kills the worker's cgroup first where it has one (that
# also takes children that left the group with setsid, and ourselves), then the group. `read` is interrupted by a trapped signal (dash, bash, busybox
# ash); `woken` tells that from end-of-file. Once the pipe is at end-of-file while the
# worker lives (user code closed our pipe), reopening it read-write gives a pipe that
# never ends: wait there for the death signal.
_SCRIPT_VARIABLE = "SNAKEPIT_GUARDIAN_SCRIPT"
_SCRIPT = """W=$1
gone() { read -r s </proc/$$/stat && set -- $s && [ "$4" != "$W" ]; }
end() { [ -z "$SNAKEPIT_WORKER_CGROUP" ] || echo 1 >"$SNAKEPIT_WORKER_CGROUP/cgroup.kill"; kill -KILL 0; }
trap 'woken=1; gone && end' URG
gone && end
while woken=; read -r _ || [ -n "$woken" ]; do :; done
gone && end
exec 0<>/proc/$$/fd/0
while :; do read -r _; done
"""

_ARMING_TIMEOUT_S = 1.0
"""The longest the worker waits for the child to exec (or, in Python, to be armed)."""

_worker_end: Optional[int] = None
"""The worker's end of the pipe: held, never written, closed only by the worker's end."""


class _Prctl:
    """``prctl(2)`` through ctypes, loaded in the worker so that the child only calls it."""

    def __init__(self) -> None:
        import ctypes

        self._ctypes = ctypes
        self._function = ctypes.CDLL(None, use_errno=True).prctl

    def __call__(self, option: int, arg: Union[int, bytes]) -> bool:
        ctypes = self._ctypes
        # prctl is variadic and reads its arguments as unsigned longs (or a pointer).
        value: object = ctypes.c_char_p(arg) if isinstance(arg, bytes) else ctypes.c_ulong(arg)
        zero = ctypes.c_ulong(0)
        return int(self._function(ctypes.c_int(option), value, zero, zero, zero)) == 0


def start_guardian() -> Optional[int]:
    """Fork the guardian; return its pid, or None if the worker does not lead its group.

    Must run before any thread is started. Killing the group is only safe when the
    worker leads it: otherwise the group is the owner's. Returns once the child has
    exec'd its shell (a few ms): until then every page the worker writes would be
    copied, which costs the worker more than the wait.
    """
    global _worker_end
    worker_pid = os.getpid()
    if os.getpgrp() != worker_pid:
        return None
    prctl = load_prctl()
    # Everything the child needs is made here: the child's every write copies a page.
    # The environment keeps the worker's token (reapers recognise us by it) and carries
    # the script, so that `ps -ef` shows `sh -c eval "$SNAKEPIT_GUARDIAN_SCRIPT"
    # snakepit-guard PID`. argv[0] stays "sh": busybox picks its applet by it.
    env = {key: value for key, value in os.environ.items() if key.startswith("SNAKEPIT_")}
    env[_SCRIPT_VARIABLE] = _SCRIPT
    argv = ["sh", "-c", f'eval "${_SCRIPT_VARIABLE}"', PROCESS_NAME, str(worker_pid)]
    can_exec = prctl is not None and os.path.exists("/proc/self/stat")  # the script reads it
    guardian_end, worker_end = os.pipe()  # all four close-on-exec
    armed_read, armed_write = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:
        for fd in (guardian_end, worker_end, armed_read, armed_write):
            os.close(fd)
        _warn(f"snakepit_worker: cannot start the guardian process: {exc}\n")
        return None
    if pid == 0:
        try:
            _guard(worker_pid, guardian_end, armed_write, prctl, (argv, env) if can_exec else None)
        finally:
            os._exit(_FAILED_EXIT_CODE)
    os.close(guardian_end)
    os.close(armed_write)
    _worker_end = worker_end
    select.select([armed_read], [], [], _ARMING_TIMEOUT_S)  # end-of-file: exec'd or armed
    os.close(armed_read)
    return pid


_prctl: Optional[_Prctl] = None


def load_prctl() -> Optional[_Prctl]:
    """``prctl(2)``, loaded once per process (None where there is none).

    Once: a forked worker inherits the fork server's, and loading it again there
    cost ~40 copy-on-write page faults (~14 µs each on the 2-core VM, 2026-12-06).
    """
    global _prctl
    if _prctl is None and _is_linux():
        try:
            _prctl = _Prctl()
        except (OSError, AttributeError):
            return None
    return _prctl


def _guard(
    worker_pid: int,
    pipe_fd: int,
    armed_fd: int,
    prctl: Optional[_Prctl],
    shell: Optional[Tuple[List[str], Dict[str, str]]],
) -> NoReturn:
    """The guardian's whole life: arm, wait for the worker's death, kill the group."""
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        # The owner's kill ladder signals the whole group: outlive the worker, so that
        # its end still takes the grandchildren that ignore SIGTERM. (A shell cannot
        # trap a signal ignored on entry: these stay ignored after exec.)
        signal.signal(signum, signal.SIG_IGN)
    _keep_only_pipe(pipe_fd, armed_fd)
    has_death_signal = prctl is not None and prctl(_PR_SET_PDEATHSIG, int(_DEATH_SIGNAL))
    if has_death_signal and shell is not None:
        try:
            os.execve(SHELL_PATH, *shell)
        except OSError:
            pass  # no shell (a distroless image): guard from Python
    gc.disable()  # touch nothing: the pages shared with the worker stay shared
    if prctl is not None:
        prctl(_PR_SET_NAME, PROCESS_NAME.encode())
    _watch(worker_pid, has_death_signal, armed_fd)


def _watch(worker_pid: int, has_death_signal: bool, armed_fd: int) -> NoReturn:
    """Wait in Python until the parent is no longer the worker; kill the group."""
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(_DEATH_SIGNAL, _ignore_signal)  # the wake-up fd does the waking
    os.close(armed_fd)
    idle_timeout_s = None if has_death_signal else PARENT_POLL_INTERVAL_S
    watched: List[int] = [0, wake_read]
    eof_polls_left = 0
    while os.getppid() == worker_pid:  # checked after arming: the worker may be gone
        timeout_s = _EOF_POLL_INTERVAL_S if eof_polls_left > 0 else idle_timeout_s
        eof_polls_left = max(0, eof_polls_left - 1)
        readable, _, _ = select.select(watched, [], [], timeout_s)
        for fd in readable:
            if not os.read(fd, 512) and fd == 0:
                watched.remove(0)
                eof_polls_left = _EOF_POLL_COUNT
    kill_cgroup(os.environ)
    os.killpg(os.getpgrp(), signal.SIGKILL)
    os._exit(_FAILED_EXIT_CODE)


def _keep_only_pipe(pipe_fd: int, armed_fd: int) -> None:
    """Make the pipe stdin and ``/dev/null`` stdout and stderr; close everything else
    but ``armed_fd`` (close-on-exec: the worker waits for its end-of-file)."""
    if pipe_fd != 0:
        os.dup2(pipe_fd, 0)
    null_fd = os.open(os.devnull, os.O_RDWR)
    for fd in (1, 2):
        if fd != null_fd:
            os.dup2(null_fd, fd)
    try:
        open_fds = [int(name) for name in os.listdir("/proc/self/fd" if _is_linux() else "/dev/fd")]
    except (OSError, ValueError):
        open_fds = list(range(_max_fd()))
    for fd in open_fds:
        if fd > 2 and fd != armed_fd:
            try:
                os.close(fd)
            except OSError:  # the directory listing's own descriptor, already closed
                pass


def _max_fd() -> int:
    try:
        return min(int(os.sysconf("SC_OPEN_MAX")), 65536)
    except (OSError, ValueError):
        return 1024


def _ignore_signal(signum: int, frame: object) -> None:
    """A Python handler, so that the death signal writes to the wake-up fd."""


def _is_linux() -> bool:
    return sys.platform.startswith("linux")


def _warn(message: str) -> None:
    """Start-up only: the owner is alive and reads our stderr."""
    try:
        sys.stderr.write(message)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
