"""The command line and environment contract with the owner."""

from __future__ import annotations

import contextlib
import io
import os
import unittest
from typing import Dict, List

from snakepit_worker.cli import WorkerOptions, parse_options

ARGS = ["--snakepit-run-id", "run1", "--socket", "/tmp/run1/w1.sock", "--adapter", "my.adapter"]


class ParseOptionsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.fd = os.open(os.devnull, os.O_RDONLY)
        self.addCleanup(os.close, self.fd)

    def parse(self, extra: List[str], env: Dict[str, str]) -> WorkerOptions:
        return parse_options(ARGS + ["--control-fd", str(self.fd)] + extra, env)

    def assertUsageError(self, extra: List[str], env: Dict[str, str], message: str) -> None:
        stderr = io.StringIO()
        with self.assertRaises(SystemExit) as raised, contextlib.redirect_stderr(stderr):
            self.parse(extra, env)
        self.assertEqual(raised.exception.code, 2)
        self.assertIn(message, stderr.getvalue())

    def test_parses_the_command_line_and_environment(self) -> None:
        env = {"SNAKEPIT_RUN_ID": "run1", "SNAKEPIT_PING_TIMEOUT_MS": "6000"}
        options = self.parse(["--max-concurrency", "4"], env)
        self.assertEqual(
            options,
            WorkerOptions(
                socket_path="/tmp/run1/w1.sock",
                adapter="my.adapter",
                max_concurrency=4,
                control_fd=self.fd,
                ping_timeout_ms=6000,
                guards=True,
            ),
        )

    def test_defaults(self) -> None:
        try:
            os.fstat(3)
        except OSError:  # the default descriptor must be open to pass the check
            os.dup2(self.fd, 3)
            self.addCleanup(os.close, 3)
        options = parse_options(ARGS, {"SNAKEPIT_GUARDS": "off"})
        self.assertEqual(options.max_concurrency, 8)
        self.assertEqual(options.control_fd, 3)
        self.assertEqual(options.ping_timeout_ms, 0)
        self.assertFalse(options.guards)

    def test_makes_the_socket_path_absolute(self) -> None:
        args = ["--socket", "w1.sock", "--control-fd", str(self.fd)]
        options = parse_options(ARGS + args, {})
        self.assertEqual(options.socket_path, os.path.abspath("w1.sock"))

    def test_rejects_bad_input_with_exit_status_2(self) -> None:
        self.assertUsageError(["--max-concurrency", "0"], {}, "`--max-concurrency`")
        self.assertUsageError([], {"SNAKEPIT_RUN_ID": "other"}, "differs from --snakepit-run-id")
        self.assertUsageError([], {"SNAKEPIT_PING_TIMEOUT_MS": "-1"}, "SNAKEPIT_PING_TIMEOUT_MS")
        self.assertUsageError([], {"SNAKEPIT_PING_TIMEOUT_MS": "1.5"}, "SNAKEPIT_PING_TIMEOUT_MS")
        closed_fd = os.open(os.devnull, os.O_RDONLY)
        os.close(closed_fd)
        self.assertUsageError(["--control-fd", str(closed_fd)], {}, "not an open descriptor")

    def test_reads_every_spelling_argparse_reads_the_same(self) -> None:
        # The owner's plain `--flag value` pairs skip argparse (cli._parse_plain);
        # other spellings, and mistakes, still go through it.
        fd = str(self.fd)
        plain = ARGS + ["--max-concurrency", "4", "--transport", "framed", "--control-fd", fd]
        expected = parse_options(plain, {})
        spellings = [
            ["--snakepit-run-id=run1", "--socket=/tmp/run1/w1.sock", "--adapter", "my.adapter"],
            ["--snakepit-run", "run1", "--sock", "/tmp/run1/w1.sock", "--adapter", "my.adapter"],
        ]
        for spelling in spellings:
            rest = ["--max-concurrency=4", "--transport", "framed", "--control-fd", fd]
            with self.subTest(spelling=spelling):
                self.assertEqual(parse_options(spelling + rest, {}), expected)
        self.assertUsageError(["--transport", "carrier-pigeon"], {}, "invalid choice")
        self.assertUsageError(["--max-concurrency", "many"], {}, "invalid int value")
        self.assertUsageError(["--unknown", "1"], {}, "unrecognized arguments")


if __name__ == "__main__":
    unittest.main()
