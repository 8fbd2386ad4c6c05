"""A test adapter that tells which modules the worker has imported.

Put this directory on ``PYTHONPATH`` and start a worker with
``--adapter module_probe_adapter``.
"""

from __future__ import annotations

import sys

from snakepit_worker import command


@command
def is_loaded(name: str) -> bool:
    """Whether module ``name`` is in ``sys.modules``."""
    return name in sys.modules
