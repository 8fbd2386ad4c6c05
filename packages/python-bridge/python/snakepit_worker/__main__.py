"""``python -m snakepit_worker``: arm the parent-death guards, then start the worker.

The guards come first, before grpc and the adapter are imported (~100 ms), so that
an owner dying during our start cannot leave us behind; the guardian is forked among
them, while the process is still small and has a single thread.
"""

from __future__ import annotations

import os
import sys

from snakepit_worker.cgroup import join_cgroup
from snakepit_worker.guards import arm_owner_guards


def main() -> None:
    join_cgroup(os.environ)  # first: all we fork, the guardian included, is then inside
    arm_owner_guards(os.environ)
    from snakepit_worker.cli import parse_options
    from snakepit_worker.worker import run

    run(parse_options(sys.argv[1:], os.environ))


if __name__ == "__main__":
    main()
