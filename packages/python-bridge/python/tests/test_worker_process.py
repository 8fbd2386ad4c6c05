"""End to end: ``python -m snakepit_worker`` as the owner runs it, guards included."""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from typing import Any, List

import google.protobuf
import grpc

import snakepit_worker
from snakepit_worker._proto import snakepit_pb2

from .helpers import (
    DEMO_ADAPTER,
    PYTHON_ROOT,
    TEST_ADAPTERS_DIR,
    FrameReader,
    WorkerProcess,
    process_gone,
    wait_until,
)


def ping(seq: int) -> snakepit_pb2.ControlFrame:
    return snakepit_pb2.ControlFrame(ping=snakepit_pb2.Ping(seq=seq))


def call(command: str, payload: Any = None) -> snakepit_pb2.ExecuteRequest:
    data = b"" if payload is None else json.dumps(payload).encode()
    return snakepit_pb2.ExecuteRequest(command=command, payload=data)


class ServingTest(unittest.TestCase):
    def test_handshakes_serves_and_shuts_down_cleanly(self) -> None:
        worker = WorkerProcess(self)
        ready = worker.read_ready()
        self.assertEqual(ready.pid, worker.pid)
        self.assertEqual(ready.grpc_address, "unix://" + worker.socket_path)
        self.assertTrue(ready.grpc_address.startswith("unix:///"))
        self.assertEqual(ready.protocol_version, 1)
        self.assertEqual(ready.worker_version, snakepit_worker.__version__)
        self.assertEqual(ready.python_version, platform.python_version())
        self.assertEqual(ready.grpc_version, grpc.__version__)
        self.assertEqual(ready.protobuf_version, google.protobuf.__version__)
        self.assertIn("echo", ready.commands)
        self.assertEqual(ready.max_concurrency, 2)

        worker.send(ping(41))
        pong = worker.read_frame().pong
        self.assertEqual(pong.seq, 41)
        self.assertGreater(pong.stats.rss_bytes, 0)

        stub = worker.stub()
        echoed = stub.Execute(call("echo", {"a": 1, "b": "ü"}), timeout=5)
        self.assertEqual(json.loads(echoed.result.data), {"a": 1, "b": "ü"})
        failed = stub.Execute(call("raise_error", ["boom"]), timeout=5)
        self.assertEqual((failed.error.type, failed.error.message), ("builtins.ValueError", "boom"))
        self.assertIn("demo_adapter.py", failed.error.traceback)
        unknown = stub.Execute(call("no_such_command"), timeout=5)
        self.assertEqual(unknown.error.type, "snakepit.UnknownCommand")
        chunks = list(stub.ExecuteStream(call("count", [3]), timeout=5))
        self.assertEqual([json.loads(chunk.data.data) for chunk in chunks], [0, 1, 2])
        self.assertEqual([chunk.index for chunk in chunks], [0, 1, 2])

        health = stub.Health(snakepit_pb2.HealthRequest(), timeout=5)
        self.assertEqual(health.status, snakepit_pb2.HealthResponse.SERVING)
        self.assertEqual(health.stats.completed, 4)
        info = stub.Info(snakepit_pb2.InfoRequest(), timeout=5)
        self.assertEqual((info.ready, info.adapter), (ready, DEMO_ADAPTER))

        stub.Execute(call("busy_sleep", [0.05]), timeout=5)
        announced, cleared = worker.read_frame().busy, worker.read_frame().busy
        self.assertEqual(announced.reason, "busy_sleep")
        self.assertGreater(announced.duration_ms, 0)
        self.assertLessEqual(announced.duration_ms, 1050)  # busy(seconds=0.05 + 1)
        self.assertGreater(announced.until_unix_ms, time.time() * 1000)
        self.assertEqual((cleared.duration_ms, cleared.until_unix_ms), (0, 0))

        stub.Execute(call("emit", ["printed by a handler"]), timeout=5)
        in_flight = stub.Execute.future(call("sleep", [0.3]), timeout=5)
        self.assertTrue(wait_until(lambda: self.in_flight(worker) == 1, 5))
        worker.send(snakepit_pb2.ControlFrame(shutdown=snakepit_pb2.Shutdown(deadline_ms=5000)))
        self.assertEqual(json.loads(in_flight.result().result.data), 0.3)
        self.assertEqual(worker.wait(5), 0)
        self.assertFalse(os.path.exists(worker.socket_path))
        self.assertIn("printed by a handler", worker.read_output())

    def in_flight(self, worker: WorkerProcess) -> int:
        worker.send(ping(0))
        in_flight: int = worker.read_frame().pong.stats.in_flight
        return in_flight

    def test_answers_pings_while_every_handler_thread_is_busy(self) -> None:
        worker = WorkerProcess(self, max_concurrency=1)
        worker.read_ready()
        spinning = worker.stub().Execute.future(call("cpu", [1500]), timeout=10)
        self.assertTrue(wait_until(lambda: self.in_flight(worker) == 1, 5))
        for seq in range(1, 4):
            worker.send(ping(seq))
            self.assertEqual(worker.read_frame(timeout_s=1.0).pong.seq, seq)
            self.assertFalse(spinning.done())
        self.assertEqual(json.loads(spinning.result().result.data), 1500)

    def test_sigterm_exits_zero_promptly_without_waiting_for_handlers(self) -> None:
        worker = WorkerProcess(self)
        worker.read_ready()
        sleeping = worker.stub().Execute.future(call("sleep", [30]), timeout=10)
        self.assertTrue(wait_until(lambda: self.in_flight(worker) == 1, 5))
        os.kill(worker.pid, signal.SIGTERM)
        self.assertEqual(worker.wait(3), 0)
        with self.assertRaises(grpc.RpcError):
            sleeping.result()


