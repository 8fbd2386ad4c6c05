import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOptions } from '../../src/config/parseOptions.js';
import { isSnakepitError } from '../../src/errors/SnakepitError.js';

const schema = z
  .object({
    heartbeat: z
      .object({ intervalMs: z.number().int().min(100).max(60_000).default(2_000) })
      .strict()
      .default({ intervalMs: 2_000 }),
    mode: z.enum(['spawn', 'forkserver']).default('spawn'),
  })
  .strict();

function errorOf(input: unknown): Error {
  try {
    parseOptions(schema, input, 'pool');
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected parseOptions to throw');
}

describe('parseOptions', () => {
  it('fills defaults', () => {
    expect(parseOptions(schema, undefined, 'pool')).toEqual({
      heartbeat: { intervalMs: 2_000 },
      mode: 'spawn',
    });
  });

  it('names the option, the value and the expectation', () => {
    const error = errorOf({ heartbeat: { intervalMs: -1 } });
    expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
    expect(error.message).toContain('Expected `heartbeat.intervalMs` to be ≥ 100, got `-1`');
  });

  it('reports every problem at once, including unknown keys and wrong enum values', () => {
    const error = errorOf({ heartbeat: { intervalMs: 1.5, extra: 1 }, mode: 'thread' });
    expect(error.message).toContain('Expected `heartbeat.intervalMs` to be an integer');
    expect(error.message).toContain('Unknown option in `heartbeat`: `extra`');
    expect(error.message).toContain(
      'Expected `mode` to be one of `spawn`, `forkserver`, got `"thread"`',
    );
  });
});
