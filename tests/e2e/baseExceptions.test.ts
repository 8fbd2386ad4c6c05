// Issue 20, defect 2: a handler raising a BaseException that is not an
// Exception (KeyboardInterrupt, GeneratorExit, BaseException,
// asyncio.CancelledError) was never answered: its call hung (or, with
// `timeoutMs`, failed with EXECUTE_TIMEOUT) and a 1-worker pool was lost.
import type { PythonError } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import {
  BASE_EXCEPTION_HANDLERS,
  BASE_EXCEPTION_KINDS,
  raiseBaseException,
} from '../support/baseExceptions.js';
import { chaosAdapter } from '../support/chaos.js';
import { usePools } from '../support/pools.js';

const startPool = usePools('base-exc');

describe('a handler raising a BaseException that is not an Exception', () => {
  it.each(BASE_EXCEPTION_HANDLERS)(
    '%s handler: the call rejects with the Python error, and a 1-worker pool serves on',
    async (handler) => {
      const pool = await startPool({ size: 1, ...chaosAdapter });
      const pid = pool.stats().workers[0]!.pid;
      for (const [kind, pythonType] of BASE_EXCEPTION_KINDS) {
        const { got, error } = await raiseBaseException(pool, handler, kind);
        expect(got, kind).toBe(pythonType);
        expect((error as PythonError).message).toContain(`${kind} raised by a handler`);
        expect((error as PythonError).pythonTraceback).toContain('chaos_adapter.py');
        await expect(pool.execute('add', { a: 1, b: 2 }, { timeoutMs: 10_000 })).resolves.toBe(3);
      }
      expect(pool.stats().workers[0]).toMatchObject({ pid, restarts: 0, inFlight: 0 });
    },
  );
});
