"""``DataPlaneThreads``: calls run where they were read, bounded, and reading goes on."""

from __future__ import annotations

import functools
import socket
import threading
import unittest
from typing import List

from snakepit_worker.data_plane_threads import HAS_EPOLL, DataPlaneThreads

from .helpers import wait_until


class Line:
    """A toy protocol: each byte is a call; ``g`` waits for the gate, ``c`` opens it."""

    def __init__(self, threads: DataPlaneThreads, sock: socket.socket) -> None:
        self.threads = threads
        self.sock = sock
        self.gate = threading.Event()
        self.lock = threading.Lock()
        self.ran: List[str] = []
        self.running = 0
        self.most_running = 0
        self.ended = threading.Event()
        self.reader_idents: List[int] = []
        self.runner_idents: List[int] = []

    def pump(self) -> bool:
        data = self.sock.recv(64, self.threads.recv_flags)
        if not data:
            return False
        for byte in data.decode():
            if byte == "c":
                self.gate.set()  # seen while a call runs: reading went on
            else:
                self.reader_idents.append(threading.get_ident())
                self.threads.submit(functools.partial(self.call, byte))
        return True

    def call(self, name: str) -> None:
        with self.lock:
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        self.runner_idents.append(threading.get_ident())
        if name == "g":
            self.gate.wait(5)
        with self.lock:
            self.running -= 1
            self.ran.append(name)


class DataPlaneThreadsTest(unittest.TestCase):
    use_epoll = True

    def setUp(self) -> None:
        if self.use_epoll and not HAS_EPOLL:
            self.fail("this system has no epoll: run the tests on Linux")

    def start(self, max_concurrency: int) -> "tuple[Line, socket.socket]":
        threads = DataPlaneThreads(max_concurrency, use_epoll=self.use_epoll)
        self.addCleanup(threads.close)
        ours, theirs = socket.socketpair()
        self.addCleanup(ours.close)
        self.addCleanup(theirs.close)
        line = Line(threads, ours)
        threads.add(ours, line.pump, line.ended.set)
        return line, theirs

    def test_a_lone_call_runs_on_the_thread_that_read_it(self) -> None:
        line, theirs = self.start(4)
        for _ in range(5):
            theirs.sendall(b"a")
            self.assertTrue(
                wait_until(lambda: len(line.runner_idents) == len(line.reader_idents), 5)
            )
        if self.use_epoll:
            self.assertEqual(line.runner_idents, line.reader_idents)
        else:  # a reader thread hands every call on
            self.assertFalse(set(line.runner_idents) & set(line.reader_idents))

    def test_reading_goes_on_while_a_call_runs(self) -> None:
        line, theirs = self.start(1)
        theirs.sendall(b"g")
        self.assertTrue(wait_until(lambda: line.running == 1, 5))
        theirs.sendall(b"c")  # read by another thread: the gate opens
        self.assertTrue(wait_until(lambda: line.ran == ["g"], 5))

    def test_calls_beyond_max_concurrency_wait_and_all_run(self) -> None:
        line, theirs = self.start(2)
        theirs.sendall(b"ggggg")
        self.assertTrue(wait_until(lambda: line.running == 2, 5))
        self.assertEqual(line.ran, [])
        theirs.sendall(b"c")
        self.assertTrue(wait_until(lambda: len(line.ran) == 5, 5))
        self.assertEqual(line.most_running, 2)

    def test_the_end_of_a_connection_is_reported_once(self) -> None:
        line, theirs = self.start(2)
        theirs.sendall(b"a")
        self.assertTrue(wait_until(lambda: line.ran == ["a"], 5))
        theirs.close()
        self.assertTrue(line.ended.wait(5))


class DataPlaneThreadsWithoutEpollTest(DataPlaneThreadsTest):
    """The design of systems without epoll: a reader thread, calls handed on."""

    use_epoll = False


if __name__ == "__main__":
    unittest.main()
