import { EventBus, ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import {
  computeBackoffDelayMs,
  createSupervisor,
  DEFAULT_BACKOFF_OPTIONS,
} from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';

describe('backoff', () => {
  it('grows exponentially, caps at maxDelayMs and adds jitter', () => {
    const options = { ...DEFAULT_BACKOFF_OPTIONS, minDelayMs: 100, maxDelayMs: 1000, jitter: 0.5 };
    expect([0, 1, 2, 3, 4, 10].map((n) => computeBackoffDelayMs(options, n, () => 0))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(computeBackoffDelayMs(options, 1, () => 0.999)).toBe(300);
  });

  it('delays each consecutive restart of a child and resets after a long enough run', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const events = new EventBus();
    const delays: number[] = [];
    events.on('snakepit.supervisor.child.restarted', (e) => delays.push(e.delayMs));
    const supervisor = await createSupervisor({
      clock,
      events,
      maxRestarts: 100,
      periodMs: 1000,
      random: () => 0,
      backoff: { minDelayMs: 100, factor: 2, jitter: 0.2, resetAfterMs: 5000 },
      children: [kids.spec('a')],
    });
    kids.takeLog();
    for (const delayMs of [100, 200, 400]) {
      kids.exit('a', new Error('boom'));
      await flush(supervisor);
      expect(supervisor.whichChildren()[0]?.status).toBe('restarting');
      clock.advance(delayMs - 1);
      await flush(supervisor);
      expect(kids.takeLog()).toEqual([]);
      clock.advance(1);
      await flush(supervisor);
      expect(kids.takeLog()).toEqual(['start:a']);
    }
    clock.advance(5000);
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    clock.advance(100);
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['start:a']);
    expect(delays).toEqual([100, 200, 400, 100]);
    await supervisor.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('a stop during a backoff delay cancels the pending restart', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const supervisor = await createSupervisor({
      clock,
      children: [kids.spec('a', { backoff: { minDelayMs: 1000 } }), kids.spec('b')],
    });
    kids.takeLog();
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    await supervisor.stop();
    clock.advance(10_000);
    await flush();
    expect(kids.takeLog()).toEqual(['stop:b']);
    expect(clock.pendingTimers).toBe(0);
  });
});
