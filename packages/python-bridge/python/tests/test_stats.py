"""Worker stats: the RSS read on every Pong is live, per process, and survives user code."""

from __future__ import annotations

import os
import unittest

from snakepit_worker import stats

_MIB = 1024 * 1024


class RssBytesTest(unittest.TestCase):
    def test_follows_the_memory_in_use(self) -> None:
        before = stats.rss_bytes()
        block = bytearray(64 * _MIB)  # zero-filled: its pages are touched
        try:
            self.assertGreater(stats.rss_bytes() - before, 48 * _MIB)
        finally:
            del block

    def test_a_forked_child_reports_its_own_rss_not_its_parents(self) -> None:
        stats.rss_bytes()  # the parent's descriptor is open before the fork
        ballast = bytearray(96 * _MIB)
        parent_rss = stats.rss_bytes()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: drop the ballast's pages, then report
            try:
                os.close(read_end)
                del ballast
                os.write(write_end, str(stats.rss_bytes()).encode())
            finally:
                os._exit(0)
        os.close(write_end)
        try:
            child_rss = int(os.read(read_end, 64))
        finally:
            os.close(read_end)
            os.waitpid(pid, 0)
        del ballast
        self.assertLess(child_rss, parent_rss - 48 * _MIB)

    def test_reads_again_after_user_code_closed_its_descriptor(self) -> None:
        stats.rss_bytes()
        _, fd = stats._statm
        os.close(fd)
        self.assertGreater(stats.rss_bytes(), _MIB)
        self.assertGreater(stats.rss_bytes(), _MIB)  # and keeps one open again


if __name__ == "__main__":
    unittest.main()
