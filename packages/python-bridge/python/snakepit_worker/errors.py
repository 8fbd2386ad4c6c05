"""Errors that the worker reports to its owner, and how exception types are named.

The owner is TypeScript: it sees an exception only as a `PythonError` message, so
every exception needs a stable, qualified type name. The worker's own failures use
names under ``snakepit.`` so that they cannot be confused with the adapter's.
"""

from __future__ import annotations

import traceback


class SnakepitError(Exception):
    """Base of the errors the worker raises itself (not the adapter's code)."""

    wire_type = "snakepit.Error"


class UnknownCommandError(SnakepitError):
    """The request named a command that the adapter does not register."""

    wire_type = "snakepit.UnknownCommand"


class SerializationError(SnakepitError):
    """A payload could not be decoded, or a result could not be encoded."""

    wire_type = "snakepit.SerializationError"


class StreamError(SnakepitError):
    """A streamed command returned something that cannot be iterated."""

    wire_type = "snakepit.StreamError"


class AdapterError(SnakepitError):
    """The adapter module is unusable: no commands, a clash, a bad ``COMMANDS``."""

    wire_type = "snakepit.AdapterError"


class BindError(SnakepitError):
    """The gRPC server could not listen on the requested Unix socket."""

    wire_type = "snakepit.BindError"


def qualified_type_name(exc: BaseException) -> str:
    """Name an exception's type for the owner, e.g. ``builtins.ValueError``."""
    if isinstance(exc, SnakepitError):
        return exc.wire_type
    cls = type(exc)
    return f"{cls.__module__}.{cls.__qualname__}"


def format_traceback(exc: BaseException) -> str:
    """Format an exception with its traceback and chained causes."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
