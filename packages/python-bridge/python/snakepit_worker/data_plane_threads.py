"""The framed data plane's threads: a call runs on the thread that read it.

Handing each call from a reader thread to an executor thread put a thread wake-up and
a GIL hand-over on the critical path of every call: 0.152 ms against 0.089 ms median
for an echo when the reader ran the call itself (docs/adr/0012-framed-data-plane.md).
Handing the *reading* on instead (leader/follower) measured no better: the follower's
wake-up still met the handler at the GIL. What works is to wake nobody: on Linux every
thread of the data plane waits in one ``epoll``, each connection registered
``EPOLLONESHOT``. The kernel wakes one thread when a connection is readable; that
thread reads what is there, re-arms the connection, and runs the first call it read
itself. If more arrives meanwhile (a ``Cancel``, the next call), the kernel wakes
another waiting thread. Further calls read in the same batch are handed to other
threads through a wake-up pipe in the same ``epoll``.

``max_concurrency`` bounds the calls running at once, as the executor's thread count
did: threads are started as needed up to ``max_concurrency + 1``, so that one is
always free to read; a call read while ``max_concurrency`` run waits in a queue, and a
thread that finishes a call runs the next one waiting.

Without ``epoll`` (macOS, Windows) each connection has a reader thread and every call
is handed to a handler thread: the executor's design, and its cost.
"""

from __future__ import annotations

import os
import select
import socket
import sys
import threading
import traceback
from collections import deque
from typing import Callable, Deque, Dict, List, Optional

Task = Callable[[], None]
"""One call to run; it answers its own exceptions."""

Pump = Callable[[], bool]
"""Reads what a connection has (``FrameStream.pump``); False at its end.

May raise ``BlockingIOError`` (nothing there) or any other exception (the end)."""

HAS_EPOLL = hasattr(select, "epoll") and hasattr(socket, "MSG_DONTWAIT")

_ONESHOT = (select.EPOLLIN | select.EPOLLONESHOT) if HAS_EPOLL else 0


class _Registered:
    """A connection being read: its descriptor (the epoll key), its pump, its end."""

    def __init__(self, sock: socket.socket, pump: Pump, on_end: Callable[[], None]) -> None:
        self.fd = sock.fileno()
        self.pump = pump
        self.on_end = on_end