class DemoAdapterTest(unittest.TestCase):
    """The misbehaving commands that other tests rely on do misbehave."""

    def pong(self, worker: WorkerProcess, timeout_s: float = 5.0) -> snakepit_pb2.Pong:
        worker.send(ping(1))
        frame = worker.read_frame(timeout_s)
        self.assertEqual(frame.WhichOneof("body"), "pong")
        return frame.pong

    def test_allocate_ignore_sigterm_and_crash(self) -> None:
        worker = WorkerProcess(self)
        worker.read_ready()
        stub = worker.stub()
        rss_before = self.pong(worker).stats.rss_bytes
        stub.Execute(call("allocate", [64]), timeout=5)
        self.assertGreater(self.pong(worker).stats.rss_bytes - rss_before, 60 * 1024 * 1024)

        stub.Execute(call("ignore_sigterm"), timeout=5)
        os.kill(worker.pid, signal.SIGTERM)
        time.sleep(0.3)
        self.assertIsNone(worker.process.poll())
        self.pong(worker)

        with self.assertRaises(grpc.RpcError):
            stub.Execute(call("crash", [7]), timeout=5)
        self.assertEqual(worker.wait(5), 7)

    def test_hang_starves_the_heartbeat(self) -> None:
        worker = WorkerProcess(self)
        worker.read_ready()
        hanging = worker.stub().Execute.future(call("hang"), timeout=30)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # pongs come until the handler takes the GIL
            worker.send(ping(2))
            try:
                worker.read_frame(timeout_s=0.5)
            except AssertionError:
                break
        else:
            self.fail("pongs still came 5 s after `hang` was called")
        self.assertIsNone(worker.process.poll())
        self.assertFalse(hanging.done())


class StartFailureTest(unittest.TestCase):
    def test_an_adapter_that_fails_to_import_is_reported_as_a_fault(self) -> None:
        adapter_dir = tempfile.mkdtemp(prefix="spw-adapter-")
        self.addCleanup(shutil.rmtree, adapter_dir, True)
        with open(os.path.join(adapter_dir, "broken_adapter.py"), "w") as module:
            module.write("raise RuntimeError('boom at import')\n")
        worker = WorkerProcess(self, adapter="broken_adapter", extra_path=adapter_dir)
        fault = worker.read_frame(10).fault
        self.assertEqual(fault.code, "ADAPTER_IMPORT_FAILED")
        self.assertIn("broken_adapter", fault.message)
        self.assertEqual(fault.error.type, "builtins.RuntimeError")
        self.assertEqual(fault.error.message, "boom at import")
        self.assertIn("broken_adapter.py", fault.error.traceback)
        self.assertEqual(worker.wait(5), 3)

    def test_a_socket_that_cannot_be_bound_is_reported_as_a_fault(self) -> None:
        worker = WorkerProcess(self, socket_path="/nonexistent-snakepit-dir/w1.sock")
        fault = worker.read_frame(10).fault
        self.assertEqual(fault.code, "BIND_FAILED")
        self.assertEqual(fault.error.type, "snakepit.BindError")
        self.assertIn("does not exist", fault.message)
        self.assertEqual(worker.wait(5), 4)


