"""The worker's side of the cgroup layer, against a real cgroup v2 directory where the
machine has one (the integration tests need it too) and against plain directories."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import unittest
from contextlib import redirect_stderr

from snakepit_worker.cgroup import cgroup_path, join_cgroup, kill_cgroup

from .helpers import PYTHON_ROOT


def _own_cgroup_dir() -> str:
    """Our cgroup v2 directory (the same lookup as core's detectCgroupBase)."""
    with open("/proc/self/cgroup") as handle:
        own = next(line[3:].strip() for line in handle if line.startswith("0::"))
    with open("/proc/self/mountinfo") as handle:
        for line in handle:
            fields = line.split()
            if fields[fields.index("-") + 1] == "cgroup2":
                root, mount = fields[3], fields[4]
                return mount + own[len(root) if root != "/" else 0 :]
    raise AssertionError("no cgroup2 mount: the cgroup layer cannot be tested here")


class PathTest(unittest.TestCase):
    def test_no_cgroup_without_the_variable(self) -> None:
        self.assertIsNone(cgroup_path({}))
        self.assertIsNone(cgroup_path({"SNAKEPIT_WORKER_CGROUP": "  "}))
        self.assertTrue(join_cgroup({}))

    def test_a_failed_join_is_reported_not_raised(self) -> None:
        stderr = io.StringIO()
        with redirect_stderr(stderr):
            self.assertFalse(join_cgroup({"SNAKEPIT_WORKER_CGROUP": "/nonexistent/cgroup"}))
        self.assertIn("cannot join cgroup /nonexistent/cgroup", stderr.getvalue())
        kill_cgroup({"SNAKEPIT_WORKER_CGROUP": "/nonexistent/cgroup"})  # never raises

    def test_join_writes_our_pid(self) -> None:
        with tempfile.TemporaryDirectory() as directory:
            self.assertTrue(join_cgroup({"SNAKEPIT_WORKER_CGROUP": directory}))
            with open(os.path.join(directory, "cgroup.procs")) as procs:
                self.assertEqual(procs.read(), str(os.getpid()))


class RealCgroupTest(unittest.TestCase):
    def setUp(self) -> None:
        self.path = os.path.join(_own_cgroup_dir(), f"snakepit-pytest-{os.getpid()}")
        os.mkdir(self.path)
        self.addCleanup(self._remove)

    def _remove(self) -> None:
        kill_cgroup({"SNAKEPIT_WORKER_CGROUP": self.path})
        for _ in range(200):
            try:
                os.rmdir(self.path)
                return
            except OSError:
                time.sleep(0.01)

    def test_a_joined_process_and_its_setsid_child_die_of_kill_cgroup(self) -> None:
        # The child joins, starts a setsid grandchild, prints its pid and waits.
        script = (
            "import os, subprocess, sys, time\n"
            "from snakepit_worker.cgroup import join_cgroup\n"
            "assert join_cgroup(os.environ)\n"
            "p = subprocess.Popen(['sleep', '3600'], start_new_session=True)\n"
            "print(p.pid, flush=True)\n"
            "time.sleep(3600)\n"
        )
        env = {**os.environ, "PYTHONPATH": PYTHON_ROOT, "SNAKEPIT_WORKER_CGROUP": self.path}
        child = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE)
        self.addCleanup(child.wait)
        self.addCleanup(child.kill)
        assert child.stdout is not None
        grandchild = int(child.stdout.readline())
        with open(os.path.join(self.path, "cgroup.procs")) as procs:
            members = {int(pid) for pid in procs.read().split()}
        self.assertEqual(members, {child.pid, grandchild})

        kill_cgroup({"SNAKEPIT_WORKER_CGROUP": self.path})
        self.assertEqual(child.wait(timeout=5), -9)
        deadline = time.monotonic() + 5
        while os.path.exists(f"/proc/{grandchild}") and time.monotonic() < deadline:
            with open(f"/proc/{grandchild}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    break  # killed; its new parent reaps it when it gets to it
            time.sleep(0.01)
        self.assertFalse(_alive(grandchild))


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


if __name__ == "__main__":
    unittest.main()
