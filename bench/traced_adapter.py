"""The adapter of bench/tracing.bench.mjs: an echo, and an echo inside one user span.

Needs the OpenTelemetry API in the workers' Python (``pip install opentelemetry-api``).
"""

from __future__ import annotations

from typing import Any

from opentelemetry import trace

_tracer = trace.get_tracer("bench")


def echo(value: Any = None) -> Any:
    return value


def echo_in_span(value: Any = None) -> Any:
    with _tracer.start_as_current_span("bench.work"):
        return value


COMMANDS = {"echo": echo, "echo_in_span": echo_in_span}
