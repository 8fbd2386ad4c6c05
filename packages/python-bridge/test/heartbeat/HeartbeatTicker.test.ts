import { ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { HeartbeatMonitor } from '../../src/heartbeat/HeartbeatMonitor.js';
import { detectionBudgetMs } from '../../src/heartbeat/detectionBudget.js';
import { DEFAULT_HEARTBEAT_OPTIONS } from '../../src/heartbeat/heartbeatOptions.js';
import type { ResolvedHeartbeatOptions } from '../../src/heartbeat/detectionBudget.js';

// Many scripted workers on one clock (one thread): each answers its pings
// after `latencyMs`, or not at all while hung.
function fleet(clock: ManualClock, options: ResolvedHeartbeatOptions = DEFAULT_HEARTBEAT_OPTIONS) {
  const add = () => {
    const worker = {
      isHung: false,
      latencyMs: 1,
      pingsAtMs: [] as number[],
      misses: 0,
      hungAtMs: undefined as number | undefined,
    };
    let nextSeq = 1;
    const monitor: HeartbeatMonitor = new HeartbeatMonitor(options, clock, {
      sendPing: () => {
        const seq = nextSeq++;
        worker.pingsAtMs.push(clock.now());
        if (!worker.isHung) {
          clock.setTimeout(() => !worker.isHung && monitor.pong(seq), worker.latencyMs);
        }
        return seq;
      },
      onMissed: () => worker.misses++,
      onHung: () => (worker.hungAtMs = clock.now()),
    });
    return { worker, monitor };
  };
  return { add };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('HeartbeatTicker (heartbeats batched per clock)', () => {
  it('pings every monitor of a clock from one timer: the timers do not grow with the workers', () => {
    const clock = new ManualClock();
    const { add } = fleet(clock);
    const workers = Array.from({ length: 50 }, (_, i) => {
      clock.advance(i * 7); // started at different times
      const w = add();
      w.monitor.start();
      return w;
    });
    clock.advance(10_000);
    clock.advance(1_500); // no Pong pending: what is left is the ticker's
    // The shared tick and at most the check of the last round (not 2 × 50).
    expect(clock.pendingTimers).toBeLessThanOrEqual(2);
    const lastRound = workers.map(({ worker }) => worker.pingsAtMs.at(-1));
    expect(new Set(lastRound).size).toBe(1); // all pinged in the same wake-up
    for (const { worker } of workers) {
      // The first ping at once, then never more than an interval apart.
      expect(Math.max(...gaps(worker.pingsAtMs))).toBeLessThanOrEqual(
        DEFAULT_HEARTBEAT_OPTIONS.intervalMs,
      );
      expect(worker.misses).toBe(0);
    }
  });

  it('finds one hung worker among many within the detection budget, and only that one', () => {
    const clock = new ManualClock();
    const { add } = fleet(clock);
    const workers = Array.from({ length: 20 }, () => add());
    for (const [i, { monitor }] of workers.entries()) {
      clock.advance(i * 13);
      monitor.start();
    }
    clock.advance(5_000);
    const hung = workers[7]!.worker;
    const hangAtMs = clock.now();
    hung.isHung = true;
    clock.advance(30_000);
    expect(hung.hungAtMs).toBeDefined();
    expect(hung.hungAtMs! - hangAtMs).toBeLessThanOrEqual(
      detectionBudgetMs(DEFAULT_HEARTBEAT_OPTIONS),
    );
    expect(hung.misses).toBe(DEFAULT_HEARTBEAT_OPTIONS.maxMissed);
    const others = workers.filter(({ worker }) => worker !== hung);
    expect(others.map(({ worker }) => worker.misses)).toEqual(others.map(() => 0));
  });

  it('judges a ping exactly timeoutMs after it was sent: a Pong just in time is no miss', () => {
    const clock = new ManualClock();
    const { add } = fleet(clock);
    const early = add();
    const late = add();
    early.monitor.start();
    clock.advance(600);
    late.monitor.start(); // its first ping's check is due 600 ms after the first's
    early.worker.latencyMs = late.worker.latencyMs = DEFAULT_HEARTBEAT_OPTIONS.timeoutMs - 1;
    clock.advance(20_000);
    expect([early.worker.misses, late.worker.misses]).toEqual([0, 0]);
    early.worker.latencyMs = late.worker.latencyMs = DEFAULT_HEARTBEAT_OPTIONS.timeoutMs + 1;
    // The next round (at 22 000) is judged at 23 000, before its Pongs (23 001).
    clock.advance(DEFAULT_HEARTBEAT_OPTIONS.intervalMs + DEFAULT_HEARTBEAT_OPTIONS.timeoutMs);
    expect([early.worker.misses, late.worker.misses]).toEqual([1, 1]);
  });

  it('groups monitors by interval and timeout, and stops its timers when the last one stops', () => {
    const clock = new ManualClock();
    const fast = { intervalMs: 500, timeoutMs: 200, maxMissed: 3 };
    const a = fleet(clock).add();
    const b = fleet(clock, fast).add();
    a.monitor.start();
    b.monitor.start();
    clock.advance(2_050);
    expect(gaps(a.worker.pingsAtMs)).toEqual([2_000]);
    expect(gaps(b.worker.pingsAtMs)).toEqual([500, 500, 500, 500]);
    a.monitor.stop();
    b.monitor.stop();
    clock.advance(1); // the last Pong
    expect(clock.pendingTimers).toBe(0);
    // A monitor started again joins a fresh round and pings at once.
    a.monitor.start();
    expect(a.worker.pingsAtMs.at(-1)).toBe(clock.now());
  });

  it('keeps pinging the others when a monitor stops during a round', () => {
    const clock = new ManualClock();
    const { add } = fleet(clock);
    const first = add();
    const second = add();
    // A hung verdict stops its monitor from inside the round's check.
    first.worker.isHung = true;
    first.monitor.start();
    second.monitor.start();
    clock.advance(30_000);
    expect(first.worker.hungAtMs).toBeDefined();
    expect(second.worker.pingsAtMs.length).toBe(16); // at 0, 2000, … 30000
    expect(second.worker.misses).toBe(0);
  });
});
