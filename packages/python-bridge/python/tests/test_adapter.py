"""The three adapter forms, and the registry that keeps workers apart."""

from __future__ import annotations

import unittest
from typing import Any

from snakepit_worker import command
from snakepit_worker.adapter import CommandRegistry, load_adapter
from snakepit_worker.errors import AdapterError, UnknownCommandError

from .helpers import make_module


@command
def shout(text: str) -> str:
    return text.upper()


@command("predict")
def _predict_impl(x: float) -> float:
    return 2 * x


@command(name="named")
def _named_impl() -> str:
    return "named"


class CommandDecoratorTest(unittest.TestCase):
    def test_returns_the_function_unchanged(self) -> None:
        self.assertEqual(shout("hi"), "HI")
        self.assertEqual(_predict_impl(2), 4)

    def test_rejects_an_empty_or_non_string_name(self) -> None:
        with self.assertRaises(TypeError):
            command("")
        with self.assertRaises(TypeError):
            command(42)  # type: ignore[call-overload]


class RegistryTest(unittest.TestCase):
    def test_collects_decorated_functions_under_their_names(self) -> None:
        module = make_module("adapter_a", shout=shout, predict=_predict_impl, named=_named_impl)
        registry = CommandRegistry.from_module(module)
        self.assertEqual(registry.names(), ["named", "predict", "shout"])
        self.assertIs(registry.get("predict"), _predict_impl)

    def test_ignores_undecorated_functions(self) -> None:
        module = make_module("adapter_b", shout=shout, helper=lambda: None)
        self.assertEqual(CommandRegistry.from_module(module).names(), ["shout"])

    def test_accepts_a_commands_dict(self) -> None:
        module = make_module("adapter_c", COMMANDS={"double": lambda x: 2 * x, "len": len})
        registry = CommandRegistry.from_module(module)
        self.assertEqual(registry.names(), ["double", "len"])
        self.assertEqual(registry.get("double")(4), 8)

    def test_rejects_a_malformed_commands_dict(self) -> None:
        for commands in ([len], {"": len}, {"x": 42}):
            with self.subTest(commands=commands), self.assertRaises(AdapterError):
                CommandRegistry.from_module(make_module("bad", COMMANDS=commands))

    def test_instantiates_an_adapter_class_once_and_registers_its_public_methods(self) -> None:
        instances = []

        class Adapter:
            def __init__(self) -> None:
                instances.append(self)
                self.calls = 0

            def increment(self) -> int:
                self.calls += 1
                return self.calls

            @staticmethod
            def version() -> str:
                return "1"

            @command("rename")
            def renamed(self) -> str:
                return "renamed"

            def _private(self) -> None:
                raise AssertionError("private methods are not commands")

            @property
            def state(self) -> Any:
                raise AssertionError("properties must not run")

            class Nested:
                pass

        registry = CommandRegistry.from_module(make_module("adapter_d", Adapter=Adapter))
        self.assertEqual(registry.names(), ["increment", "rename", "version"])
        self.assertEqual(len(instances), 1)
        self.assertEqual([registry.get("increment")() for _ in range(2)], [1, 2])
        self.assertEqual(registry.get("rename")(), "renamed")

    def test_combines_the_forms_and_rejects_a_clash(self) -> None:
        module = make_module("adapter_e", shout=shout, COMMANDS={"len": len})
        self.assertEqual(CommandRegistry.from_module(module).names(), ["len", "shout"])
        clash = make_module("adapter_f", shout=shout, COMMANDS={"shout": len})
        with self.assertRaisesRegex(AdapterError, "'shout' is defined twice"):
            CommandRegistry.from_module(clash)

    def test_the_same_function_under_two_names_is_no_clash(self) -> None:
        module = make_module("adapter_g", shout=shout, alias=shout, COMMANDS={"shout": shout})
        self.assertEqual(CommandRegistry.from_module(module).names(), ["shout"])

    def test_rejects_a_module_without_commands(self) -> None:
        with self.assertRaisesRegex(AdapterError, "'empty' defines no commands"):
            CommandRegistry.from_module(make_module("empty", helper=len))

    def test_unknown_commands_list_the_available_ones(self) -> None:
        registry = CommandRegistry.from_module(make_module("adapter_h", shout=shout))
        with self.assertRaisesRegex(
            UnknownCommandError, "unknown command 'whisper'; available commands: shout"
        ):
            registry.get("whisper")

    def test_registries_of_different_modules_do_not_share_commands(self) -> None:
        first = CommandRegistry.from_module(make_module("one", shout=shout))
        second = CommandRegistry.from_module(make_module("two", predict=_predict_impl))
        self.assertEqual((first.names(), second.names()), (["shout"], ["predict"]))

    def test_loads_the_demo_adapter_by_module_name(self) -> None:
        names = load_adapter("snakepit_worker.demo_adapter").names()
        for name in ("echo", "add", "count", "hang", "busy_sleep", "spawn_children"):
            self.assertIn(name, names)
        self.assertEqual(load_adapter("snakepit_worker.demo_adapter").names(), names)

    def test_import_errors_propagate(self) -> None:
        with self.assertRaises(ModuleNotFoundError):
            load_adapter("snakepit_worker.no_such_adapter")


if __name__ == "__main__":
    unittest.main()
