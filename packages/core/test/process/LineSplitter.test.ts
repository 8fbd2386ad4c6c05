import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_OUTPUT_LINE_BYTES } from '../../src/process/LineSplitter.js';
import { spawnProcess } from '../../src/process/spawnProcess.js';

function split(chunks: readonly (string | Buffer)[], maxLineBytes?: number): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line), maxLineBytes);
  for (const chunk of chunks) splitter.push(Buffer.from(chunk));
  splitter.end();
  return lines;
}

/** The splitter's rules applied to the whole input at once. */
function model(input: Buffer, maxLineBytes: number): string[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== 0x0a && input[i] !== 0x0d) continue;
    lines.push(input.subarray(start, i));
    if (input[i] === 0x0d && input[i + 1] === 0x0a) i++;
    start = i + 1;
  }
  if (start < input.length) lines.push(input.subarray(start));
  const out: string[] = [];
  for (let line of lines) {
    while (line.length > maxLineBytes) {
      let cut = maxLineBytes;
      while (cut > maxLineBytes - 3 && (line[cut]! & 0xc0) === 0x80) cut--;
      if ((line[cut]! & 0xc0) === 0x80) cut = maxLineBytes;
      out.push(line.subarray(0, cut).toString('utf8'));
      line = line.subarray(cut);
    }
    out.push(line.toString('utf8'));
  }
  return out;
}

describe('LineSplitter', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, keeps empty lines, and hands on the last one at the end', () => {
    expect(split(['a\nb\r\nc\rd\n\n', 'e'])).toEqual(['a', 'b', 'c', 'd', '', 'e']);
    expect(split(['no line end'])).toEqual(['no line end']);
    expect(split(['x\n'])).toEqual(['x']);
    expect(split([])).toEqual([]);
  });

  it('takes a \\r\\n split across chunks for one line end', () => {
    expect(split(['a\r', '\nb\r', '', '\n', '\r'])).toEqual(['a', 'b', '']);
    expect(split(['50%\r', '60%\r', '70%\r'])).toEqual(['50%', '60%', '70%']);
  });

  it('hands on a line over the limit in pieces of at most the limit, the last where the line ends', () => {
    expect(split(['abcd\n'], 4)).toEqual(['abcd']);
    expect(split(['abcde\n'], 4)).toEqual(['abcd', 'e']);
    expect(split(['ab', 'cd', 'efghij', 'k\nxy'], 4)).toEqual(['abcd', 'efgh', 'ijk', 'xy']);
    const megabyte = 'x'.repeat(1024 * 1024);
    const pieces = split([megabyte.slice(0, 100_000), megabyte.slice(100_000)]);
    expect(pieces).toHaveLength(16);
    expect(pieces.every((piece) => piece.length === MAX_OUTPUT_LINE_BYTES)).toBe(true);
  });

  it('never cuts a UTF-8 character, and cuts at the limit anyway in bytes that are not UTF-8', () => {
    // 'é' is 2 bytes, '€' 3: a 5-byte limit holds 'é€' but not 'é€é'.
    expect(split(['é€é€\n'], 5)).toEqual(['é€', 'é€']);
    expect(split(['ab€€'], 4)).toEqual(['ab', '€', '€']);
    const continuationBytes = Buffer.alloc(10, 0x80);
    expect(split([continuationBytes], 4).map((piece) => Buffer.from(piece).length)).toEqual([
      12, 12, 6,
    ]); // each piece of 4 (then 2) invalid bytes decodes to as many U+FFFD, 3 bytes each
  });

  it('gives what the rules give on the whole input, however the input is chunked', () => {
    const byte = fc.constantFrom(0x61, 0x0a, 0x0d, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x80);
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 4, max: 12 }),
        (bytes, sizes, maxLineBytes) => {
          const input = Buffer.from(bytes);
          const chunks: Buffer[] = [];
          for (let at = 0, k = 0; at < input.length; k++) {
            const size = sizes[k % sizes.length]!;
            chunks.push(input.subarray(at, at + size));
            at += size;
          }
          expect(split(chunks, maxLineBytes)).toEqual(model(input, maxLineBytes));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('spawnProcess output', () => {
  it('hands on 4 MiB written without a line end in 64 KiB pieces while the process runs', async () => {
    const pieces: number[] = [];
    const proc = await spawnProcess({
      command: '/bin/sh',
      // Stays alive after writing: the pieces must come before the end of the stream.
      args: ['-c', 'head -c 4194304 /dev/zero | tr "\\0" x; printf "\\ndone\\n"; sleep 30'],
      runId: 'test-run',
      workerId: 'w1',
      onOutput: (_stream, line) => pieces.push(line.length),
    });
    try {
      await expect.poll(() => pieces.at(-1), { timeout: 10_000 }).toBe(4);
      expect(pieces.slice(0, -1)).toEqual(Array.from({ length: 64 }, () => MAX_OUTPUT_LINE_BYTES));
    } finally {
      await proc.stop({
        cause: 'shutdown',
        reason: 'test over',
        gracefulTimeoutMs: 0,
        killAfterMs: 1000,
      });
    }
  });
});
