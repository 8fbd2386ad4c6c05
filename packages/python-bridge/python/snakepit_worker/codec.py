"""Payloads and errors on the wire: JSON or raw bytes in, JSON or raw bytes out.

The calling convention maps one payload onto a Python call, so that a TypeScript
caller can pass keyword arguments (a JSON object), positional ones (an array), one
value, or a binary blob without the adapter writing any glue.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, Tuple, Union

from ._proto import snakepit_pb2
from .errors import SerializationError, format_traceback, qualified_type_name

JSON = "application/json"
OCTET_STREAM = "application/octet-stream"

Arguments = Tuple[Tuple[Any, ...], Dict[str, Any]]

Data = Union[bytes, bytearray, memoryview]
"""Payload bytes: ``bytes`` from a message, a ``bytearray`` the framed transport read a
large payload into, or a byte-format ``memoryview`` of a handler's result."""

MAX_SAFE_INTEGER = 2**53 - 1
"""The largest integer JavaScript's numbers hold exactly (``Number.MAX_SAFE_INTEGER``)."""

# An integer past MAX_SAFE_INTEGER has 16 digits or more; so may a float's repr
# (0.1234567890123456) or a string: a match only triggers the exact check.
_LONG_DIGIT_RUN = re.compile(r"\d{16,}")

# Made once: ``json.dumps`` with options builds an encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _media_type(content_type: str) -> str:
    if content_type == JSON or content_type == OCTET_STREAM:  # what the owner sends
        return content_type
    return content_type.split(";", 1)[0].strip().lower()


def decode_arguments(payload: Data, content_type: str) -> Arguments:
    """Turn a request payload into ``(args, kwargs)`` for the handler.

    JSON (the default when ``content_type`` is empty): an object is passed as keyword
    arguments, an array as positional ones, ``null`` or an empty payload as nothing,
    any other value as the single argument. ``application/octet-stream``: the bytes
    are the single argument, without a copy: ``bytes``, or the ``bytearray`` a large
    payload was received into (framed transport), which ``numpy.frombuffer`` and
    ``torch.frombuffer`` view in place.

    Raises:
        SerializationError: for an unknown content type or undecodable JSON.
    """
    media_type = _media_type(content_type)
    if media_type == OCTET_STREAM:
        return (payload if isinstance(payload, (bytes, bytearray)) else bytes(payload),), {}
    if media_type not in ("", JSON):
        raise SerializationError(
            f"unsupported content type {content_type!r}; expected {JSON!r} or {OCTET_STREAM!r}"
        )
    if not payload:
        return (), {}
    try:
        # The owner sends UTF-8 (what ``json.loads`` would detect, at more cost).
        value = json.loads(str(payload, "utf-8"))
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise SerializationError(f"payload is not valid JSON: {exc}") from exc
    if isinstance(value, dict):
        return (), value
    if isinstance(value, list):
        return tuple(value), {}
    if value is None:
        return (), {}
    return (value,), {}


def encode_value(value: Any) -> snakepit_pb2.Payload:
    """Encode a handler's result (or a streamed item).

    ``bytes``, ``bytearray`` and ``memoryview`` travel raw as
    ``application/octet-stream``; anything else as compact UTF-8 JSON. NaN and
    infinities are refused: JavaScript's ``JSON.parse`` rejects them; so are
    integers beyond ±(2**53 - 1), which it would round.

    Raises:
        SerializationError: naming the Python type that could not be encoded.
    """
    data, content_type = encode_data(value)
    return snakepit_pb2.Payload(data=bytes(data), content_type=content_type)


def encode_data(value: Any) -> Tuple[Data, str]:
    """Like :func:`encode_value`, as ``(data, content_type)``, without copying a result
    that is already bytes: ``bytes`` as they are, any other buffer as a byte-format
    view of it (copied only when it is not contiguous).

    Raises:
        SerializationError: naming the Python type that could not be encoded.
    """
    if isinstance(value, bytes):
        return value, OCTET_STREAM
    if isinstance(value, (bytearray, memoryview)):
        view = memoryview(value)
        return (view.cast("B") if view.c_contiguous else view.tobytes()), OCTET_STREAM
    try:
        text = _ENCODER.encode(value)
        data = text.encode("utf-8")
    except (TypeError, ValueError, RecursionError) as exc:
        cls = type(value)
        raise SerializationError(
            f"cannot encode a value of Python type {cls.__module__}.{cls.__qualname__} "
            f"as JSON: {exc}"
        ) from exc
    if _LONG_DIGIT_RUN.search(text):
        _check_safe_integers(value, "result")
    return data, JSON


def _check_safe_integers(value: Any, path: str) -> None:
    """Refuse an integer that JavaScript would silently round (instead of a wrong number).

    Raises:
        SerializationError: naming the integer and where it is.
    """
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise SerializationError(
                f"{path} is the integer {value}, beyond JavaScript's exact range "
                f"(±{MAX_SAFE_INTEGER}): JSON would round it; return it as a string"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_safe_integers(item, f"{path}[{key!r}]")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_safe_integers(item, f"{path}[{index}]")


def python_error(exc: BaseException) -> snakepit_pb2.PythonError:
    """Describe an exception for the owner: qualified type, message, traceback."""
    return snakepit_pb2.PythonError(
        type=qualified_type_name(exc), message=str(exc), traceback=format_traceback(exc)
    )