class DataPlaneThreads:
    """Reads the connections added to it and runs the calls their frames carry."""

    def __init__(
        self, max_concurrency: int, name: str = "snakepit-data", use_epoll: bool = HAS_EPOLL
    ) -> None:
        """``use_epoll=False`` gives the design of systems without it (tests run both)."""
        self.recv_flags = socket.MSG_DONTWAIT if use_epoll else 0
        """Flags for a pump's ``recv``: with ``epoll`` one read never blocks (the socket
        itself stays blocking, so that answers are written whole with ``sendall``)."""
        self._max_concurrency = max_concurrency
        self._name = name
        self._lock = threading.Lock()
        self._waiting: Deque[Task] = deque()
        self._handed: Deque[Task] = deque()
        """Admitted tasks (each holds a slot) waiting for a thread to run them."""
        self._is_wake_pending = False
        self._running = 0
        self._threads = 0
        self._idle = 0
        """Threads waiting in ``epoll`` (or on the pipe): free to read or to run a call."""
        self._registered: Dict[int, _Registered] = {}
        self._batch = threading.local()
        self._is_closed = False
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, not use_epoll)
        self._epoll = select.epoll() if use_epoll else None
        if self._epoll is not None:
            self._epoll.register(self._wake_r, _ONESHOT)

    def add(self, sock: socket.socket, pump: Pump, on_end: Callable[[], None]) -> None:
        """Read ``sock`` with ``pump`` from now on; ``on_end`` once it ends (any thread)."""
        registered = _Registered(sock, pump, on_end)
        if self._epoll is None:
            threading.Thread(
                target=self._reader_loop, args=(registered,), name=self._name, daemon=True
            ).start()
            return
        with self._lock:
            self._registered[registered.fd] = registered
        self._ensure_idle_thread()
        self._epoll.register(registered.fd, _ONESHOT)

    def submit(self, task: Task) -> None:
        """Run ``task`` (called by a pump's frame handler, on the pumping thread)."""
        with self._lock:
            if self._running >= self._max_concurrency:
                self._waiting.append(task)
                return
            self._running += 1
        batch: Optional[List[Task]] = getattr(self._batch, "tasks", None)
        if batch is not None:
            batch.append(task)  # run by this thread once its pump is done
        else:
            self._hand_over(task)

    def close(self) -> None:
        """Threads end once idle; calls running or waiting still run."""
        with self._lock:
            self._is_closed = True
            registered = list(self._registered.values())
            self._registered.clear()
        if self._epoll is not None:
            for entry in registered:
                try:
                    self._epoll.unregister(entry.fd)
                except (OSError, ValueError):
                    pass
        try:
            os.write(self._wake_w, b"x" * max(1, self._threads))
        except OSError:
            pass

    def _hand_over(self, task: Task) -> None:
        """Give an admitted task to another thread: a byte on the wake-up pipe, unless
        one is there already (the thread it wakes wakes the next, while tasks remain:
        64 calls read at once cost a wake-up per thread needed, not per call)."""
        with self._lock:
            self._handed.append(task)
            must_wake = not self._is_wake_pending
            self._is_wake_pending = True
        if must_wake:
            self._ensure_idle_thread()
            os.write(self._wake_w, b"t")

    def _take_handed(self) -> Optional[Task]:
        """The next task handed over, for a thread the wake-up pipe woke."""
        with self._lock:
            task = self._handed.popleft() if self._handed else None
            self._is_wake_pending = bool(self._handed)
            must_wake = self._is_wake_pending
        if must_wake:
            self._ensure_idle_thread()
            os.write(self._wake_w, b"t")
        return task

    def _ensure_idle_thread(self) -> None:
        """Start a thread when none waits and fewer than the most useful run."""
        limit = self._max_concurrency + (1 if self._epoll is not None else 0)
        with self._lock:
            if self._idle > 0 or self._threads >= limit or self._is_closed:
                return
            self._threads += 1
            self._idle += 1  # counted from now: the next caller need not start one too
        target = self._epoll_loop if self._epoll is not None else self._handler_loop
        threading.Thread(target=target, name=self._name, daemon=True).start()

    def _epoll_loop(self) -> None:
        assert self._epoll is not None
        while True:
            events = self._epoll.poll(-1, 1)
            if not events:
                continue
            with self._lock:
                self._idle -= 1
            fd = events[0][0]
            if fd == self._wake_r:
                if not self._take_wake_up():
                    return
                continue
            with self._lock:
                registered = self._registered.get(fd)
            if registered is not None:
                self._pump(registered)
            with self._lock:
                self._idle += 1

    def _take_wake_up(self) -> bool:
        """A byte on the wake-up pipe: run the task handed over; False once closed."""
        assert self._epoll is not None
        try:
            os.read(self._wake_r, 1)
        except BlockingIOError:
            pass
        self._epoll.modify(self._wake_r, _ONESHOT)  # the next byte wakes another thread
        if self._is_closed:
            return False
        task = self._take_handed()
        if task is not None:
            self._run(task)
        return True

    def _pump(self, registered: _Registered) -> None:
        """Read a readable connection, re-arm it, then run what was read."""
        assert self._epoll is not None
        tasks: List[Task] = []
        self._batch.tasks = tasks
        is_open = True
        try:
            is_open = registered.pump()
        except BlockingIOError:
            pass
        except Exception:  # garbage or a failed connection: it ends, and says why
            is_open = False
        finally:
            self._batch.tasks = None
        if is_open:
            try:
                self._epoll.modify(registered.fd, _ONESHOT)
            except (OSError, ValueError):
                is_open = False  # closed meanwhile
        if not is_open:
            self._end(registered)
        for task in tasks[1:]:
            self._hand_over(task)
        if tasks:
            self._run(tasks[0])

    def _end(self, registered: _Registered) -> None:
        with self._lock:
            is_ours = self._registered.pop(registered.fd, None) is registered
        if is_ours and self._epoll is not None:
            try:
                self._epoll.unregister(registered.fd)
            except (OSError, ValueError):
                pass
        _guarded(registered.on_end)

    def _run(self, task: Optional[Task]) -> None:
        """Run ``task``, then the calls waiting for a free slot, if any."""
        self._ensure_idle_thread()  # someone must read while this thread runs calls
        while task is not None:
            _guarded(task)
            with self._lock:
                if self._waiting:  # this call's slot goes to a call that waited for one
                    task = self._waiting.popleft()
                else:
                    self._running -= 1
                    # A task handed over holds a slot already: run it rather than wait
                    # for the thread woken for it (small calls run back to back).
                    task = self._handed.popleft() if self._handed else None

    def _reader_loop(self, registered: _Registered) -> None:
        """Without epoll: this thread only reads; every call goes to a handler thread."""
        try:
            while registered.pump():
                pass
        except Exception:
            pass
        _guarded(registered.on_end)

    def _handler_loop(self) -> None:
        """Without epoll: one byte on the (blocking) wake-up pipe per task handed over."""
        while True:
            try:
                os.read(self._wake_r, 1)
            except OSError:
                return
            if self._is_closed:
                return
            with self._lock:
                self._idle -= 1
            task = self._take_handed()
            if task is not None:
                self._run(task)
            with self._lock:
                self._idle += 1


def _guarded(work: Callable[[], None]) -> None:
    """Run ``work``; a bug in it is printed, and the thread lives on to serve others."""
    try:
        work()
    except Exception:  # pragma: no cover - tasks and pumps catch their own
        traceback.print_exc(file=sys.stderr)
