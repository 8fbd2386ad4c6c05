"""snakepit_worker: the Python side of Snakepit, a supervised pool of Python workers.

Adapter authors need only this module's public names::

    from snakepit_worker import command, busy, current_call

    @command
    def echo(**kwargs):
        return kwargs

The worker itself runs as ``python -m snakepit_worker`` (see ``README.md``). Importing
this package stays cheap (standard library only): it happens before the worker's
guards are armed.
"""

from .adapter import command
from .context import CallContext, busy, current_call

__version__ = "0.1.0"

__all__ = ["CallContext", "busy", "command", "current_call", "__version__"]
