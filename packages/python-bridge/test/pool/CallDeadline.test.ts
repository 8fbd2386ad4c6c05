import { ManualClock, SnakepitError, isSnakepitError } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { CallDeadline } from '../../src/pool/CallDeadline.js';

describe('CallDeadline', () => {
  it('is absent for a call without timeoutMs', () => {
    expect(CallDeadline.start('add', {}, new ManualClock())).toBeUndefined();
  });

  it('sends the worker what is left, in whole milliseconds, and fails once nothing is', () => {
    const clock = new ManualClock();
    const options = { timeoutMs: 1_000 };
    const deadline = CallDeadline.start('add', options, clock)!;
    expect(deadline.atMs).toBe(1_000);
    expect(deadline.forWorker(options)).toBe(options);
    clock.advance(299.5);
    expect(deadline.forWorker(options)).toEqual({ timeoutMs: 701 });
    clock.advance(700.5);
    const error: unknown = (() => {
      try {
        return deadline.forWorker(options);
      } catch (e) {
        return e;
      }
    })();
    expect(isSnakepitError(error, 'EXECUTE_TIMEOUT')).toBe(true);
    expect((error as SnakepitError).message).toMatch(/no time left of its 1000 ms/);
  });

  it("restates a worker's EXECUTE_TIMEOUT with the call's whole timeoutMs and its wait", () => {
    const deadline = CallDeadline.start('add', { timeoutMs: 1_000 }, new ManualClock())!;
    const fromWorker = new SnakepitError('EXECUTE_TIMEOUT', 'within 700 ms', {
      details: { command: 'add', workerId: 'pool.w1', timeoutMs: 700 },
    });
    const restated = deadline.explain(fromWorker, 700) as SnakepitError;
    expect(restated.message).toBe(
      'Call to `add` on worker pool.w1 did not finish within 1000 ms (`timeoutMs`; 300 ms of it spent waiting for a worker)',
    );
    expect(restated.details).toMatchObject({ timeoutMs: 1_000, queueWaitMs: 300 });
    expect(restated.cause).toBe(fromWorker);
    expect(deadline.explain(fromWorker, 1_000)).toBe(fromWorker);
    const other = new SnakepitError('WORKER_CRASHED', 'gone');
    expect(deadline.explain(other, 700)).toBe(other);
  });
});
