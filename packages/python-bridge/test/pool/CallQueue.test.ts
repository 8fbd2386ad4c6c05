import { getEventListeners } from 'node:events';
import { ManualClock, SnakepitError, isSnakepitError } from '@snakepit/core';
import type { Clock, QueueRejectionReason } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { CallQueue } from '../../src/pool/CallQueue.js';

function queueOf(clock: Clock, options: { maxSize?: number; timeoutMs?: number } = {}) {
  const rejections: QueueRejectionReason[] = [];
  const queue = new CallQueue<string>(
    { maxSize: options.maxSize ?? 1_000_000, timeoutMs: options.timeoutMs ?? 1_000, clock },
    (reason) => rejections.push(reason),
  );
  return { queue, rejections };
}

/** Settles `promise` into a value or the code of its SnakepitError. */
function outcome(promise: Promise<string>): Promise<string> {
  return promise.then(
    (value) => `value ${value}`,
    (error: unknown) =>
      isSnakepitError(error) ? error.code : `not a SnakepitError: ${String(error)}`,
  );
}

describe('CallQueue', () => {
  it('hands values to the oldest call first, also after calls left from the middle', async () => {
    const { queue } = queueOf(new ManualClock());
    const second = new AbortController();
    const calls = ['a', 'b', 'c', 'd'].map((_, i) =>
      outcome(queue.wait(i === 1 ? { signal: second.signal } : {})),
    );
    second.abort();
    expect(queue.size).toBe(3);
    expect(queue.take('1') && queue.take('2') && queue.take('3')).toBe(true);
    expect(queue.take('4')).toBe(false);
    expect(await Promise.all(calls)).toEqual(['value 1', 'ABORTED', 'value 2', 'value 3']);
    expect(queue.size).toBe(0);
  });

  it('refuses a call when full or already aborted', async () => {
    const { queue, rejections } = queueOf(new ManualClock(), { maxSize: 1 });
    const first = outcome(queue.wait());
    expect(await outcome(queue.wait())).toBe('POOL_SATURATED');
    expect(await outcome(queue.wait({ signal: AbortSignal.abort() }))).toBe('ABORTED');
    expect(rejections).toEqual(['full']);
    queue.take('x');
    expect(await first).toBe('value x');
  });

  it("fails a call at the queue's timeout or at its own deadline, whichever comes first", async () => {
    const clock = new ManualClock();
    const { queue, rejections } = queueOf(clock, { timeoutMs: 1_000 });
    const mine = new SnakepitError('EXECUTE_TIMEOUT', 'still queued');
    const error = () => mine;
    const early = queue.wait({ deadline: { atMs: 300, error } }).catch((e: unknown) => e);
    const late = outcome(queue.wait({ deadline: { atMs: 5_000, error } }));
    const none = outcome(queue.wait());
    clock.advance(299);
    expect(queue.size).toBe(3);
    clock.advance(1);
    expect(await early).toBe(mine);
    expect(queue.size).toBe(2);
    clock.advance(700);
    expect(await Promise.all([late, none])).toEqual(['POOL_SATURATED', 'POOL_SATURATED']);
    expect(rejections).toEqual(['timeout', 'timeout', 'timeout']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fails at once a call whose deadline has passed', async () => {
    const clock = new ManualClock(1_000);
    const { queue } = queueOf(clock);
    const error = () => new SnakepitError('EXECUTE_TIMEOUT', 'no time left');
    const call = outcome(queue.wait({ deadline: { atMs: 900, error } }));
    clock.advance(0);
    expect(await call).toBe('EXECUTE_TIMEOUT');
  });

  it('fails every waiting call on rejectAll and leaves no timer or listener behind', async () => {
    const clock = new ManualClock();
    const { queue, rejections } = queueOf(clock);
    const controller = new AbortController();
    const calls = [1, 2, 3].map(() => outcome(queue.wait({ signal: controller.signal })));
    queue.rejectAll(new SnakepitError('POOL_STOPPED', 'stopped'));
    expect(await Promise.all(calls)).toEqual(['POOL_STOPPED', 'POOL_STOPPED', 'POOL_STOPPED']);
    expect(rejections).toEqual(['stopped', 'stopped', 'stopped']);
    expect(queue.size).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('listens once to a signal that many calls share, until the last of them leaves', async () => {
    const { queue } = queueOf(new ManualClock());
    const controller = new AbortController();
    const calls = [1, 2, 3].map(() => outcome(queue.wait({ signal: controller.signal })));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    queue.take('1');
    queue.take('2');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(await Promise.all(calls)).toEqual(['value 1', 'value 2', 'ABORTED']);
    const again = outcome(queue.wait({ signal: new AbortController().signal }));
    queue.take('4');
    expect(await again).toBe('value 4');
  });

  // With an array (indexOf + splice) and one abort listener per call, 100k
  // aborted calls blocked the event loop for 9 s: issue 20, defect 9. Merely
  // rejecting 200k promises with errors takes 1 s on the 2-core CI machine,
  // 5 s when it is loaded, so the bound is relative to that floor, measured in
  // the same test: the array queue took 21 s to time out 200k calls (20x the
  // floor) and did not get 200k calls on one signal queued within 15 min. The
  // figures are in bench/queue.bench.mjs.
  const MANY = 200_000;
  const boundMs = (floorMs: number) => Math.max(3_000, 4 * floorMs);

  it(`aborts ${MANY} calls queued on one signal at once, in FIFO order, in time linear in their number`, async () => {
    const floorMs = await msToRejectPlainly(MANY);
    const { queue } = queueOf(new HeldClock());
    const controller = new AbortController();
    const order: number[] = [];
    const calls = Array.from({ length: MANY }, (_, i) =>
      queue.wait({ signal: controller.signal }).catch(() => order.push(i)),
    );
    const startedAt = performance.now();
    controller.abort();
    await Promise.all(calls);
    const elapsedMs = performance.now() - startedAt;
    expect(queue.size).toBe(0);
    expect(order).toHaveLength(MANY);
    expect(order.every((n, i) => n === i)).toBe(true);
    expect(elapsedMs).toBeLessThan(boundMs(floorMs));
  }, 120_000);

  it(`times out ${MANY} queued calls at once, in time linear in their number`, async () => {
    const floorMs = await msToRejectPlainly(MANY);
    const clock = new HeldClock();
    const { queue, rejections } = queueOf(clock);
    const calls = Array.from({ length: MANY }, () => outcome(queue.wait()));
    const startedAt = performance.now();
    clock.fireAll();
    const results = await Promise.all(calls);
    const elapsedMs = performance.now() - startedAt;
    expect(queue.size).toBe(0);
    expect(results.every((r) => r === 'POOL_SATURATED')).toBe(true);
    expect(rejections).toHaveLength(MANY);
    expect(elapsedMs).toBeLessThan(boundMs(floorMs));
  }, 120_000);
});

/**
 * A clock whose timers fire only when told, all at once, oldest first.
 * Costs O(1) per timer (ManualClock's `cancel` is linear), so that what the
 * tests above time is the queue.
 */
class HeldClock implements Clock {
  readonly #timers: { callback: () => void; isCancelled: boolean }[] = [];
  now = () => 0;
  wallNow = () => 0;
  setTimeout(callback: () => void) {
    const timer = { callback, isCancelled: false };
    this.#timers.push(timer);
    return { cancel: () => (timer.isCancelled = true) };
  }
  fireAll(): void {
    for (const timer of this.#timers.splice(0)) if (!timer.isCancelled) timer.callback();
  }
}

/** How long rejecting `n` plain promises with SnakepitErrors takes here and now. */
async function msToRejectPlainly(n: number): Promise<number> {
  const rejects: ((error: SnakepitError) => void)[] = [];
  const settled = Array.from({ length: n }, () =>
    new Promise<void>((_, reject) => rejects.push(reject)).catch(() => 0),
  );
  const startedAt = performance.now();
  for (const reject of rejects) reject(new SnakepitError('ABORTED', 'aborted'));
  await Promise.all(settled);
  return performance.now() - startedAt;
}
