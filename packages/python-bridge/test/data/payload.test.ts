import { isSnakepitError } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { encodeArgs } from '../../src/data/payload.js';

function encodedText(args: unknown): string {
  return Buffer.from(encodeArgs('cmd', args).data).toString('utf8');
}

function refusal(args: unknown): Error {
  try {
    encodeArgs('cmd', args);
  } catch (error) {
    expect(isSnakepitError(error, 'SERIALIZATION_FAILED')).toBe(true);
    return error as Error;
  }
  throw new Error('encodeArgs accepted it');
}

describe('encodeArgs', () => {
  it('sends plain data as JSON, and a whole-argument Uint8Array as bytes', () => {
    expect(encodedText({ a: 1, b: [true, null, 'x'], c: undefined })).toBe(
      '{"a":1,"b":[true,null,"x"]}',
    );
    expect(encodedText(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(encodeArgs('cmd', new Uint8Array([1, 2])).contentType).toBe('application/octet-stream');
  });

  it.each([
    ['NaN', { x: Number.NaN }, 'key `x` is NaN, which JSON would turn into null'],
    ['Infinity', [1, Number.POSITIVE_INFINITY], 'key `1` is Infinity'],
    ['a Map', { m: new Map([['a', 1]]) }, 'key `m` is a Map, which JSON would turn into {}'],
    ['a Set', new Set([1]), 'the value passed is a Set'],
    ['a Float64Array', { v: new Float64Array([0.5]) }, 'key `v` is a Float64Array'],
    ['a nested Uint8Array', { image: new Uint8Array(4) }, 'key `image` is a Uint8Array'],
    ['a function', { f: () => 1 }, 'key `f` is a function'],
  ])('refuses %s instead of sending it altered', (_, args, message) => {
    const error = refusal(args);
    expect(error.message).toContain('Arguments of `cmd` cannot be sent as JSON');
    expect(error.message).toContain(message);
  });

  it('still refuses what JSON cannot hold at all: BigInt, cycles', () => {
    expect(refusal({ n: 1n }).message).toMatch(/BigInt/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(refusal(cycle).message).toMatch(/circular/i);
  });
});
