"""The guardian process: a worker's grandchildren die with it, however it dies.

Real processes throughout. Every test kills what it started (the worker's group, the
stand-in owner's session) even when it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
from typing import Any, Dict, List, Optional, Tuple

import grpc

from snakepit_worker._proto import snakepit_pb2, snakepit_pb2_grpc

from .helpers import (
    DEMO_ADAPTER,
    PYTHON_ROOT,
    TEST_ADAPTERS_DIR,
    WORKER_ENTRY,
    WorkerProcess,
    guardians_of,
    kill_group,
    live_processes,
    process_gone,
    proc_stat,
    wait_until,
)

FAKE_OWNER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_owner.py")
DEATH_DEADLINE_S = 1.0
"""Everything a worker forked is gone within a second of its (or its owner's) death."""

PROBE_ADAPTER = "guardian_probe_adapter"


def entry_with_shell(shell_path: str) -> Tuple[str, ...]:
    """Runs the worker with ``shell_path`` as the guardian's shell."""
    code = (
        f"import snakepit_worker.guardian as g; g.SHELL_PATH = {shell_path!r}\n"
        "from snakepit_worker.__main__ import main; main()"
    )
    return ("-c", code)


def call(command: str, payload: Any = None) -> snakepit_pb2.ExecuteRequest:
    data = b"" if payload is None else json.dumps(payload).encode()
    return snakepit_pb2.ExecuteRequest(command=command, payload=data)


def spawn_children(stub: snakepit_pb2_grpc.WorkerStub, n: int = 2) -> List[int]:
    pids: List[int] = call_json(stub, "spawn_children", [n])
    return pids


def call_json(stub: snakepit_pb2_grpc.WorkerStub, command: str, payload: Any = None) -> Any:
    response = stub.Execute(call(command, payload), timeout=5)
    if response.HasField("error"):
        raise AssertionError(f"{command} failed: {response.error}")
    return json.loads(response.result.data)


def all_gone(pids: List[int]) -> bool:
    return all(map(process_gone, pids))


def assert_silent_guardian(
    test: unittest.TestCase, worker_pid: int, guardian: int, own_fds: int = 0
) -> None:
    """In the worker's group; stdin its pipe, stdout and stderr /dev/null, and only
    ``own_fds`` more descriptors, all pipes (never the control channel, a socket)."""
    stat = proc_stat(guardian)
    assert stat is not None
    test.assertEqual(int(stat[2]), worker_pid, "the guardian stays in the worker's group")
    fd_dir = f"/proc/{guardian}/fd"
    fds = {int(fd): os.readlink(os.path.join(fd_dir, fd)) for fd in os.listdir(fd_dir)}
    test.assertEqual(sorted(fds)[:3], [0, 1, 2], fds)
    test.assertEqual(len(fds), 3 + own_fds, fds)
    test.assertTrue(all(fds[fd].startswith("pipe:") for fd in fds if fd not in (1, 2)), fds)
    test.assertEqual((fds[1], fds[2]), (os.devnull, os.devnull))
    with open(f"/proc/{guardian}/environ", "rb") as environ:
        variables = [item.split(b"=", 1)[0] for item in environ.read().split(b"\0")]
    test.assertIn(b"SNAKEPIT_WORKER_TOKEN", variables, "the reaper must recognise it")


class FakeOwner:
    """``fake_owner.py`` (Node's stand-in) running a worker; everything killed at cleanup."""

    def __init__(
        self,
        test: unittest.TestCase,
        adapter: str = DEMO_ADAPTER,
        same_group: bool = False,
        env: Optional[Dict[str, str]] = None,
    ) -> None:
        run_id = f"test-{uuid.uuid4().hex[:8]}"
        socket_dir = tempfile.mkdtemp(prefix="spw-")
        os.chmod(socket_dir, 0o700)
        test.addCleanup(shutil.rmtree, socket_dir, True)
        self.socket_path = os.path.join(socket_dir, "w1.sock")
        argv = [sys.executable, FAKE_OWNER] + (["--same-group"] if same_group else [])
        argv += ["-m", "snakepit_worker", "--snakepit-run-id", run_id]
        argv += ["--socket", self.socket_path, "--adapter", adapter]
        full_env = dict(
            os.environ,
            PYTHONPATH=PYTHON_ROOT,
            SNAKEPIT_RUN_ID=run_id,
            SNAKEPIT_WORKER_TOKEN=uuid.uuid4().hex,
            SNAKEPIT_WORKER_ID="w1",
        )
        full_env.update(env or {})
        # Its own session: whatever goes wrong in it cannot reach the test runner.
        self.process = subprocess.Popen(
            argv,
            env=full_env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        test.addCleanup(self._kill)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode()
        if not line.strip().isdigit():
            raise AssertionError(f"the fake owner failed: {line!r}")
        self.worker_pid = int(line)
        self._channel = grpc.insecure_channel("unix://" + self.socket_path)
        test.addCleanup(self._channel.close)
        if not same_group:
            test.addCleanup(kill_group, self.worker_pid)
        self.stub = snakepit_pb2_grpc.WorkerStub(self._channel)

    def _kill(self) -> None:
        kill_group(self.process.pid)
        self.process.wait(5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@unittest.skipUnless(sys.platform.startswith("linux"), "reads /proc")
class ShellGuardianTest(unittest.TestCase):
    """The guardian as it runs on Linux: ``/bin/sh`` (dash on Debian). Subclasses run
    the same tests on the other kinds, picked by ``entry``."""

    entry: Tuple[str, ...] = WORKER_ENTRY
    own_fds = 0
    """Descriptors the guardian holds besides 0, 1 and 2 (a Python one's wake-up pipe)."""

    def start(self) -> Tuple[WorkerProcess, int]:
        """A Ready worker on the probe adapter, and its guardian's pid."""
        worker = WorkerProcess(self, PROBE_ADAPTER, extra_path=TEST_ADAPTERS_DIR, entry=self.entry)
        worker.read_ready()
        guardians = guardians_of(worker.pid)
        self.assertEqual(len(guardians), 1, f"guardians of {worker.pid}: {guardians}")
        return worker, guardians[0]

    def test_is_silent_and_holds_nothing_of_the_worker(self) -> None:
        worker, guardian = self.start()
        assert_silent_guardian(self, worker.pid, guardian, self.own_fds)

    def test_grandchildren_die_when_the_worker_is_sigkilled(self) -> None:
        worker, guardian = self.start()
        stub = worker.stub()
        # Forked ones keep the guardian's pipe open: only the death signal tells.
        doomed = [guardian] + spawn_children(stub, 1) + call_json(stub, "fork_children", [1])
        os.kill(worker.pid, signal.SIGKILL)
        self.assertTrue(wait_until(lambda: all_gone(doomed), DEATH_DEADLINE_S))
        self.assertEqual(worker.wait(5), -signal.SIGKILL)

    def test_a_normal_exit_takes_the_grandchildren_too(self) -> None:
        worker, guardian = self.start()
        doomed = [guardian] + spawn_children(worker.stub())
        # A short deadline: with a gRPC client connected, grpcio waits all of it.
        worker.send(snakepit_pb2.ControlFrame(shutdown=snakepit_pb2.Shutdown(deadline_ms=200)))
        self.assertEqual(worker.wait(5), 0)
        self.assertTrue(wait_until(lambda: all_gone(doomed), DEATH_DEADLINE_S))
        self.assertEqual(live_processes(pgid=worker.pid), [])

    def test_a_stray_signal_or_a_closed_pipe_never_kills_a_live_worker(self) -> None:
        worker, guardian = self.start()
        stub = worker.stub()
        doomed = [guardian] + spawn_children(stub, 1)
        # SIGURG is the death signal; SIGTERM, SIGINT and SIGHUP come with a kill ladder
        # aimed at the group; a pipe closed by user code looks like the worker's end.
        for signum in (signal.SIGURG, signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            os.kill(guardian, signum)
        call_json(stub, "close_guardian_pipe")
        time.sleep(0.3)
        self.assertEqual([pid for pid in doomed if process_gone(pid)], [])
        self.assertEqual(call_json(stub, "echo", {"alive": True}), {"alive": True})
        os.kill(worker.pid, signal.SIGKILL)  # and it still does its job
        self.assertTrue(wait_until(lambda: all_gone(doomed), DEATH_DEADLINE_S))

    def test_names_itself_for_ps(self) -> None:
        worker, guardian = self.start()
        with open(f"/proc/{guardian}/cmdline", "rb") as cmdline:
            argv = cmdline.read().split(b"\0")
        expected = [
            "sh",
            "-c",
            'eval "$SNAKEPIT_GUARDIAN_SCRIPT"',
            "snakepit-guard",
            str(worker.pid),
        ]
        self.assertEqual(argv, [arg.encode() for arg in expected] + [b""])


@unittest.skipUnless(sys.platform.startswith("linux"), "reads /proc")
class BashGuardianTest(ShellGuardianTest):
    entry = entry_with_shell("/bin/bash")


@unittest.skipUnless(sys.platform.startswith("linux"), "reads /proc")
class BusyboxGuardianTest(ShellGuardianTest):
    entry = entry_with_shell("/bin/busybox")


@unittest.skipUnless(sys.platform.startswith("linux"), "reads /proc")
class PythonGuardianTest(ShellGuardianTest):
    """Without a shell to exec (a distroless image) the forked child guards in Python."""

    entry = entry_with_shell("/nonexistent/sh")
    own_fds = 2

    def test_names_itself_for_ps(self) -> None:
        _, guardian = self.start()
        with open(f"/proc/{guardian}/comm") as comm:
            self.assertEqual(comm.read().strip(), "snakepit-guard")


@unittest.skipUnless(sys.platform.startswith("linux"), "PR_SET_PDEATHSIG is Linux-only")
class OwnerDeathTest(unittest.TestCase):
    """The owner (a stand-in for Node) is SIGKILLed: its worker's whole group goes."""

    def test_worker_guardian_and_grandchildren_die_with_the_owner(self) -> None:
        owner = FakeOwner(self)
        guardians = guardians_of(owner.worker_pid)
        self.assertEqual(len(guardians), 1)
        doomed = [owner.worker_pid] + guardians + spawn_children(owner.stub)
        os.kill(owner.process.pid, signal.SIGKILL)
        self.assertTrue(wait_until(lambda: all_gone(doomed), DEATH_DEADLINE_S))

    def test_even_a_worker_stuck_holding_the_gil_takes_its_grandchildren(self) -> None:
        owner = FakeOwner(self)
        doomed = [owner.worker_pid] + guardians_of(owner.worker_pid) + spawn_children(owner.stub)
        hanging = owner.stub.Execute.future(call("hang"), timeout=30)
        self.addCleanup(hanging.cancel)
        self.assertTrue(wait_until(lambda: self.gil_held(owner), 5), "`hang` did not start")
        os.kill(owner.process.pid, signal.SIGKILL)
        self.assertTrue(wait_until(lambda: all_gone(doomed), DEATH_DEADLINE_S))

    @staticmethod
    def gil_held(owner: FakeOwner) -> bool:
        """True once the worker cannot answer a Health call: a handler holds the GIL."""
        try:
            owner.stub.Health(snakepit_pb2.HealthRequest(), timeout=0.3)
        except grpc.RpcError:
            return True
        return False


@unittest.skipUnless(sys.platform.startswith("linux"), "reads /proc")
class NoGuardianTest(unittest.TestCase):
    """Where a guardian must not be."""

    def test_guards_off_means_no_guardian(self) -> None:
        worker = WorkerProcess(self, env={"SNAKEPIT_GUARDS": "off"})
        worker.read_ready()
        self.assertEqual(live_processes(ppid=worker.pid), [])
        self.assertEqual(live_processes(pgid=worker.pid), [worker.pid])

    def test_a_worker_that_does_not_lead_its_group_forks_no_guardian(self) -> None:
        # Killing "its" group would hit its owner's processes.
        owner = FakeOwner(self, same_group=True)
        self.assertEqual(guardians_of(owner.worker_pid), [])
        os.kill(owner.worker_pid, signal.SIGKILL)
        time.sleep(0.3)
        self.assertIsNone(owner.process.poll(), "the owner in the worker's group survives")


if __name__ == "__main__":
    unittest.main()
