import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/ManualClock.js';

describe('ManualClock', () => {
  it('fires due timers in time order, ties in creation order, and moves time to each', () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => fired.push(`c@${clock.now()}`), 20);
    clock.advance(15);
    expect(fired).toEqual(['a@10']);
    clock.advance(10);
    expect(fired).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(25);
  });

  it('runs timers scheduled by timers within the same advance, and honours cancel', () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    const cancelled = clock.setTimeout(() => fired.push(-1), 5);
    clock.setTimeout(() => clock.setTimeout(() => fired.push(clock.now()), 10), 10);
    cancelled.cancel();
    clock.advance(30);
    expect(fired).toEqual([20]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps wall time in step with monotonic time', () => {
    const clock = new ManualClock(0, 1_000);
    clock.advance(250);
    expect(clock.wallNow()).toBe(1_250);
  });
});