class GuardTest(unittest.TestCase):
    def test_dies_with_its_grandchildren_when_the_control_channel_closes(self) -> None:
        worker = WorkerProcess(self)
        worker.read_ready()
        spawned = worker.stub().Execute(call("spawn_children", [2]), timeout=5)
        grandchildren: List[int] = json.loads(spawned.result.data)
        self.assertEqual(len(grandchildren), 2)
        worker.control.close()
        self.assertEqual(worker.wait(2), -signal.SIGKILL)
        self.assertTrue(wait_until(lambda: all(map(process_gone, grandchildren)), 2))

    def test_dies_when_no_ping_arrives_within_the_window(self) -> None:
        worker = WorkerProcess(self, env={"SNAKEPIT_PING_TIMEOUT_MS": "500"})
        stop = threading.Event()

        def keep_pinging() -> None:
            while not stop.wait(0.1):
                try:
                    worker.send(ping(1))
                except OSError:
                    return

        pinger = threading.Thread(target=keep_pinging, daemon=True)
        pinger.start()
        self.addCleanup(stop.set)
        while worker.read_frame(10).WhichOneof("body") != "ready":
            pass
        time.sleep(1.0)  # twice the window: pings keep the worker alive
        self.assertIsNone(worker.process.poll())
        stop.set()
        pinger.join()
        self.assertEqual(worker.wait(3), -signal.SIGKILL)

    def test_the_ping_window_starts_at_ready_not_during_a_slow_import(self) -> None:
        env = {"SNAKEPIT_PING_TIMEOUT_MS": "300", "SNAKEPIT_TEST_IMPORT_DELAY_S": "1.0"}
        worker = WorkerProcess(
            self, adapter="slow_import_adapter", extra_path=TEST_ADAPTERS_DIR, env=env
        )
        worker.read_ready()  # no ping for 1 s, three windows: still alive
        ready_at = time.monotonic()
        self.assertEqual(worker.wait(5), -signal.SIGKILL)  # then watched: no ping, no worker
        self.assertGreaterEqual(time.monotonic() - ready_at, 0.2)

    def test_dies_at_once_if_the_owner_is_not_its_parent(self) -> None:
        worker = WorkerProcess(self, env={"SNAKEPIT_OWNER_PID": str(os.getpid() + 1)})
        with self.assertRaises(EOFError):
            worker.read_frame(10)
        self.assertEqual(worker.wait(5), -signal.SIGKILL)

    def test_guards_off_lets_the_worker_outlive_its_owner(self) -> None:
        env = {"SNAKEPIT_GUARDS": "off", "SNAKEPIT_PING_TIMEOUT_MS": "200"}
        env["SNAKEPIT_OWNER_PID"] = str(os.getpid() + 1)
        worker = WorkerProcess(self, env=env)
        worker.read_ready()
        worker.control.close()
        time.sleep(0.6)
        self.assertIsNone(worker.process.poll())
        echoed = worker.stub().Execute(call("echo", {"still": "here"}), timeout=5)
        self.assertEqual(json.loads(echoed.result.data), {"still": "here"})

    @unittest.skipUnless(sys.platform.startswith("linux"), "PR_SET_PDEATHSIG is Linux-only")
    def test_dies_when_its_parent_dies_even_if_the_channel_stays_open(self) -> None:
        owner, child_end = socket.socketpair()
        self.addCleanup(owner.close)
        socket_dir = tempfile.mkdtemp(prefix="spw-")
        self.addCleanup(shutil.rmtree, socket_dir, True)
        fd = child_end.fileno()
        launcher = (
            "import os, subprocess, sys\n"
            "env = dict(os.environ, SNAKEPIT_OWNER_PID=str(os.getpid()))\n"
            f"argv = [sys.executable, '-m', 'snakepit_worker', '--snakepit-run-id', 'r',"
            f" '--socket', {os.path.join(socket_dir, 'w.sock')!r}, '--adapter', {DEMO_ADAPTER!r},"
            f" '--control-fd', '{fd}']\n"
            f"worker = subprocess.Popen(argv, env=env, pass_fds=[{fd}], start_new_session=True)\n"
            "print(worker.pid, flush=True)\n"
            "sys.stdin.read()\n"
        )
        env = dict(os.environ, PYTHONPATH=PYTHON_ROOT, SNAKEPIT_RUN_ID="r")
        parent = subprocess.Popen(
            [sys.executable, "-c", launcher],
            env=env,
            pass_fds=[fd],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        child_end.close()
        assert parent.stdout is not None and parent.stdin is not None
        self.addCleanup(parent.stdout.close)
        worker_pid = int(parent.stdout.readline())
        self.addCleanup(self.kill_group, worker_pid)
        self.addCleanup(parent.wait, 5)
        self.assertEqual(FrameReader(owner).read(10).WhichOneof("body"), "ready")
        parent.stdin.close()
        self.assertEqual(parent.wait(5), 0)
        self.assertTrue(wait_until(lambda: process_gone(worker_pid), 2))

    @staticmethod
    def kill_group(pgid: int) -> None:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except OSError:
            pass


if __name__ == "__main__":
    unittest.main()
