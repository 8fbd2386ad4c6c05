"""A test adapter whose import takes a while, like one that imports torch.

The delay is ``SNAKEPIT_TEST_IMPORT_DELAY_S`` seconds (default 1). Put this directory on
``PYTHONPATH`` and start a worker with ``--adapter slow_import_adapter``.
"""

from __future__ import annotations

import os
import time
from typing import Any, Dict

from snakepit_worker import command

time.sleep(float(os.environ.get("SNAKEPIT_TEST_IMPORT_DELAY_S", "1")))


@command
def echo(**kwargs: Any) -> Dict[str, Any]:
    """Return the keyword arguments unchanged."""
    return kwargs
