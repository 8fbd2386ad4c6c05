"""The calling convention (payload → arguments) and result encoding."""

from __future__ import annotations

import array
import json
import unittest

from snakepit_worker.codec import (
    JSON,
    OCTET_STREAM,
    decode_arguments,
    encode_data,
    encode_value,
    python_error,
)
from snakepit_worker.errors import SerializationError, UnknownCommandError


class DecodeArgumentsTest(unittest.TestCase):
    def test_a_json_object_becomes_keyword_arguments(self) -> None:
        self.assertEqual(decode_arguments(b'{"a": 1, "b": [2]}', JSON), ((), {"a": 1, "b": [2]}))

    def test_a_json_array_becomes_positional_arguments(self) -> None:
        self.assertEqual(decode_arguments(b'[1, "x", null]', JSON), ((1, "x", None), {}))

    def test_null_and_an_empty_payload_mean_no_arguments(self) -> None:
        self.assertEqual(decode_arguments(b"null", JSON), ((), {}))
        self.assertEqual(decode_arguments(b"", JSON), ((), {}))
        self.assertEqual(decode_arguments(b"", ""), ((), {}))

    def test_any_other_json_value_is_the_single_argument(self) -> None:
        self.assertEqual(decode_arguments(b"3.5", JSON), ((3.5,), {}))
        self.assertEqual(decode_arguments('"héllo"'.encode(), ""), (("héllo",), {}))
        self.assertEqual(decode_arguments(b"false", JSON), ((False,), {}))

    def test_an_empty_content_type_means_json_and_parameters_are_ignored(self) -> None:
        self.assertEqual(decode_arguments(b"[1]", ""), ((1,), {}))
        self.assertEqual(decode_arguments(b"[1]", "Application/JSON; charset=utf-8"), ((1,), {}))

    def test_octet_stream_passes_the_bytes_as_the_single_argument(self) -> None:
        self.assertEqual(decode_arguments(b"\x00\xff", OCTET_STREAM), ((b"\x00\xff",), {}))
        self.assertEqual(decode_arguments(b"", OCTET_STREAM), ((b"",), {}))

    def test_a_received_buffer_is_passed_as_it_is_and_json_reads_one_too(self) -> None:
        buffer = bytearray(b"\x00\xff")
        (argument,), _ = decode_arguments(buffer, OCTET_STREAM)
        self.assertIs(argument, buffer)  # no copy: numpy.frombuffer views the received bytes
        self.assertEqual(decode_arguments(bytearray(b'{"a":1}'), JSON), ((), {"a": 1}))
        self.assertEqual(decode_arguments(memoryview(b"[1]"), JSON), ((1,), {}))

    def test_invalid_json_is_a_serialization_error(self) -> None:
        with self.assertRaisesRegex(SerializationError, "not valid JSON"):
            decode_arguments(b"{nope", JSON)
        with self.assertRaisesRegex(SerializationError, "not valid JSON"):
            decode_arguments(b'"\xff\xfe"', JSON)

    def test_an_unknown_content_type_is_a_serialization_error(self) -> None:
        with self.assertRaisesRegex(SerializationError, "unsupported content type 'text/plain'"):
            decode_arguments(b"hi", "text/plain")


