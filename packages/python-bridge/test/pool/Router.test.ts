import { EventBus, ManualClock, SnakepitError, isSnakepitError } from '@snakepit/core';
import type { SnakepitEventMap } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { Router } from '../../src/pool/Router.js';
import { fakeSlots } from './fakeSlots.js';
import type { FakeSlot } from './fakeSlots.js';

function setUp(slots: FakeSlot[], options: { concurrency?: number; maxQueue?: number } = {}) {
  const clock = new ManualClock();
  const bus = new EventBus();
  const depths: number[] = [];
  const rejected: SnakepitEventMap['snakepit.pool.queue.rejected']['reason'][] = [];
  bus.on('snakepit.pool.queue.depth', (e) => depths.push(e.depth));
  bus.on('snakepit.pool.queue.rejected', (e) => rejected.push(e.reason));
  const router = new Router(slots, {
    poolId: 'p',
    concurrency: options.concurrency ?? 1,
    maxQueue: options.maxQueue ?? 10,
    queueTimeoutMs: 1_000,
    clock,
    bus,
  });
  return { router, clock, depths, rejected };
}

describe('Router', () => {
  it('hands a call to the least-loaded ready slot, never to one that is not ready', async () => {
    const slots = fakeSlots(3, 2);
    const [w1, w2, w3] = slots as [FakeSlot, FakeSlot, FakeSlot];
    w1.inFlight = 1;
    w2.state = 'unhealthy';
    const { router } = setUp(slots, { concurrency: 2 });
    expect((await router.acquire({})).id).toBe('w3');
    expect(w3.inFlight).toBe(1);
    // w1 and w3 now hold one call each: the first of equals wins.
    expect((await router.acquire({})).id).toBe('w1');
    expect(w1.state).toBe('busy');
    expect((await router.acquire({})).id).toBe('w3');
    expect(w2.inFlight).toBe(0);
  });

  it('queues calls while every slot is busy and serves them in order as capacity comes back', async () => {
    const slots = fakeSlots(1);
    const [w1] = slots as [FakeSlot];
    const { router, depths } = setUp(slots);
    await router.acquire({});
    const order: string[] = [];
    const second = router.acquire({}).then(() => order.push('second'));
    const third = router.acquire({}).then(() => order.push('third'));
    expect(router.queued).toBe(2);
    router.release(w1);
    await second;
    expect(order).toEqual(['second']);
    expect(w1.inFlight).toBe(1);
    router.release(w1);
    await third;
    expect(order).toEqual(['second', 'third']);
    expect(depths).toEqual([1, 2, 1, 0]);
  });

  it('dispatches queued calls to a slot that becomes ready', async () => {
    const slots = fakeSlots(2);
    for (const slot of slots) slot.state = 'starting';
    const { router } = setUp(slots);
    const calls = [router.acquire({}), router.acquire({}), router.acquire({})];
    router.dispatch();
    expect(router.queued).toBe(3);
    slots[1]!.state = 'ready';
    router.dispatch();
    expect((await calls[0]!).id).toBe('w2');
    expect(router.queued).toBe(2);
    slots[0]!.state = 'ready';
    router.dispatch();
    expect((await calls[1]!).id).toBe('w1');
    router.rejectAll(new SnakepitError('POOL_STOPPED', 'stop'));
    await expect(calls[2]).rejects.toMatchObject({ code: 'POOL_STOPPED' });
  });

  it('refuses a call when the queue is full, and times out a waiting one', async () => {
    const slots = fakeSlots(1);
    const { router, clock, rejected } = setUp(slots, { maxQueue: 1 });
    await router.acquire({});
    const waiting = router.acquire({}).catch((e: unknown) => e);
    const refused = await router.acquire({}).catch((e: unknown) => e);
    expect(isSnakepitError(refused, 'POOL_SATURATED')).toBe(true);
    clock.advance(1_000);
    expect(isSnakepitError(await waiting, 'POOL_SATURATED')).toBe(true);
    expect(rejected).toEqual(['full', 'timeout']);
    expect(router.queued).toBe(0);
  });
});
