import { describe, expect, expectTypeOf, it } from 'vitest';
import { PythonError } from '../../src/errors/PythonError.js';
import { SnakepitError, isSnakepitError } from '../../src/errors/SnakepitError.js';

// The type assertions are checked by `pnpm typecheck:tests`; the runtime ones here.
describe('SnakepitError', () => {
  it('isSnakepitError with a code narrows details to that code', () => {
    const error: unknown = new SnakepitError('POOL_SATURATED', 'queue full', {
      details: { maxQueue: 4 },
    });
    expect(isSnakepitError(error, 'POOL_STOPPED')).toBe(false);
    if (!isSnakepitError(error, 'POOL_SATURATED')) throw new Error('not narrowed');
    expectTypeOf(error.code).toEqualTypeOf<'POOL_SATURATED'>();
    expectTypeOf(error.details.maxQueue).toEqualTypeOf<number | undefined>();
    expect(error.details.maxQueue).toBe(4);
  });

  it('codes without typed details carry an open record, and any error reads as before', () => {
    const error: unknown = new SnakepitError('WORKER_STOPPED', 'stopped', {
      details: { workerId: 'w1' },
    });
    if (!isSnakepitError(error)) throw new Error('not a SnakepitError');
    expectTypeOf(error.details).toMatchTypeOf<Readonly<Record<string, unknown>>>();
    expect(error.details.workerId).toBe('w1');
    expect(new SnakepitError('ABORTED', 'aborted').details).toEqual({});
  });

  it('requires details where the code has required facts', () => {
    // @ts-expect-error CGROUP_UNAVAILABLE needs its `reason`.
    const bare = new SnakepitError('CGROUP_UNAVAILABLE', 'no cgroup');
    // @ts-expect-error `tried` is a list of paths, not a count.
    const wrong = new SnakepitError('PYTHON_NOT_FOUND', 'none', { details: { tried: 3 } });
    const right = new SnakepitError('CGROUP_UNAVAILABLE', 'no cgroup', {
      details: { reason: 'not delegated' },
    });
    expect([bare.details, wrong.details.tried, right.details.reason]).toEqual([
      {},
      3,
      'not delegated',
    ]);
  });

  it('is recognised across copies by its brand, PythonError included', () => {
    const error = new PythonError('builtins.ValueError', 'bad', 'Traceback…', { command: 'c' });
    expect(isSnakepitError(error, 'PYTHON_ERROR')).toBe(true);
    expect(error.details).toEqual({ command: 'c', pythonType: 'builtins.ValueError' });
    expect(isSnakepitError({ code: 'POOL_SATURATED' })).toBe(false);
  });
});
