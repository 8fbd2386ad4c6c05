"""Self-termination guards, with the fatal action replaced by a flag."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import unittest
from typing import Iterator

from snakepit_worker.guards import PingWatchdog, guards_enabled, owner_pid, watch_parent

from .helpers import PYTHON_ROOT


class SwitchTest(unittest.TestCase):
    def test_guards_are_on_unless_switched_off(self) -> None:
        self.assertTrue(guards_enabled({}))
        self.assertTrue(guards_enabled({"SNAKEPIT_GUARDS": "on"}))
        self.assertFalse(guards_enabled({"SNAKEPIT_GUARDS": "off"}))
        self.assertFalse(guards_enabled({"SNAKEPIT_GUARDS": " OFF "}))

    def test_reads_the_owner_pid(self) -> None:
        self.assertEqual(owner_pid({"SNAKEPIT_OWNER_PID": "1234"}), 1234)
        for value in ("", "abc", "0", "-5"):
            self.assertIsNone(owner_pid({"SNAKEPIT_OWNER_PID": value}))
        self.assertIsNone(owner_pid({}))


class ParentWatchTest(unittest.TestCase):
    def test_fires_once_the_parent_changes(self) -> None:
        parents: Iterator[int] = iter([100, 100, 100, 1])
        lost = threading.Event()
        watch_parent(100, on_lost=lost.set, interval_s=0.001, getppid=lambda: next(parents))
        self.assertTrue(lost.wait(2))


class PingWatchdogTest(unittest.TestCase):
    def test_fires_when_no_ping_arrives_within_the_window(self) -> None:
        expired = threading.Event()
        started = time.monotonic()
        PingWatchdog(0.1, expired.set).start()
        self.assertTrue(expired.wait(2))
        self.assertGreaterEqual(time.monotonic() - started, 0.1)

    def test_each_ping_restarts_the_window(self) -> None:
        expired = threading.Event()
        watchdog = PingWatchdog(0.15, expired.set)
        watchdog.start()
        for _ in range(6):
            time.sleep(0.05)
            watchdog.feed()
        self.assertFalse(expired.is_set())
        self.assertTrue(expired.wait(2))

    def test_a_busy_announcement_holds_the_window_until_its_end(self) -> None:
        expired = threading.Event()
        watchdog = PingWatchdog(0.1, expired.set)
        started = time.monotonic()
        watchdog.hold_for(400)
        watchdog.start()
        self.assertTrue(expired.wait(3))
        # Not before the announced end (0.4 s) plus the window (0.1 s).
        self.assertGreaterEqual(time.monotonic() - started, 0.45)

    def test_rejects_a_non_positive_window(self) -> None:
        with self.assertRaises(ValueError):
            PingWatchdog(0, lambda: None)


@unittest.skipUnless(sys.platform.startswith("linux"), "PR_SET_PDEATHSIG is Linux-only")
class DeathSignalTest(unittest.TestCase):
    def test_arms_sigkill_as_the_parent_death_signal(self) -> None:
        # In a child process: arming it here would tie the test runner to its parent.
        code = (
            "import ctypes, signal\n"
            "from snakepit_worker.guards import arm_parent_death_signal\n"
            "assert arm_parent_death_signal()\n"
            "value = ctypes.c_int()\n"
            "ctypes.CDLL(None).prctl(2, ctypes.byref(value), 0, 0, 0)\n"
            "print(value.value == signal.SIGKILL)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=PYTHON_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        )
        self.assertEqual((result.returncode, result.stdout.strip()), (0, "True"), result.stderr)


if __name__ == "__main__":
    unittest.main()
