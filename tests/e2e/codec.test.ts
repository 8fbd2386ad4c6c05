// Values JSON would change without a word are refused, in both directions,
// with SERIALIZATION_FAILED, and the worker keeps serving (issue 20: "JSON's
// silent conversions"). The rules: packages/python-bridge/README.md, "What crosses the wire".
import { isSnakepitError } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { usePools } from '../support/pools.js';

const startPool = usePools('codec');

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('the call succeeded');
    },
    (error: unknown) => error as Error,
  );
}

describe('payloads JSON would alter', () => {
  it('refuses a Map argument and an integer result past 2^53 - 1, and serves on', async () => {
    const pool = await startPool({ size: 1 });
    const sent = await rejectionOf(pool.execute('echo', { tags: new Map([['a', 1]]) }));
    expect(isSnakepitError(sent, 'SERIALIZATION_FAILED')).toBe(true);
    expect(sent.message).toContain('key `tags` is a Map');

    // 2^52 + 2^52 = 2^53: one past Number.MAX_SAFE_INTEGER.
    const big = await rejectionOf(pool.execute('add', { a: 2 ** 52, b: 2 ** 52 }));
    expect(isSnakepitError(big, 'SERIALIZATION_FAILED')).toBe(true);
    expect(big.message).toContain("beyond JavaScript's exact range");
    expect(await pool.execute('add', { a: 2 ** 52, b: 2 ** 52 - 1 })).toBe(2 ** 53 - 1);
    expect(pool.stats().workers[0]!.restarts).toBe(0);
  });
});
