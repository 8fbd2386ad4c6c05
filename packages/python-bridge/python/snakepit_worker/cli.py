"""The worker's command line and environment, parsed and checked in one place.

Bad input is a bug in the owner: it exits with status 2 and a message on stderr
(the control channel may not be usable yet).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import List, Mapping

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


def parse_options(argv: List[str], environ: Mapping[str, str]) -> WorkerOptions:
    """Parse the command line and ``SNAKEPIT_*`` variables; exit with status 2 on error."""
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
    args = parser.parse_args(argv)

    if not 1 <= args.max_concurrency <= MAX_CONCURRENCY_LIMIT:
        parser.error(
            f"Expected `--max-concurrency` to be an integer in 1–{MAX_CONCURRENCY_LIMIT}, "
            f"got `{args.max_concurrency}`"
        )
    try:
        os.fstat(args.control_fd)
    except OSError as exc:
        parser.error(f"`--control-fd` {args.control_fd} is not an open descriptor: {exc}")
    env_run_id = environ.get("SNAKEPIT_RUN_ID")
    if env_run_id is not None and env_run_id != args.snakepit_run_id:
        parser.error(
            f"SNAKEPIT_RUN_ID `{env_run_id}` differs from --snakepit-run-id "
            f"`{args.snakepit_run_id}`"
        )
    raw_timeout = environ.get("SNAKEPIT_PING_TIMEOUT_MS", "").strip() or "0"
    if not (raw_timeout.isascii() and raw_timeout.isdigit()):
        parser.error(
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
