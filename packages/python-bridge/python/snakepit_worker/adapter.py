"""Commands: the ``@command`` decorator and the registry built from an adapter module.

``@command`` only marks a function; the registry is built by scanning the adapter
module once it is imported. No global registry exists, so two workers (or two tests)
in one interpreter never see each other's commands, and re-importing a module
yields the same commands. This module imports only the standard library: it is
loaded before the worker's guards are armed.
"""

from __future__ import annotations

import importlib
import types
from typing import Any, Callable, Dict, List, Mapping, Optional, TypeVar, overload

from .errors import AdapterError, UnknownCommandError

Handler = Callable[..., Any]
F = TypeVar("F", bound=Handler)

_MARK = "__snakepit_command__"


@overload
def command(handler: F, /) -> F: ...


@overload
def command(name: Optional[str] = None, /) -> Callable[[F], F]: ...


@overload
def command(*, name: str) -> Callable[[F], F]: ...


def command(target: Any = None, /, *, name: Optional[str] = None) -> Any:
    """Mark a module-level function of the adapter as a command.

    ``@command`` registers it under the function's name, ``@command("predict")`` (or
    ``@command(name="predict")``) under an explicit one. The function is returned
    unchanged. It must be reachable as an attribute of the adapter module (import it
    there when it is defined elsewhere).
    """
    if callable(target):
        return _mark(target, target.__name__)
    explicit = target if target is not None else name
    if explicit is not None and not (isinstance(explicit, str) and explicit):
        raise TypeError(f"Expected a command name to be a non-empty string, got {explicit!r}")

    def decorate(handler: F) -> F:
        return _mark(handler, explicit or handler.__name__)

    return decorate


def _mark(handler: F, name: str) -> F:
    setattr(handler, _MARK, name)
    return handler


class CommandRegistry:
    """The commands of one worker: a name → handler map, immutable once loaded."""

    def __init__(self) -> None:
        self._handlers: Dict[str, Handler] = {}

    def register(self, name: str, handler: Handler) -> None:
        """Add a command; the same name twice for different handlers is an error."""
        if not callable(handler):
            raise AdapterError(f"command {name!r} is not callable: {handler!r}")
        existing = self._handlers.get(name)
        if existing is not None and existing is not handler:
            raise AdapterError(f"command {name!r} is defined twice: {existing!r} and {handler!r}")
        self._handlers[name] = handler

    def get(self, name: str) -> Handler:
        """Return the handler for ``name``.

        Raises:
            UnknownCommandError: naming the commands that do exist.
        """
        handler = self._handlers.get(name)
        if handler is None:
            available = ", ".join(self.names()) or "(none)"
            raise UnknownCommandError(f"unknown command {name!r}; available commands: {available}")
        return handler

    def names(self) -> List[str]:
        """The registered command names, sorted."""
        return sorted(self._handlers)

    @classmethod
    def from_module(cls, module: types.ModuleType) -> CommandRegistry:
        """Collect the commands of an adapter module.

        Three forms are accepted and may be combined: functions marked with
        ``@command``; a top-level ``COMMANDS`` mapping of name → callable; and a class
        named ``Adapter``, instantiated once, whose public methods become commands
        (a method marked with ``@command("x")`` is registered as ``x``).

        Raises:
            AdapterError: when the module defines no command, two handlers share a
                name, or ``COMMANDS`` is not a mapping of strings to callables.
        """
        registry = cls()
        for value in list(vars(module).values()):
            if isinstance(value, types.FunctionType) and hasattr(value, _MARK):
                registry.register(getattr(value, _MARK), value)
        commands = getattr(module, "COMMANDS", None)
        if commands is not None:
            if not isinstance(commands, Mapping):
                raise AdapterError(f"COMMANDS must be a dict, got {type(commands).__name__}")
            for name, handler in commands.items():
                if not isinstance(name, str) or not name:
                    raise AdapterError(f"COMMANDS keys must be non-empty strings, got {name!r}")
                registry.register(name, handler)
        adapter_class = getattr(module, "Adapter", None)
        if isinstance(adapter_class, type):
            registry._register_methods(adapter_class)
        if not registry._handlers:
            raise AdapterError(
                f"adapter {module.__name__!r} defines no commands: decorate functions with "
                "@snakepit_worker.command, define a COMMANDS dict, or define an Adapter class"
            )
        return registry

    def _register_methods(self, adapter_class: type) -> None:
        instance = adapter_class()
        for attr in dir(adapter_class):
            # Looked up on the class first: a property must not run, a nested class is
            # not a command.
            member = getattr(adapter_class, attr)
            if attr.startswith("_") or not callable(member) or isinstance(member, type):
                continue
            method = getattr(instance, attr)
            self.register(getattr(method, _MARK, attr), method)


def load_adapter(module_name: str) -> CommandRegistry:
    """Import the adapter module and collect its commands.

    Raises:
        AdapterError: see ``CommandRegistry.from_module``.
        Exception: whatever importing the module raised.
    """
    return CommandRegistry.from_module(importlib.import_module(module_name))
