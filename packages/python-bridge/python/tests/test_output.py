"""The fork-server output relay splits lines as the owner splits a spawned worker's
pipes (``LineSplitter.test.ts`` holds the same cases)."""

from __future__ import annotations

import random
import unittest
from typing import List, Optional, Sequence

from snakepit_worker.output import MAX_LINE_BYTES, LineSplitter


def split(chunks: Sequence[bytes], max_line_bytes: Optional[int] = None) -> List[str]:
    lines: List[str] = []
    if max_line_bytes is None:
        splitter = LineSplitter(lines.append)
    else:
        splitter = LineSplitter(lines.append, max_line_bytes)
    for chunk in chunks:
        splitter.push(chunk)
    splitter.end()
    return lines


class LineSplitterTest(unittest.TestCase):
    def test_ends_lines_at_lf_crlf_and_a_lone_cr(self) -> None:
        self.assertEqual(split([b"a\nb\r\nc\rd\n\n", b"e"]), ["a", "b", "c", "d", "", "e"])
        self.assertEqual(split([b"no line end"]), ["no line end"])
        self.assertEqual(split([b"x\n"]), ["x"])
        self.assertEqual(split([]), [])

    def test_takes_a_crlf_split_across_chunks_for_one_line_end(self) -> None:
        self.assertEqual(split([b"a\r", b"\nb\r", b"", b"\n", b"\r"]), ["a", "b", ""])
        self.assertEqual(split([b"50%\r", b"60%\r", b"70%\r"]), ["50%", "60%", "70%"])

    def test_hands_on_a_long_line_in_pieces_of_at_most_the_limit(self) -> None:
        self.assertEqual(split([b"abcd\n"], 4), ["abcd"])
        self.assertEqual(split([b"abcde\n"], 4), ["abcd", "e"])
        self.assertEqual(
            split([b"ab", b"cd", b"efghij", b"k\nxy"], 4), ["abcd", "efgh", "ijk", "xy"]
        )
        megabyte = b"x" * (1024 * 1024)
        pieces = split([megabyte[i : i + 65536] for i in range(0, len(megabyte), 65536)])
        self.assertEqual([len(piece) for piece in pieces], [MAX_LINE_BYTES] * 16)

    def test_never_cuts_a_utf8_character(self) -> None:
        self.assertEqual(split(["é€é€\n".encode()], 5), ["é€", "é€"])
        self.assertEqual(split(["ab€€".encode()], 4), ["ab", "€", "€"])
        pieces = split([b"\x80" * 10], 4)
        self.assertEqual([len(piece.encode()) for piece in pieces], [12, 12, 6])

    def test_chunking_does_not_change_the_lines(self) -> None:
        rng = random.Random(7)
        alphabet = b"a\n\r\xc3\xa9\xe2\x82\xac\x80"
        for _ in range(500):
            data = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
            limit = rng.randint(4, 12)
            chunks: List[bytes] = []
            at = 0
            while at < len(data):
                size = rng.randint(1, 30)
                chunks.append(data[at : at + size])
                at += size
            self.assertEqual(split(chunks, limit), split([data], limit), data)


if __name__ == "__main__":
    unittest.main()
