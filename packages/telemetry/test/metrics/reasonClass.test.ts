import { describe, expect, it } from 'vitest';
import { reasonClass } from '../../src/index.js';
import { CardinalityGuard } from '../../src/metrics/CardinalityGuard.js';

describe('reasonClass', () => {
  it.each([
    ['stopped', 'stopped'],
    ['heartbeat timeout', 'heartbeat_timeout'],
    ['PythonError: division by zero', 'PythonError'],
    ['SnakepitError: Worker w1 failed: boom', 'SnakepitError'],
    ['  weird / reason!  ', 'weird_reason_'],
    ['', 'unknown'],
    [': only detail', 'unknown'],
    ['x'.repeat(100), 'x'.repeat(48)],
  ])('%j → %j', (reason, expected) => {
    expect(reasonClass(reason)).toBe(expected);
  });
});

describe('CardinalityGuard', () => {
  it('admits the first `limit` distinct values and then only those', () => {
    const guard = new CardinalityGuard(2);
    expect(['a', 'b', 'a', 'c', 'b', 'd'].map((v) => guard.admit(v))).toEqual([
      'a',
      'b',
      'a',
      '_other',
      'b',
      '_other',
    ]);
  });
});
