import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameReader } from '../../src/client/FrameReader.js';
import { encodeFrame } from '../../src/control/FrameDecoder.js';

/** Feeds `wire` to a reader in pieces cut at `cuts`; returns the bodies, or the error. */
function read(wire: Buffer, cuts: number[], maxFrameBytes = 1 << 20) {
  const reader = new FrameReader(maxFrameBytes);
  const bodies: number[][] = [];
  const points = [...new Set(cuts.map((cut) => cut % (wire.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  for (const end of [...points, wire.length]) {
    const problem = reader.push(wire.subarray(start, end), (body) => bodies.push([...body]));
    if (problem !== undefined) return { bodies, problem };
    start = end;
  }
  return { bodies, problem: undefined };
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
            problem: undefined,
          });
        },
      ),
    );
  });

  it('hands out a frame that arrived whole without copying it', () => {
    const wire = Buffer.concat([encodeFrame(Uint8Array.of(1, 2)), encodeFrame(Uint8Array.of(3))]);
    const bodies: Buffer[] = [];
    new FrameReader(16).push(wire, (body) => bodies.push(body));
    expect(bodies.map((body) => body.buffer === wire.buffer)).toEqual([true, true]);
  });

  it('reports a header over the limit after the frames before it', () => {
    const wire = Buffer.concat([encodeFrame(Uint8Array.of(7)), encodeFrame(new Uint8Array(17))]);
    const { bodies, problem } = read(wire, [3], 16);
    expect(bodies).toEqual([[7]]);
    expect(problem).toBe('a frame of 17 bytes is over the limit of 16 bytes');
  });
});