class EncodeValueTest(unittest.TestCase):
    def test_encodes_compact_utf8_json(self) -> None:
        payload = encode_value({"name": "Zoë", "n": [1, 2.5, None, True]})
        self.assertEqual(payload.content_type, JSON)
        self.assertEqual(payload.data, '{"name":"Zoë","n":[1,2.5,null,true]}'.encode())

    def test_none_is_json_null(self) -> None:
        self.assertEqual(encode_value(None).data, b"null")

    def test_binary_results_travel_raw(self) -> None:
        for value in (b"\x00\x01", bytearray(b"\x00\x01"), memoryview(b"\x00\x01")):
            payload = encode_value(value)
            self.assertEqual((payload.data, payload.content_type), (b"\x00\x01", OCTET_STREAM))

    def test_encode_data_views_a_buffer_result_without_copying_it(self) -> None:
        blob = b"\x00\x01"
        self.assertEqual(encode_data(blob), (blob, OCTET_STREAM))
        self.assertIs(encode_data(blob)[0], blob)
        floats = array.array("f", [1.0, 2.0])
        view, content_type = encode_data(memoryview(floats))
        self.assertIsInstance(view, memoryview)
        self.assertEqual(
            (len(view), bytes(view), content_type), (8, floats.tobytes(), OCTET_STREAM)
        )
        floats[0] = 3.0
        self.assertEqual(bytes(view), floats.tobytes())  # a view of the result, not a copy
        strided = memoryview(b"abcdef")[::2]
        self.assertEqual(encode_data(strided), (b"ace", OCTET_STREAM))
        self.assertEqual(encode_data([1]), (b"[1]", JSON))

    def test_an_unserialisable_result_names_its_python_type(self) -> None:
        with self.assertRaisesRegex(SerializationError, "builtins.set.*not JSON serializable"):
            encode_value({1, 2})

        class Point:
            pass

        with self.assertRaisesRegex(SerializationError, r"test_codec\.EncodeValueTest\..*Point"):
            encode_value(Point())

    def test_nan_is_refused_because_javascript_cannot_parse_it(self) -> None:
        with self.assertRaises(SerializationError):
            encode_value([float("nan")])

    def test_an_integer_javascript_would_round_is_refused_with_where_it_is(self) -> None:
        where = r"result\['ids'\]\[1\] is the integer 9007199254740993"
        with self.assertRaisesRegex(SerializationError, where):
            encode_value({"ids": [1, 2**53 + 1]})
        with self.assertRaisesRegex(SerializationError, "return it as a string"):
            encode_value(-(2**60))

    def test_safe_integers_long_floats_and_digit_strings_pass(self) -> None:
        value = [2**53 - 1, -(2**53 - 1), 0.1234567890123456, "12345678901234567890", True]
        self.assertEqual(json.loads(encode_value(value).data), value)

    def test_a_lone_surrogate_is_a_serialization_error(self) -> None:
        with self.assertRaises(SerializationError):
            encode_value("\ud800")

    def test_round_trips_through_the_calling_convention(self) -> None:
        value = {"nested": {"list": [1, "two", {"three": 3}]}}
        payload = encode_value(value)
        self.assertEqual(decode_arguments(payload.data, payload.content_type), ((), value))
        self.assertEqual(json.loads(payload.data), value)


class Outer:
    class Failure(Exception):
        pass


class PythonErrorTest(unittest.TestCase):
    def test_names_builtin_and_nested_exception_types(self) -> None:
        try:
            raise Outer.Failure("bad thing")
        except Outer.Failure as exc:
            error = python_error(exc)
        self.assertEqual(error.type, "tests.test_codec.Outer.Failure")
        self.assertEqual(error.message, "bad thing")
        self.assertIn("Traceback (most recent call last)", error.traceback)
        self.assertIn('raise Outer.Failure("bad thing")', error.traceback)
        self.assertEqual(python_error(ValueError("v")).type, "builtins.ValueError")

    def test_the_workers_own_errors_use_snakepit_names(self) -> None:
        self.assertEqual(python_error(UnknownCommandError("x")).type, "snakepit.UnknownCommand")
        self.assertEqual(python_error(SerializationError("x")).type, "snakepit.SerializationError")

    def test_includes_chained_causes(self) -> None:
        try:
            try:
                raise KeyError("inner")
            except KeyError as inner:
                raise RuntimeError("outer") from inner
        except RuntimeError as exc:
            error = python_error(exc)
        self.assertIn("KeyError: 'inner'", error.traceback)
        self.assertIn("direct cause", error.traceback)


if __name__ == "__main__":
    unittest.main()
