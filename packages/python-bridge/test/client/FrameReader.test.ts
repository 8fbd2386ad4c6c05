import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameReader, PART_FLAG } from '../../src/client/FrameReader.js';
import { encodeFrame } from '../../src/control/FrameDecoder.js';

/** A raw payload part of `callId` on the wire. */
function encodePart(callId: number, data: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(PART_FLAG + 4 + data.length, 0);
  header.writeUInt32BE(callId, 4);
  return Buffer.concat([header, data]);
}

/**
 * Feeds `wire` to a reader in pieces cut at `cuts`; returns the frame bodies,
 * the bytes of each call's parts, and the error if any.
 */
function read(wire: Buffer, cuts: number[], maxFrameBytes = 1 << 20) {
  const reader = new FrameReader(maxFrameBytes);
  const bodies: number[][] = [];
  const parts = new Map<number, number[]>();
  const sink = {
    onFrame: (body: Buffer) => bodies.push([...body]),
    onPart: (callId: number, data: Buffer) =>
      parts.set(callId, [...(parts.get(callId) ?? []), ...data]),
  };
  const points = [...new Set(cuts.map((cut) => cut % (wire.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  for (const end of [...points, wire.length]) {
    const problem = reader.push(wire.subarray(start, end), sink);
    if (problem !== undefined) return { bodies, parts, problem };
    start = end;
  }
  return { bodies, parts, problem: undefined };
}

describe('FrameReader', () => {
  it('returns every frame, in order, however the stream is split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (frames, cuts) => {
          const wire = Buffer.concat(frames.map((frame) => encodeFrame(frame)));
          expect(read(wire, cuts)).toEqual({
            bodies: frames.map((frame) => [...frame]),
            parts: new Map(),
            problem: undefined,
          });
        },
      ),
    );
  });

  it('returns frames and payload parts of interleaved calls, however the stream is split', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            callId: fc.integer({ min: 0, max: 3 }),
            data: fc.uint8Array({ maxLength: 300 }),
          }),
          { maxLength: 12 },
        ),
        fc.array(fc.nat(), { maxLength: 20 }),
        (items, cuts) => {
          // Odd call ids send frames, even ones payload parts.
          const wire = Buffer.concat(
            items.map(({ callId, data }) =>
              callId % 2 ? encodeFrame(data) : encodePart(callId, data),
            ),
          );
          const parts = new Map<number, number[]>();
          for (const { callId, data } of items.filter(({ callId }) => callId % 2 === 0)) {
            parts.set(callId, [...(parts.get(callId) ?? []), ...data]);
          }
          const { bodies, parts: got, problem } = read(wire, cuts);
          expect(problem).toBeUndefined();
          expect(bodies).toEqual(
            items.filter(({ callId }) => callId % 2).map(({ data }) => [...data]),
          );
          expect(new Map([...got].filter(([, bytes]) => bytes.length > 0))).toEqual(
            new Map([...parts].filter(([, bytes]) => bytes.length > 0)),
          );
        },
      ),
    );
  });

  it('hands out a frame that arrived whole, and payload bytes, without copying them', () => {
    const wire = Buffer.concat([
      encodeFrame(Uint8Array.of(1, 2)),
      encodePart(7, Uint8Array.of(9, 9, 9)),
      encodeFrame(Uint8Array.of(3)),
    ]);
    const received: Buffer[] = [];
    new FrameReader(16).push(wire, {
      onFrame: (body) => received.push(body),
      onPart: (_callId, data) => received.push(data),
    });
    expect(received.map((body) => [...body])).toEqual([[1, 2], [9, 9, 9], [3]]);
    expect(received.map((body) => body.buffer === wire.buffer)).toEqual([true, true, true]);
  });

  it('reports a payload part over the limit', () => {
    const wire = encodePart(1, new Uint8Array(17));
    expect(read(wire, [5], 16).problem).toBe(
      'a payload part of 17 bytes is over the limit of 16 bytes',
    );
  });

  it('reports a header over the limit after the frames before it', () => {
    const wire = Buffer.concat([encodeFrame(Uint8Array.of(7)), encodeFrame(new Uint8Array(17))]);
    const { bodies, problem } = read(wire, [3], 16);
    expect(bodies).toEqual([[7]]);
    expect(problem).toBe('a frame of 17 bytes is over the limit of 16 bytes');
  });
});
