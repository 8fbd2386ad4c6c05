"""The worker's command line and environment, parsed and checked in one place.

Bad input is a bug in the owner: it exits with status 2 and a message on stderr
(the control channel may not be usable yet).
"""

from __future__ import annotations

import argparse
import functools
import os
from dataclasses import dataclass
from typing import Dict, List, Mapping, NoReturn, Optional, Union

from .guards import guards_enabled

DEFAULT_MAX_CONCURRENCY = 8
MAX_CONCURRENCY_LIMIT = 1024
DEFAULT_CONTROL_FD = 3
TRANSPORTS = ("grpc", "framed")
"""Data planes a worker serves: grpc (needs grpcio), or framed (standard library only)."""


@dataclass(frozen=True)
class WorkerOptions:
    """Everything the worker needs to know to start."""

    socket_path: str
    """Absolute path of the Unix socket the data plane listens on."""
    adapter: str
    """Importable module name of the adapter."""
    max_concurrency: int
    control_fd: int
    ping_timeout_ms: int
    """Exit if no Ping arrives for this long; 0 disables the watchdog."""
    guards: bool
    """False when ``SNAKEPIT_GUARDS=off``: nothing makes the worker kill itself."""
    transport: str = "grpc"
    """The data plane: ``grpc`` or ``framed`` (``DataFrame``s; grpc is never imported)."""


@functools.lru_cache(maxsize=None)
def worker_parser() -> argparse.ArgumentParser:
    """The worker's argument parser, built once per process.

    The fork server builds it before forking (``forkserver._preload``): building it in
    a forked worker took ~12 ms of CPU and ~260 copy-on-write page faults there
    (2-core VM, 2026-12-06), parsing with a prebuilt one 0.5 ms and ~9 faults.
    """
    parser = argparse.ArgumentParser(
        prog="python -m snakepit_worker", description="Serve an adapter's commands."
    )
    parser.add_argument(
        "--snakepit-run-id", required=True, help="the owner's run id (marks the process)"
    )
    parser.add_argument("--socket", required=True, help="Unix socket path of the data plane")
    parser.add_argument("--adapter", required=True, help="adapter module to import")
    parser.add_argument(
        "--max-concurrency",
        type=int,
        default=DEFAULT_MAX_CONCURRENCY,
        help=f"handler threads (default {DEFAULT_MAX_CONCURRENCY})",
    )
    parser.add_argument(
        "--control-fd",
        type=int,
        default=DEFAULT_CONTROL_FD,
        help=f"control channel descriptor (default {DEFAULT_CONTROL_FD})",
    )
    parser.add_argument(
        "--transport",
        choices=TRANSPORTS,
        default="grpc",
        help="data plane: grpc (default) or framed",
    )
    return parser


_FLAGS = {
    "--snakepit-run-id": "snakepit_run_id",
    "--socket": "socket",
    "--adapter": "adapter",
    "--max-concurrency": "max_concurrency",
    "--control-fd": "control_fd",
    "--transport": "transport",
}
_REQUIRED = ("snakepit_run_id", "socket", "adapter")


def _parse_plain(argv: List[str]) -> Optional[argparse.Namespace]:
    """What ``worker_parser()`` makes of ``--flag value`` pairs spelled in full, as the
    owner writes them; None for anything else (argparse then parses it, or explains
    what is wrong).

    A forked worker parses its options after the fork, where argparse itself cost ~150
    copy-on-write page faults, ~7 ms of CPU (2-core VM, 2026-12-06).
    """
    values: Dict[str, Union[str, int]] = {
        "max_concurrency": DEFAULT_MAX_CONCURRENCY,
        "control_fd": DEFAULT_CONTROL_FD,
        "transport": "grpc",
    }
    if len(argv) % 2:
        return None
    for flag, value in zip(argv[::2], argv[1::2]):
        name = _FLAGS.get(flag)
        if name is None or value.startswith("-"):
            return None
        values[name] = value
    if any(name not in values for name in _REQUIRED) or values["transport"] not in TRANSPORTS:
        return None
    try:
        values["max_concurrency"] = int(values["max_concurrency"])
        values["control_fd"] = int(values["control_fd"])
    except ValueError:
        return None
    return argparse.Namespace(**values)


def _usage_error(message: str) -> NoReturn:
    # The parser is built only here when the owner's argv is plain: a spawned worker
    # then never builds it (~260 page faults, ~12 ms of CPU).
    worker_parser().error(message)


def parse_options(argv: List[str], environ: Mapping[str, str]) -> WorkerOptions:
    """Parse the command line and ``SNAKEPIT_*`` variables; exit with status 2 on error."""
    args = _parse_plain(argv)
    if args is None:
        args = worker_parser().parse_args(argv)

    if not 1 <= args.max_concurrency <= MAX_CONCURRENCY_LIMIT:
        _usage_error(
            f"Expected `--max-concurrency` to be an integer in 1–{MAX_CONCURRENCY_LIMIT}, "
            f"got `{args.max_concurrency}`"
        )
    try:
        os.fstat(args.control_fd)
    except OSError as exc:
        _usage_error(f"`--control-fd` {args.control_fd} is not an open descriptor: {exc}")
    env_run_id = environ.get("SNAKEPIT_RUN_ID")
    if env_run_id is not None and env_run_id != args.snakepit_run_id:
        _usage_error(
            f"SNAKEPIT_RUN_ID `{env_run_id}` differs from --snakepit-run-id "
            f"`{args.snakepit_run_id}`"
        )
    raw_timeout = environ.get("SNAKEPIT_PING_TIMEOUT_MS", "").strip() or "0"
    if not (raw_timeout.isascii() and raw_timeout.isdigit()):
        _usage_error(
            f"Expected SNAKEPIT_PING_TIMEOUT_MS to be a non-negative integer, got `{raw_timeout}`"
        )
    return WorkerOptions(
        socket_path=os.path.abspath(args.socket),
        adapter=args.adapter,
        max_concurrency=args.max_concurrency,
        control_fd=args.control_fd,
        ping_timeout_ms=int(raw_timeout),
        guards=guards_enabled(environ),
        transport=args.transport,
    )
