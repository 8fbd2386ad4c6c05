"""The fork server: its protocol with real processes, and its fork-safety check."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

from snakepit_worker.forkserver import fork_safety_problems

from .helpers import PYTHON_ROOT, FrameReader, process_gone, proc_stat, wait_until


class ForkSafetyTest(unittest.TestCase):
    def test_a_thread_started_at_import_is_named(self) -> None:
        self.assertEqual(fork_safety_problems(), [])
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait, name="poller")
        thread.start()
        try:
            problems = fork_safety_problems()
        finally:
            stop.set()
            thread.join()
        self.assertEqual(len(problems), 1)
        self.assertIn("poller", problems[0])


class ForkServerTest(unittest.TestCase):
    def setUp(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="spfs-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.listen = os.path.join(self.dir, "fs.sock")
        self.run_id = f"test-{uuid.uuid4().hex[:8]}"
        self.control, child_end = socket.socketpair()
        env = dict(
            os.environ,
            PYTHONPATH=PYTHON_ROOT,
            SNAKEPIT_RUN_ID=self.run_id,
            SNAKEPIT_OWNER_PID=str(os.getpid()),
            PYTHONUNBUFFERED="1",
        )
        child_fd = child_end.fileno()

        def on_fd_3() -> None:
            os.dup2(child_fd, 3)

        self.server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "snakepit_worker.forkserver",
                "--snakepit-run-id",
                self.run_id,
                "--listen",
                self.listen,
                "--preload",
                "snakepit_worker.demo_adapter",
            ],
            env=env,
            # The fork server's control channel is fd 3; pass_fds would close the
            # copy made in the child, so nothing is closed (the test's fds are few).
            close_fds=False,
            preexec_fn=on_fd_3,
            start_new_session=True,
            stdin=subprocess.DEVNULL,
        )
        child_end.close()
        self.addCleanup(self._stop)
        answer = json.loads(self.control.makefile().readline())
        self.assertEqual(answer["ready"]["pid"], self.server.pid)

    def _stop(self) -> None:
        self.control.close()  # end-of-file: the fork server exits, its workers follow
        self.server.wait(timeout=10)

    def _fork(self, name: str) -> "tuple[int, socket.socket]":
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(self.listen)
        request = {
            "argv": [
                "--snakepit-run-id",
                self.run_id,
                "--adapter",
                "snakepit_worker.demo_adapter",
                "--socket",
                os.path.join(self.dir, f"{name}.sock"),
            ],
            "env": {"SNAKEPIT_WORKER_ID": name, "SNAKEPIT_PING_TIMEOUT_MS": "0"},
            "exitFile": os.path.join(self.dir, f"{name}.exit"),
        }
        connection.sendall((json.dumps(request) + "\n").encode())
        line = b""
        while not line.endswith(b"\n"):
            line += connection.recv(1)
        return int(line), connection

    def test_forks_a_worker_that_says_ready_on_the_connection(self) -> None:
        pid, connection = self._fork("w1")
        frame = FrameReader(connection).read(timeout_s=10)
        self.assertEqual(frame.ready.pid, pid)
        stat = proc_stat(pid)
        assert stat is not None
        self.assertEqual(int(stat[1]), self.server.pid)  # its parent: the fork server
        self.assertEqual(int(stat[2]), pid)  # its own process group
        with open(f"/proc/{pid}/comm") as comm:
            self.assertNotEqual(comm.read().strip(), "snakepit-zygote")
        with open(f"/proc/{self.server.pid}/comm") as comm:
            self.assertEqual(comm.read().strip(), "snakepit-zygote")

        os.kill(pid, signal.SIGKILL)
        exit_file = os.path.join(self.dir, "w1.exit")
        self.assertTrue(wait_until(lambda: os.path.exists(exit_file), 5))
        with open(exit_file) as handle:
            self.assertEqual(json.load(handle), {"signal": 9})
        connection.close()

    def test_its_workers_die_with_it(self) -> None:
        pid, connection = self._fork("w1")
        FrameReader(connection).read(timeout_s=10)
        os.kill(self.server.pid, signal.SIGKILL)
        self.assertTrue(wait_until(lambda: process_gone(pid), 5))
        connection.close()

    def test_answers_a_malformed_request_with_an_error_and_keeps_serving(self) -> None:
        bad = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        bad.connect(self.listen)
        bad.sendall(b'{"no": "argv"}\n')
        self.assertTrue(bad.makefile().readline().startswith("error "))
        bad.close()
        pid, connection = self._fork("w2")
        self.assertEqual(FrameReader(connection).read(timeout_s=10).ready.pid, pid)
        connection.close()
        wait_until(lambda: process_gone(pid), 5)


if __name__ == "__main__":
    unittest.main()
