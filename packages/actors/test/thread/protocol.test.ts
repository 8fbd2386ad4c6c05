import { SnakepitError, isSnakepitError } from '@snakepit/core/runtime';
import { describe, expect, it } from 'vitest';
import { fromWireError, toWireError } from '../../src/thread/protocol.js';

describe('errors crossing threads', () => {
  it("keep a SnakepitError's code and details, and its cause's", () => {
    const cause = new SnakepitError('WORKER_START_FAILED', 'bind failed', {
      details: { workerId: 'w1', faultCode: 'BIND_FAILED' },
    });
    const error = new SnakepitError('POOL_STOPPED', 'pool gave up', { cause });
    const copy = fromWireError(structuredClone(toWireError(error)));
    expect(isSnakepitError(copy, 'POOL_STOPPED')).toBe(true);
    expect(isSnakepitError(copy.cause, 'WORKER_START_FAILED')).toBe(true);
    expect((copy.cause as SnakepitError).details).toEqual({
      workerId: 'w1',
      faultCode: 'BIND_FAILED',
    });
  });

  it('drop details that cannot be cloned rather than the error', () => {
    const error = new SnakepitError('WORKER_CRASHED', 'gone', { details: { callback: () => 1 } });
    const copy = fromWireError(structuredClone(toWireError(error)));
    expect(isSnakepitError(copy, 'WORKER_CRASHED')).toBe(true);
    expect((copy as SnakepitError).details).toEqual({});
  });
});
