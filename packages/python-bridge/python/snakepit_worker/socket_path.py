"""Where the data plane listens, and how large its messages may be: shared by both transports.

Standard library only: the framed transport must not import grpc.
"""

from __future__ import annotations

import os
import stat
from typing import Mapping

from .errors import BindError

MAX_SOCKET_PATH_BYTES = 107
"""Longest Unix socket path the kernel accepts (``sun_path`` less its NUL)."""

DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024 + 64 * 1024
"""gRPC's default message limit plus room for the envelope (the owner's default)."""


def max_message_bytes(environ: Mapping[str, str] = os.environ) -> int:
    """The owner's message limit (``SNAKEPIT_MAX_MESSAGE_BYTES``): payload plus envelope."""
    value = environ.get("SNAKEPIT_MAX_MESSAGE_BYTES", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_MESSAGE_BYTES


def check_socket_path(path: str) -> None:
    """Raise ``BindError`` with the reason when ``path`` cannot be listened on.

    Raises:
        BindError: the path is too long, its directory is missing, or a file that
            is not a socket is in the way.
    """
    size = len(os.fsencode(path))
    if size > MAX_SOCKET_PATH_BYTES:
        raise BindError(
            f"socket path {path!r} is {size} bytes long; "
            f"Unix socket paths must be at most {MAX_SOCKET_PATH_BYTES} bytes"
        )
    directory = os.path.dirname(path)
    if not os.path.isdir(directory):
        raise BindError(f"the directory of socket path {path!r} does not exist")
    if os.path.lexists(path) and not stat.S_ISSOCK(os.lstat(path).st_mode):
        raise BindError(f"socket path {path!r} exists and is not a socket")
