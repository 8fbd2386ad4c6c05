import { isSnakepitError } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { FrameDecoder, encodeFrame } from '../../src/control/FrameDecoder.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('FrameDecoder', () => {
  it('reassembles a frame delivered one byte at a time', () => {
    const decoder = new FrameDecoder();
    const wire = encodeFrame(bytes(1, 2, 3, 4, 5));
    const frames: Buffer[] = [];
    for (const byte of wire) frames.push(...decoder.push(bytes(byte)).frames);
    expect(frames.map((f) => [...f])).toEqual([[1, 2, 3, 4, 5]]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('returns every frame of one read, keeping a trailing partial frame', () => {
    const decoder = new FrameDecoder();
    const wire = Buffer.concat([
      encodeFrame(bytes(1)),
      encodeFrame(bytes()),
      encodeFrame(bytes(2, 3)),
      encodeFrame(bytes(9, 9)).subarray(0, 5),
    ]);
    expect(decoder.push(wire).frames.map((f) => [...f])).toEqual([[1], [], [2, 3]]);
    expect(decoder.pendingBytes).toBe(5);
    expect(decoder.push(bytes(9)).frames.map((f) => [...f])).toEqual([[9, 9]]);
  });

  it('rejects a frame over the limit with FRAME_TOO_LARGE before buffering it', () => {
    const decoder = new FrameDecoder(16);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(17);
    const { frames, error } = decoder.push(Buffer.concat([encodeFrame(bytes(1)), header]));
    expect(frames).toHaveLength(1);
    expect(isSnakepitError(error, 'FRAME_TOO_LARGE')).toBe(true);
    expect(error?.message).toContain('17 bytes exceeds the limit of 16 bytes');
  });

  it('treats garbage as an oversized header rather than waiting forever', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(Buffer.from('GET / HTTP/1.1\r\n')).error?.message).toMatch(
      /exceeds the limit/,
    );
  });
});
