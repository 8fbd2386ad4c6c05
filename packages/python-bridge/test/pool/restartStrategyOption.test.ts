import { oneForAll } from '@snakepit/actors';
import type { RestartStrategy } from '@snakepit/actors';
import { isSnakepitError } from '@snakepit/core';
import { parseOptions } from '@snakepit/core/options';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/pool/createPool.js';
import { poolOptionsSchema } from '../../src/pool/PoolOptions.js';

const parse = (strategy: unknown) =>
  parseOptions(poolOptionsSchema, { restart: { strategy } }, 'pool').restart;

describe('restart.strategy', () => {
  it('takes a built-in name, a built-in strategy or a custom one, as given, beside the intensity', () => {
    const custom: RestartStrategy = { name: 'custom', decide: () => ({ action: 'ignore' }) };
    expect(parse('rest_for_one').strategy).toBe('rest_for_one');
    expect(parse(oneForAll).strategy).toBe(oneForAll);
    const restart = parseOptions(
      poolOptionsSchema,
      { restart: { strategy: custom, maxRestarts: 7 } },
      'pool',
    ).restart;
    expect(restart).toMatchObject({ strategy: custom, maxRestarts: 7, periodMs: 10_000 });
    expect(parse(undefined).strategy).toBeUndefined();
  });

  it.each([
    ['an unknown name', 'one_for_two'],
    ['null', null],
    ['an object without decide', { name: 'x' }],
    ['an object without a name', { decide: () => ({ action: 'ignore' }) }],
    [
      'an async decide',
      {
        name: 'x',
        async decide() {
          await Promise.resolve();
          return { action: 'ignore' };
        },
      },
    ],
  ])(
    'refuses %s with INVALID_OPTIONS naming the option and what it expects',
    async (_, strategy) => {
      // Refused before anything is spawned: no Python needed.
      const error: unknown = await createPool({
        restart: { strategy: strategy as RestartStrategy },
      }).catch((e: unknown) => e);
      expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
      expect((error as Error).message).toContain('Expected `restart.strategy` to be');
      expect((error as Error).message).toContain(
        'a RestartStrategy (an object with a string `name`',
      );
    },
  );
});
