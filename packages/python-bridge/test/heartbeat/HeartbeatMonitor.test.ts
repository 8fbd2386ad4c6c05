import { ManualClock } from '@snakepit/core';
import type { Clock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { HeartbeatMonitor } from '../../src/heartbeat/HeartbeatMonitor.js';
import { detectionBudgetMs } from '../../src/heartbeat/detectionBudget.js';
import { DEFAULT_HEARTBEAT_OPTIONS } from '../../src/heartbeat/heartbeatOptions.js';

// The owner's clock: a manual one whose wall clock can also be stepped (NTP,
// a VM resumed, an operator), which must never move a deadline.
function steppableClock() {
  const manual = new ManualClock();
  let wallStepMs = 0;
  const clock: Clock & { advance(ms: number): void; readonly pendingTimers: number } = {
    now: () => manual.now(),
    wallNow: () => manual.wallNow() + wallStepMs,
    setTimeout: (callback, delayMs) => manual.setTimeout(callback, delayMs),
    advance: (ms: number) => manual.advance(ms),
    get pendingTimers() {
      return manual.pendingTimers;
    },
  };
  return { clock, stepWall: (ms: number) => (wallStepMs += ms) };
}

// A scripted worker: answers pings after `latencyMs`, or not at all while hung.
function setup(options = DEFAULT_HEARTBEAT_OPTIONS) {
  const { clock, stepWall } = steppableClock();
  const log: string[] = [];
  const worker = { isHung: false, latencyMs: 1 };
  let hungAtMs: number | undefined;
  let nextSeq = 1;
  const monitor: HeartbeatMonitor = new HeartbeatMonitor(options, clock, {
    sendPing: () => {
      const seq = nextSeq++;
      log.push(`ping ${seq}`);
      if (!worker.isHung) {
        clock.setTimeout(() => !worker.isHung && monitor.pong(seq), worker.latencyMs);
      }
      return seq;
    },
    onReceived: (seq, latencyMs) => log.push(`pong ${seq} ${latencyMs}ms`),
    onMissed: (seq, misses) => log.push(`miss ${seq} #${misses}`),
    onHung: () => (hungAtMs = clock.now()),
  });
  return { clock, stepWall, log, worker, monitor, hungAt: () => hungAtMs };
}

describe('HeartbeatMonitor', () => {
  it('pings every interval and reports round trips', () => {
    const { clock, log, monitor } = setup();
    monitor.start();
    clock.advance(4_100);
    expect(log).toEqual(['ping 1', 'pong 1 1ms', 'ping 2', 'pong 2 1ms', 'ping 3', 'pong 3 1ms']);
  });

  it('declares a worker hung after maxMissed consecutive misses, within the detection budget', () => {
    const { clock, worker, monitor, hungAt, log } = setup();
    monitor.start();
    clock.advance(1_000);
    worker.isHung = true;
    clock.advance(60_000);
    expect(log.filter((l) => l.startsWith('miss'))).toEqual([
      'miss 2 #1',
      'miss 3 #2',
      'miss 4 #3',
    ]);
    expect(hungAt()).toBeDefined();
    expect(hungAt()! - 1_000).toBeLessThanOrEqual(detectionBudgetMs(DEFAULT_HEARTBEAT_OPTIONS));
    expect(hungAt()! - 1_000).toBeLessThan(10_000);
    expect(clock.pendingTimers).toBe(0); // stopped itself
  });

  it('never judges a worker hung on a single slow ping', () => {
    const { clock, worker, monitor, hungAt } = setup();
    monitor.start();
    worker.latencyMs = 3_000; // one slow answer, then normal again
    clock.advance(100);
    worker.latencyMs = 1;
    clock.advance(30_000);
    expect(hungAt()).toBeUndefined();
    expect(monitor.consecutiveMisses).toBe(0);
  });

  it('does not count misses while the worker declared itself busy', () => {
    const { clock, worker, monitor, hungAt } = setup();
    monitor.start();
    worker.isHung = true;
    monitor.busyFor(20_000);
    clock.advance(20_000);
    expect(hungAt()).toBeUndefined();
    clock.advance(10_000);
    expect(hungAt()).toBeDefined();
  });

  // Issue 20: the deadline was a wall-clock time compared with the owner's own
  // wall clock, so a step of either clock moved it by the step.
  describe.each([
    ['a duration (Busy.duration_ms)', (m: HeartbeatMonitor) => m.busyFor(20_000)],
    [
      'a wall-clock deadline from an older worker (Busy.until_unix_ms)',
      (m: HeartbeatMonitor, c: Clock) => m.busyUntil(c.wallNow() + 20_000),
    ],
  ])('a Busy announced as %s', (_, announce) => {
    it.each([
      ['forward', 3_600_000],
      ['back', -3_600_000],
    ])("is not moved when the owner's wall clock steps an hour %s", (_, stepMs) => {
      const { clock, stepWall, worker, monitor, hungAt } = setup();
      monitor.start();
      clock.advance(1_000);
      worker.isHung = true;
      announce(monitor, clock);
      stepWall(stepMs);
      // Forward, it must not end the Busy early: the worker is not killed.
      clock.advance(19_000);
      expect(hungAt()).toBeUndefined();
      // Back, it must not extend it by an hour: a real hang is still found.
      clock.advance(10_000);
      expect(hungAt()).toBeDefined();
      expect(hungAt()! - 21_000).toBeLessThanOrEqual(detectionBudgetMs(DEFAULT_HEARTBEAT_OPTIONS));
    });
  });

  it('clears a Busy with a zero duration', () => {
    const { clock, worker, monitor, hungAt } = setup();
    monitor.start();
    monitor.busyFor(60_000);
    clock.advance(1_000);
    worker.isHung = true;
    monitor.busyFor(0);
    clock.advance(10_000);
    expect(hungAt()).toBeDefined();
    expect(hungAt()! - 1_000).toBeLessThanOrEqual(detectionBudgetMs(DEFAULT_HEARTBEAT_OPTIONS));
  });

  it('treats a wall-clock deadline already passed as no Busy', () => {
    const { clock, worker, monitor, hungAt } = setup();
    monitor.start();
    clock.advance(1_000);
    worker.isHung = true;
    monitor.busyUntil(clock.wallNow() - 5_000);
    clock.advance(10_000);
    expect(hungAt()! - 1_000).toBeLessThanOrEqual(detectionBudgetMs(DEFAULT_HEARTBEAT_OPTIONS));
  });

  it('treats any proof of life as clearing the misses', () => {
    const { clock, worker, monitor, hungAt } = setup();
    monitor.start();
    worker.isHung = true;
    clock.advance(3_500); // pings at 0 and 2000 time out at 1000 and 3000: two misses
    expect(monitor.consecutiveMisses).toBe(2);
    monitor.recordLife();
    clock.advance(3_000);
    expect(hungAt()).toBeUndefined();
  });

  it('detects in ~1.5 s with a 500 ms interval and timeout', () => {
    const options = { intervalMs: 500, timeoutMs: 500, maxMissed: 3 };
    const { clock, worker, monitor, hungAt } = setup(options);
    monitor.start();
    clock.advance(1_010);
    worker.isHung = true;
    clock.advance(10_000);
    expect(hungAt()! - 1_010).toBeLessThanOrEqual(detectionBudgetMs(options));
  });
});
